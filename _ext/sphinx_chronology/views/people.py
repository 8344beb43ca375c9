"""The people index: every person, with the events they attended and the title each held then."""

from __future__ import annotations

from docutils import nodes

from sphinx_chronology.store.index import EventLink, Index
from sphinx_chronology.views.base import SimpleView, ViewKind
from sphinx_chronology.views.data import side_name
from sphinx_chronology.views.render import Context, anchor_target, role_text


class PeopleIndex(SimpleView):
    kind = "people"


def people(index: Index) -> tuple[tuple[str, str, str, tuple[tuple[EventLink, str, bool], ...]], ...]:
    """(id, display name, side, [(event, title then, lead)]) for every person, by name."""
    entries = sorted(index.registry.people.values(), key=lambda p: (p.name.split()[-1].lower(), p.name, p.id))
    return tuple(
        (
            person.id,
            person.display(),
            side_name(index, person.side) if person.side else "",
            tuple(
                (index.links[event.docname], delegate.title, delegate.lead)
                for event, delegate in index.by_person.get(person.id, [])
            ),
        )
        for person in entries
    )


def render_people(
    ctx: Context, people: tuple[tuple[str, str, str, tuple[tuple[EventLink, str, bool], ...]], ...]
) -> list[nodes.Node]:
    items = nodes.bullet_list(classes=["chron-people"])
    for ident, name, side, events in people:
        para = nodes.paragraph()
        para += anchor_target(f"person-{ident}")
        para += nodes.strong(text=name)
        if side:
            para += nodes.Text(f" ({side})")
        item = nodes.list_item("", para)
        if events:
            sub = nodes.bullet_list()
            for event, title, lead in events:
                line = nodes.paragraph()
                line += ctx.event(event, with_date=True)
                details = role_text(title, "", lead)
                if details:
                    line += nodes.Text(f" \u2014 {details}")
                sub += nodes.list_item("", line)
            item += sub
        items += item
    return [items]


PEOPLE = ViewKind("people", lambda index, arg: people(index), render_people, {"chronology-people": PeopleIndex})
