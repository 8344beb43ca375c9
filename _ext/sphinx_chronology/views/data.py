"""What several views show of an event, as plain immutable data: its card (year pages, series pages) and its
header, with the links to people, topics and series they carry.

Rendering reads only such values, and incremental builds hash them (``incremental.py``): a page is rewritten
exactly when the data it shows has changed. Each view's own data is made in its module (``year.py`` ...).
"""

from __future__ import annotations

from dataclasses import dataclass

from sphinx_chronology.locale import _
from sphinx_chronology.model.records import Event, Exchange
from sphinx_chronology.store.index import EventLink, Index

Link = tuple[str, str, str]  # (docname, anchor, text); docname "" when the target has no page


@dataclass(frozen=True)
class Card:
    """An event as listed in the chronology, a series or an index."""

    event: EventLink
    place: str
    leads: tuple[tuple[str, tuple[str, ...]], ...]
    kind: str  # the labels of the event's kind, status and format
    status: str
    format: str
    series: str
    round: str
    uncertain: bool = False
    status_badge: str = "info"  # the status badge's colour
    format_badge: bool = False  # whether cards show the format
    invalid: bool = False  # the entry's data had errors: what could be read is shown


@dataclass(frozen=True)
class Delegation:
    side: str
    people: tuple[tuple[Link, str, bool, str], ...]  # (person link, title then, lead, role)


@dataclass(frozen=True)
class Header:
    card: Card
    series: Link | None
    previous: EventLink | None
    next: EventLink | None
    timezone: str
    delegations: tuple[Delegation, ...]
    topics: tuple[Link, ...]
    related: tuple[tuple[str, EventLink | str], ...]
    outcomes: tuple[str, ...]
    exchange: Exchange | None
    uncertain: tuple[tuple[str, str], ...] = ()
    #: the page that lists the event's year, when there is one
    year: Link | None = None
    #: the delegates' names as the book's general index gives them (family name first)
    index_names: tuple[str, ...] = ()


#: front-matter fields as the header names them (``end`` is part of the date, ``round`` of the series)
_FIELD_LABELS = {
    "date": "Date",
    "end": "Date",
    "approximate": "Date",
    "place": "Place",
    "status": "Status",
    "kind": "Type",
    "format": "Type",
    "series": "Series",
    "round": "Series",
    "topics": "Topics",
    "related": "Related",
    "outcomes": "Outcomes",
    "exchange": "Government exchange",
}


def field_label(index: Index, field: str) -> str:
    """What a reader calls the field an ``uncertain:`` entry names: ``delegations.cn`` is "China delegation",
    ``delegations`` every side's, ``status`` "Status"; a field the header does not show keeps its name."""
    name, _dot, side = field.partition(".")
    if name == "delegations":
        sides = [side] if side else list(index.registry.sides)
        return ", ".join(_("%s delegation") % side_name(index, s) for s in sides)
    label = _FIELD_LABELS.get(name)
    return str(_(label)) if label else field


def side_name(index: Index, side: str) -> str:
    entry = index.registry.sides.get(side)
    return (entry.short or entry.name) if entry else side


def person_link(index: Index, person: str) -> Link:
    entry = index.registry.people.get(person)
    return (index.doc_of("people") or "", f"person-{person}", entry.display() if entry else person)


def topic_link(index: Index, topic: str) -> Link:
    entry = index.registry.topics.get(topic)
    return (index.doc_of("topics") or "", f"topic-{topic}", entry.name if entry else topic)


def year_link(index: Index, year: int) -> Link | None:
    doc = index.doc_of("year", str(year))
    return (doc, "", _("Events of %d") % year) if doc else None


def series_link(index: Index, series: str) -> Link:
    entry = index.registry.series.get(series)
    return (index.doc_of("series", series) or "", "", entry.name if entry else series)


def _sides_in_order(index: Index, event: Event) -> list[str]:
    order = list(index.registry.sides)
    return sorted(
        (side for side, _ in event.delegations), key=lambda s: (s not in order, order.index(s) if s in order else 0, s)
    )


def card(index: Index, event: Event) -> Card:
    return index.memoized(("card", event.docname), lambda: _card(index, event))


def _card(index: Index, event: Event) -> Card:
    leads = dict(event.leads())
    series = index.registry.series.get(event.series)
    vocabulary = index.vocabulary
    status, fmt = vocabulary.status(event.status), vocabulary.format(event.format)
    return Card(
        event=index.links[event.docname],
        place=str(_("virtual"))
        if event.format == "virtual" and not event.place
        else (event.place.display() if event.place else ""),
        leads=tuple(
            (side_name(index, side), tuple(person_link(index, d.person)[2] for d in leads[side]))
            for side in _sides_in_order(index, event)
            if leads[side]
        ),
        kind=vocabulary.kind(event.kind).label,
        status=status.label,
        format=fmt.label if event.format else "",
        format_badge=bool(event.format) and fmt.badge,
        status_badge=status.badge,
        invalid=event.invalid,
        series=(series.short or series.name) if series else event.series,
        round=event.round_text,
        uncertain=bool(event.uncertain),
    )


def header(index: Index, event: Event) -> Header:
    return index.memoized(("header", event.docname), lambda: _header(index, event))


def _header(index: Index, event: Event) -> Header:
    previous, following = index.neighbours(event)
    delegations = dict(event.delegations)
    people = index.registry.people
    relation = index.vocabulary.relation
    return Header(
        card=card(index, event),
        series=series_link(index, event.series) if event.series else None,
        year=year_link(index, event.date.year),
        previous=index.links[previous.docname] if previous else None,
        next=index.links[following.docname] if following else None,
        timezone=event.timezone,
        delegations=tuple(
            Delegation(
                side_name(index, side),
                tuple((person_link(index, d.person), d.title, d.lead, d.role) for d in delegations[side]),
            )
            for side in _sides_in_order(index, event)
        ),
        topics=tuple(topic_link(index, topic) for topic in event.topics),
        related=tuple(
            (
                relation(r.relation).label,
                index.links[index.by_id[r.event].docname] if r.event in index.by_id else r.event,
            )
            for r in event.related
        )
        + tuple(
            (relation(name).inverse, index.links[other.docname])
            for name, other in index.referenced_by.get(event.id, [])
        ),
        outcomes=event.outcomes,
        exchange=event.exchange,
        uncertain=tuple((field_label(index, u.field), u.note) for u in event.uncertain),
        index_names=tuple(
            people[d.person].inverted(side in index.registry.sides and index.registry.sides[side].family_first)
            if d.person in people
            else d.person
            for side in _sides_in_order(index, event)
            for d in delegations[side]
        ),
    )
