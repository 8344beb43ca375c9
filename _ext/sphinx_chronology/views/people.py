"""The people index: every person, with the events they attended and the title each held then."""

from __future__ import annotations

from docutils import nodes

from sphinx_chronology.store.index import EventLink, Index
from sphinx_chronology.views.base import SimpleView, ViewKind
from sphinx_chronology.views.data import side_name
from sphinx_chronology.views.header import event_link
from sphinx_chronology.views.layout import Bullets, Entry, Line, Strong, Target, emit
from sphinx_chronology.views.nodes import search_anchor
from sphinx_chronology.views.render import Context, role_text


class PeopleIndex(SimpleView):
    kind = "people"


def people(index: Index) -> tuple[tuple[str, str, str, tuple[tuple[EventLink, str, bool], ...]], ...]:
    """(id, display name, side, [(event, title then, lead)]) for every person, by name."""
    sides = index.registry.sides
    entries = sorted(
        index.registry.people.values(), key=lambda p: p.sort_key(p.side in sides and sides[p.side].family_first)
    )
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
    """Every person with the events they attended: a layout (``layout.py``), one node however many people."""
    entries = []
    for ident, name, side, events in people:
        anchor = f"person-{ident}"
        line: Line = (Target((anchor, search_anchor(anchor))), Strong((name,)), *((f" ({side})",) if side else ()))
        attended = tuple(
            (
                event_link(event, with_date=True),
                *((f" \u2014 {details}",) if (details := role_text(title, "", lead)) else ()),
            )
            for event, title, lead in events
        )
        entries.append(Entry(line, (Bullets((), attended),) if attended else ()))
    return [emit(ctx, Bullets(("chron-people",), tuple(entries)))]


PEOPLE = ViewKind("people", lambda index, arg: people(index), render_people, {"chronology-people": PeopleIndex})
