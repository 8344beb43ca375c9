"""What each generated view shows, as plain immutable data.

Rendering (``render.py``) reads only these values, and incremental builds hash them (``incremental.py``):
a page is rewritten exactly when the data it shows has changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from sphinx_chronology.bibliography.citations import label
from sphinx_chronology.bibliography.csl import GROUPS, group_of
from sphinx_chronology.figures.data import FigureData, collect, parse_filters
from sphinx_chronology.locale import _, plural
from sphinx_chronology.model.records import DisputeRecord, Event, Exchange
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


def side_name(index: Index, side: str) -> str:
    entry = index.registry.sides.get(side)
    return (entry.short or entry.name) if entry else side


def person_link(index: Index, person: str) -> Link:
    entry = index.registry.people.get(person)
    return (index.doc_of("people") or "", f"person-{person}", entry.display() if entry else person)


def topic_link(index: Index, topic: str) -> Link:
    entry = index.registry.topics.get(topic)
    return (index.doc_of("topics") or "", f"topic-{topic}", entry.name if entry else topic)


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
        series=(series.short or series.name) if series else event.series,
        round=event.round_text,
        uncertain=bool(event.uncertain),
    )


def header(index: Index, event: Event) -> Header:
    return index.memoized(("header", event.docname), lambda: _header(index, event))


def _header(index: Index, event: Event) -> Header:
    previous, following = index.neighbours(event)
    delegations = dict(event.delegations)
    relation = index.vocabulary.relation
    return Header(
        card=card(index, event),
        series=series_link(index, event.series) if event.series else None,
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
        uncertain=tuple((u.field, u.note) for u in event.uncertain),
    )


def year(index: Index, year_text: str) -> tuple[Card, ...]:
    return tuple(card(index, event) for event in index.by_year.get(int(year_text), []))


@dataclass(frozen=True)
class Round:
    """A row of a series page; ``event`` is None for a gap in the numbering."""

    label: str
    event: EventLink | None = None
    place: str = ""
    status: str = ""  # the status's label, when it is not the usual one (the vocabulary's first)


def series_rounds(index: Index, series_id: str) -> tuple[Round, ...]:
    """Rows of a series page: each event with its round, and a row for each gap in the numbering."""
    rows: list[Round] = []
    series = index.registry.series.get(series_id)
    last = (series.first_round if series else 1) - 1
    usual = index.vocabulary.first_status
    for event in index.by_series.get(series_id, []):
        if event.round is not None:
            rows.extend(Round(_("Round %d") % missing) for missing in range(last + 1, event.round))
            last = max(last, event.round)
        shown = card(index, event)
        label = _("Round %d") % event.round if event.round is not None else event.round_label or _("session")
        status = shown.status if event.status not in ("", usual) else ""
        rows.append(Round(label[:1].upper() + label[1:], shown.event, shown.place, status))
    return tuple(rows)


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


def topics(index: Index) -> tuple[tuple[str, str, str, tuple[EventLink, ...]], ...]:
    return tuple(
        (
            topic.id,
            topic.name,
            topic.description,
            tuple(index.links[e.docname] for e in index.by_topic.get(topic.id, [])),
        )
        for topic in sorted(index.registry.topics.values(), key=lambda t: t.name.lower())
    )


@dataclass(frozen=True)
class SourceEntry:
    """A bibliography entry: the formatted reference, its links and its group on the bibliography page."""

    key: str
    label: str
    formatted: str
    url: str
    archive_url: str
    archive_date: str
    group: str


def _web(value: object) -> str:
    text = str(value or "")
    return text if text.startswith(("http://", "https://")) else ""


def source_entry(index: Index, key: str) -> SourceEntry:
    """A source as listed: once per build, however many pages cite it."""
    return index.memoized(("source", key), lambda: _source_entry(index, key))


def _source_entry(index: Index, key: str) -> SourceEntry:
    source = index.registry.sources[key]
    custom = source.get("custom") or {}
    assert isinstance(custom, dict)
    return SourceEntry(
        key=key,
        label=label(source),
        formatted=index.formatted(key),
        url=_web(source.get("URL")),
        archive_url=_web(custom.get("archive-url")),
        archive_date=str(custom.get("archive-date") or ""),
        group=group_of(source),
    )


def event_sources(index: Index, docname: str) -> tuple[SourceEntry, ...]:
    """The sources a page cites, in order of first citation."""
    return index.memoized(("sources", docname), lambda: _event_sources(index, docname))


def _event_sources(index: Index, docname: str) -> tuple[SourceEntry, ...]:
    keys: dict[str, None] = {}
    for citation in index.citations.get(docname, ()):
        keys.update(dict.fromkeys(citation.keys))
    return tuple(source_entry(index, key) for key in keys if key in index.registry.sources)


def bibliography(
    index: Index,
) -> tuple[tuple[str, tuple[tuple[SourceEntry, tuple[tuple[str, str, str], ...]], ...]], ...]:
    """Groups of sources (in ``GROUPS`` order), each sorted by label, with the passages citing each source
    (docname, anchor, page title)."""
    rows: dict[str, list[tuple[SourceEntry, tuple[tuple[str, str, str], ...]]]] = {g[0]: [] for g in GROUPS}
    for key in sorted(index.registry.sources, key=lambda k: (label(index.registry.sources[k]).lower(), k)):
        entry = source_entry(index, key)
        rows[entry.group].append((entry, tuple(index.cited_by.get(key, []))))
    return tuple((group, tuple(entries)) for group, entries in rows.items() if entries)


def view(index: Index, kind: str, arg: str) -> object:
    """The data of the view ``kind`` (see ``render.view``); None for an unknown kind or argument."""
    return index.memoized(("view", kind, arg), lambda: _view(index, kind, arg))


def _view(index: Index, kind: str, arg: str) -> object:
    if kind == "year":
        return year(index, arg)
    if kind == "series":
        return (arg, series_rounds(index, arg))
    if kind == "people":
        return people(index)
    if kind == "topics":
        return topics(index)
    if kind == "bibliography":
        return bibliography(index)
    if kind == "figure":
        return figure(index, arg)
    if kind == "disputes":
        return disputes(index)
    return None


def disputes(index: Index) -> tuple[tuple[str, DisputeRecord], ...]:
    """Every disputed point, in the order of the pages' events (then of other pages), with its page."""
    order = {event.docname: position for position, event in enumerate(index.events)}
    pages = sorted(index.disputes, key=lambda doc: (order.get(doc, len(order)), doc))
    return tuple((doc, record) for doc in pages for record in index.disputes[doc])


def figure(index: Index, arg: str) -> FigureData:
    """A figure view's data from its argument (see ``views.figure_arg``)."""
    options = json.loads(arg)
    filters, _problems = parse_filters(options)
    data = collect(index, options["figure"], filters, options.get("caption", ""), options.get("alt", ""))
    if not data.alt:
        years = sorted({int(p.x) for p in data.points})
        span = f", {years[0]}–{years[-1]}" if years else ""
        count = plural("%d event", "%d events", len(data.points)) % len(data.points)
        lanes = plural("%d lane", "%d lanes", len(data.lanes)) % len(data.lanes)
        alt = {
            "overview": _("Timeline of %(count)s in %(lanes)s%(span)s")
            % {"count": count, "lanes": lanes, "span": span},
            "series": _("Timeline of the %(series)s: %(count)s%(span)s")
            % {"series": ", ".join(data.lanes) or _("series"), "count": count, "span": span},
            "density": _("Number of events per year, by kind: %(count)s%(span)s") % {"count": count, "span": span},
        }[data.kind]
        data = replace(data, alt=alt)
    return data
