"""An event page's header: date, place, status, type, series with its neighbours, topics, what is unverified,
related events, the delegations side by side, outcomes and the exchange-database record.

Its layout (``layout.py``) is made here once from the header's data; HTML writes it through the translator,
the PDF and the other builders get docutils nodes made from it.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes

from sphinx_chronology.locale import _
from sphinx_chronology.model.records import Exchange
from sphinx_chronology.store.index import EventLink
from sphinx_chronology.views.data import Card, Header
from sphinx_chronology.views.layout import (
    Block,
    Box,
    Bullets,
    Emphasis,
    Fields,
    Line,
    Link,
    Literal,
    Rubric,
    Strong,
    make_layout_node,
    to_nodes,
)
from sphinx_chronology.views.layout import Table as LayoutTable
from sphinx_chronology.views.nodes import search_anchor
from sphinx_chronology.views.render import Context, event_text, role_text


def when(data: Header) -> str:
    return data.card.event.when + (f" ({data.timezone})" if data.timezone else "")


def type_line(card: Card) -> str:
    return " \u00b7 ".join(v for v in (card.kind, card.format) if v)


def uncertain_notes(data: Header) -> str:
    return "; ".join(f"{field}: {note}" if note else field for field, note in data.uncertain)


def event_link(event: EventLink, with_date: bool = False) -> Link:
    text, title = event_text(event, with_date)
    return Link(event.docname, "", text, title, page=True)


def _joined(parts: list[Line], separator: str) -> Line:
    line: list[object] = []
    for position, part in enumerate(parts):
        if position:
            line.append(separator)
        line.extend(part)
    return tuple(line)  # type: ignore[arg-type]


def header_layout(data: Header) -> Box:
    """What the header shows, once, for every builder."""
    card = data.card
    rows: list[tuple[str, Line]] = [
        (_("Date"), (when(data), *((" \u00b7 ", Link(*data.year, page=True)) if data.year else ()))),
        (_("Place"), (card.place or _("not recorded"),)),
        (_("Status"), (card.status,)),
        (_("Type"), (type_line(card),)),
    ]
    if data.series:
        series: list[object] = [Link(*data.series)]
        if card.round:
            series.append(f", {card.round}")
        if data.previous:
            series += [" \u00b7 " + _("previous: "), event_link(data.previous, with_date=True)]
        if data.next:
            series += [" \u00b7 " + _("next: "), event_link(data.next, with_date=True)]
        rows.append((_("Series"), tuple(series)))  # type: ignore[arg-type]
    if data.topics:
        rows.append((_("Topics"), _joined([(Link(*topic),) for topic in data.topics], ", ")))
    if data.uncertain:
        rows.append((_("Unverified"), (Emphasis((uncertain_notes(data),)),)))
    if card.invalid:
        rows.append((_("Entry"), (Emphasis((_("incomplete: some of its data could not be read"),)),)))
    if data.related:
        related = [
            (f"{relation}: ", event_link(target, with_date=True) if isinstance(target, EventLink) else Literal(target))
            for relation, target in data.related
        ]
        rows.append((_("Related"), _joined(related, "; ")))  # type: ignore[arg-type]
    blocks: list[Block] = [Fields(("chron-header-fields",), tuple(rows))]
    if data.delegations:
        blocks.append(
            LayoutTable(
                ("chron-delegations",),
                tuple(_("%s delegation") % delegation.side for delegation in data.delegations),
                tuple(tuple(_delegate(*person) for person in delegation.people) for delegation in data.delegations),
            )
        )
    if data.outcomes:
        blocks += [Rubric(_("Outcomes")), Bullets((), tuple((outcome,) for outcome in data.outcomes))]
    if data.exchange:
        blocks.append(exchange_layout(data.exchange))
    anchor = search_anchor(f"event-{data.card.event.id}")
    return Box((anchor,), ("chron-header",), tuple(blocks))


def _delegate(person: tuple[str, str, str], title: str, lead: bool, role: str) -> Line:
    name = Link(*person)
    extras = role_text(title, role, lead)
    return ((Strong((name,)) if lead else name), *((f", {extras}",) if extras else ()))


def exchange_fields(exchange: Exchange) -> list[tuple[str, str]]:
    """The exchange-database record's fields that have a value, as (name, text)."""
    yes_no = {True: _("yes"), False: _("no"), None: ""}
    pairs = [
        (_("Government exchange"), yes_no[exchange.government]),
        (_("Type of exchange"), exchange.type),
        (_("Partners"), "; ".join(exchange.partners)),
        (_("Sponsors"), "; ".join(exchange.sponsors)),
        (_("Participants (types)"), "; ".join(exchange.participant_types)),
        (_("Number of participants"), "" if exchange.participants is None else str(exchange.participants)),
        (_("Level of government"), exchange.level),
        (_("Continuing"), yes_no[exchange.continuing]),
    ]
    return [(str(name), str(value)) for name, value in pairs if value]


def exchange_layout(exchange: Exchange) -> Box:
    rows = tuple((name, (value,)) for name, value in exchange_fields(exchange))
    blocks = (Rubric(_("Exchange-database record")), Fields(("chron-exchange",), rows))
    return Box((), ("chron-exchange-record",), blocks)


def index_entries(data: Header) -> list[tuple[str, str, str, str, str | None]]:
    """General-index entries of an event: under its series, each delegate and each topic, "year: title"."""
    event = data.card.event
    year = re.search(r"\d{4}", event.when)
    label = f"{year.group(0)}: {event.title}" if year else event.title
    headings = [data.series[2]] if data.series else []
    headings += list(data.index_names)
    headings += [topic[2] for topic in data.topics]
    return [("single", f"{heading}; {label}", "", "", None) for heading in dict.fromkeys(headings)]


def render_header(ctx: Context, data: Header) -> nodes.Element:
    """The header for the builder at hand: a layout node in HTML, docutils nodes elsewhere (with the PDF's
    general-index entries)."""
    made = header_layout(data)
    if ctx.html:
        return make_layout_node(made, ctx.docname)
    container = to_nodes(ctx.builder, ctx.docname, made)
    if ctx.builder.format == "latex":  # the book's general index: series, people and topics lead to events
        container.insert(0, addnodes.index(entries=index_entries(data), inline=False))
    return container
