"""The people index: every person, with the events they attended and the title each held then."""

from __future__ import annotations

from docutils import nodes

from sphinx_chronology.store.index import EventLink, Index
from sphinx_chronology.views.base import SimpleView, ViewKind
from sphinx_chronology.views.data import side_name
from sphinx_chronology.views.header import event_link
from sphinx_chronology.views.layout import Block, Box, Bullets, Entry, Line, Link, Para, Strong, Target, emit
from sphinx_chronology.views.nodes import search_anchor
from sphinx_chronology.views.paging import Paging
from sphinx_chronology.views.render import Context, initial, letter_anchor, role_text


class PeopleIndex(SimpleView):
    kind = "people"


Person = tuple[str, str, str, tuple[tuple[EventLink, str, bool], ...], str]


def people(index: Index) -> tuple[str, tuple[Person, ...]]:
    """The people index's page, and (id, display name, side, [(event, title then, lead)], initial) for every
    person, by family name; the initial is the letter the name sorts under (Obama under O, Wu Bangguo under
    W)."""
    sides = index.registry.sides
    keyed = sorted(
        (p.sort_key(p.side in sides and sides[p.side].family_first), p) for p in index.registry.people.values()
    )
    return index.doc_of("people") or "", tuple(
        (
            person.id,
            person.display(),
            side_name(index, person.side) if person.side else "",
            tuple(
                (index.links[event.docname], delegate.title, delegate.lead)
                for event, delegate in index.by_person.get(person.id, [])
            ),
            initial(key[0]),
        )
        for key, person in keyed
    )


def render_people(ctx: Context, people: tuple[str, tuple[Person, ...]]) -> list[nodes.Node]:
    """Every person with the events they attended, under the letter they sort by, and a bar of the letters
    that leads to each: a layout (``layout.py``), one node however many people."""
    page, persons = people
    groups: dict[str, list[Line | Entry]] = {}
    for ident, name, side, events, letter in persons:
        anchor = f"person-{ident}"
        line: Line = (Target((anchor, search_anchor(anchor))), Strong((name,)), *((f" ({side})",) if side else ()))
        attended = tuple(
            (
                event_link(event, with_date=True),
                *((f" \u2014 {details}",) if (details := role_text(title, "", lead)) else ()),
            )
            for event, title, lead in events
        )
        groups.setdefault(letter, []).append(Entry(line, (Bullets((), attended),) if attended else ()))
    if not groups:
        return [emit(ctx, Bullets(("chron-people",), ()))]
    bar: list[str | Link] = []
    for letter in groups:
        bar += [" " if bar else "", Link(page, letter_anchor("people", letter), letter)]
    blocks: tuple[Block, ...] = (
        *(() if ctx.part else (Para(("chron-letters",), tuple(bar)),)),  # a letter page has the pages' bar
        *(
            Box(
                (),
                ("chron-letter",),
                (
                    Para(("chron-letter-heading",), (Target((letter_anchor("people", letter),)), Strong((letter,)))),
                    Bullets(("chron-people",), tuple(entries)),
                ),
            )
            for letter, entries in groups.items()
        ),
    )
    return [emit(ctx, Box((), ("chron-people-index",), blocks))]


PEOPLE = ViewKind(
    "people",
    lambda index, arg: people(index),
    render_people,
    {"chronology-people": PeopleIndex},
    Paging(
        lambda data: tuple((f"person-{p[0]}", p[4], p[1], 1 + len(p[3])) for p in data[1]),
        lambda data, start, stop: (data[0], data[1][start:stop]),
        "people",
    ),
)
