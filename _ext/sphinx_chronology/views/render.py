"""Docutils nodes for the generated views, built from ``viewdata`` values when a page is written.

Everything here is ordinary docutils (tables, lists, paragraphs, containers with sphinx-design classes), so
the HTML and LaTeX writers render it without custom visitors; HTML-only styling is carried by classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.builders import Builder

from sphinx_chronology.bibliography.csl import to_nodes
from sphinx_chronology.locale import _
from sphinx_chronology.model.records import DisputeRecord
from sphinx_chronology.store.index import EventLink
from sphinx_chronology.views.data import Card, Header, Link, Round, SourceEntry
from sphinx_chronology.views.nodes import page_reference, reference_to, search_anchor, with_anchor


@dataclass(frozen=True)
class Context:
    """Where the nodes go: the builder, the document they are written into, the figure cache."""

    builder: Builder
    docname: str
    figure_cache: Path
    #: relative URIs from this page, by target document: a page links to a few pages many times
    _uris: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def html(self) -> bool:
        return self.builder.format == "html"

    def ref(self, docname: str, anchor: str, text: str, title: str | None = None, page: bool = False) -> nodes.Node:
        """A link to ``docname#anchor`` showing ``text`` (plain text when there is no page).

        With ``page``, the PDF follows the link with the page it leads to."""
        if not docname:
            return nodes.inline(text, text)
        if not self.html:
            return reference_to(
                self.builder, self.docname, docname, anchor, nodes.inline(text, text), title or text, page
            )
        if docname == self.docname and anchor:
            return nodes.reference("", text, internal=True, refid=anchor, reftitle=title or text)
        uri = self._uris.get(docname)
        if uri is None:
            uri = self._uris[docname] = self.builder.get_relative_uri(self.docname, docname)
        return nodes.reference("", text, internal=True, refuri=with_anchor(uri, anchor), reftitle=title or text)

    def link(self, target: Link) -> nodes.Node:
        return self.ref(*target)

    def event(self, event: EventLink, with_date: bool = False) -> nodes.Node:
        text, title = event_text(event, with_date)
        return self.ref(event.docname, "", text, title, page=True)


# What the HTML writer (``htmlviews``) and the nodes below both show, decided once.


def event_text(event: EventLink, with_date: bool) -> tuple[str, str]:
    """A link to an event: its text (the title, and the date if asked) and its title (always with date)."""
    label = f"{event.title} ({event.when})"
    return (label if with_date else event.title), label


def role_text(title: str, role: str, lead: bool) -> str:
    """What a delegate was at an event: the title then, the role, and whether they led."""
    return ", ".join(filter(None, (title, role, str(_("head of delegation")) if lead else "")))


def archive_text(entry: SourceEntry) -> str:
    return _("archived copy, captured %s") % entry.archive_date if entry.archive_date else str(_("archived copy"))


def citing_pages(citing: tuple[tuple[str, str, str], ...]) -> dict[tuple[str, str], list[str]]:
    """Each citing page once, (docname, title), with the anchors of its citing passages in order."""
    pages: dict[tuple[str, str], list[str]] = {}
    for doc, anchor, title in citing:
        pages.setdefault((doc, title), []).append(anchor)
    return pages


def badges(ctx: Context, card: Card) -> nodes.paragraph:
    para = nodes.paragraph(classes=["chron-badges"])
    labels = [(card.kind, "secondary"), (card.status, card.status_badge)]
    if card.format_badge:
        labels.append((card.format, "info"))
    if card.series:
        labels.append((" ".join(filter(None, (card.series, card.round))), "primary"))
    if card.uncertain:
        labels.append((str(_("Partly unverified")), "warning"))
    for position, (text, colour) in enumerate(labels):
        if ctx.html:
            para += nodes.inline(
                text, text, classes=["sd-sphinx-override", "sd-badge", f"sd-bg-{colour}", f"sd-bg-text-{colour}"]
            )
            para += nodes.Text(" ")
        else:
            para += nodes.Text((" \u00b7 " if position else "") + text)
    return para


def render_card(ctx: Context, card: Card) -> nodes.container:
    body = nodes.container(classes=["sd-card-body", "chron-card-body"])
    title = nodes.paragraph(classes=["sd-card-title", "sd-font-weight-bold", "chron-card-title"])
    title += ctx.event(card.event)
    body += title
    body += nodes.paragraph(
        text=" \u00b7 ".join(filter(None, (card.event.when, card.place))), classes=["chron-card-when"]
    )
    if card.leads:
        body += nodes.paragraph(
            text="; ".join(f"{side}: {', '.join(names)}" for side, names in card.leads), classes=["chron-card-leads"]
        )
    body += badges(ctx, card)
    return nodes.container("", body, classes=["sd-card", "sd-sphinx-override", "sd-mb-3", "sd-shadow-sm", "chron-card"])


def render_cards(ctx: Context, cards: tuple[Card, ...], empty: str) -> list[nodes.Node]:
    if not cards:
        return [nodes.paragraph(text=empty, classes=["chron-empty"])]
    return [render_card(ctx, card) for card in cards]


def _field(name: str, *content: nodes.Node) -> nodes.field:
    body = nodes.field_body()
    para = nodes.paragraph()
    para.extend(content)
    body += para
    return nodes.field("", nodes.field_name(name, name), body)


def _joined(ctx: Context, items: list[nodes.Node], separator: str = ", ") -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for position, item in enumerate(items):
        if position:
            result.append(nodes.Text(separator))
        result.append(item)
    return result


def when(data: Header) -> str:
    return data.card.event.when + (f" ({data.timezone})" if data.timezone else "")


def type_line(card: Card) -> str:
    return " \u00b7 ".join(v for v in (card.kind, card.format) if v)


def uncertain_notes(data: Header) -> str:
    return "; ".join(f"{field}: {note}" if note else field for field, note in data.uncertain)


def render_series(ctx: Context, series: tuple[str, tuple[Round, ...]]) -> list[nodes.Node]:
    ident, rows = series
    anchor = search_anchor(f"series-{ident}")  # unique on singlehtml's one page too
    if not rows:
        empty = nodes.paragraph(text=_("No events of this series are in the chronology yet."), classes=["chron-empty"])
        empty["ids"] = [anchor]
        return [empty]
    items = nodes.bullet_list(ids=[anchor], classes=["chron-rounds"])
    for row in rows:
        para = nodes.paragraph()
        para += nodes.strong(text=f"{row.label}: ")
        if row.event is None:
            para += nodes.emphasis(text=_("no record of this round in the chronology (gap)"))
            items += nodes.list_item("", para, classes=["chron-gap"])
            continue
        para += ctx.event(row.event)
        para += nodes.Text(" \u2014 " + " \u00b7 ".join(filter(None, (row.event.when, row.place))))
        if row.status:
            para += nodes.Text(f" ({row.status})")
        items += nodes.list_item("", para)
    return [items]


def _anchor(anchor: str) -> nodes.target:
    return nodes.target("", "", ids=[anchor, search_anchor(anchor)])


def render_people(
    ctx: Context, people: tuple[tuple[str, str, str, tuple[tuple[EventLink, str, bool], ...]], ...]
) -> list[nodes.Node]:
    items = nodes.bullet_list(classes=["chron-people"])
    for ident, name, side, events in people:
        para = nodes.paragraph()
        para += _anchor(f"person-{ident}")
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


def render_topics(ctx: Context, topics: tuple[tuple[str, str, str, tuple[EventLink, ...]], ...]) -> list[nodes.Node]:
    items = nodes.bullet_list(classes=["chron-topics"])
    for ident, name, description, events in topics:
        para = nodes.paragraph()
        para += _anchor(f"topic-{ident}")
        para += nodes.strong(text=name)
        if description:
            para += nodes.Text(f": {description}")
        item = nodes.list_item("", para)
        if events:
            item += nodes.bullet_list(
                "", *(nodes.list_item("", nodes.paragraph("", "", ctx.event(e, with_date=True))) for e in events)
            )
        items += item
    return [items]


def source_line(ctx: Context, entry: SourceEntry, bib_doc: str | None, anchor: bool) -> nodes.paragraph:
    """A formatted reference: on the bibliography page with its anchor, elsewhere led by a link to it."""
    para = nodes.paragraph(classes=["chron-source"])
    if anchor:
        para += _anchor(f"source-{entry.key}")
    else:
        para += ctx.ref(bib_doc or "", f"source-{entry.key}", entry.label)
        para += nodes.Text(": ")
    para += to_nodes(entry.formatted)
    if entry.url:
        para += nodes.Text(" ")
        para += nodes.reference(entry.url, entry.url, refuri=entry.url)
        para += nodes.Text(".")
    if entry.archive_url:
        para += nodes.Text(" (")
        para += nodes.reference("", archive_text(entry), refuri=entry.archive_url, classes=["chron-archive"])
        para += nodes.Text(")")
    return para


def render_sources(ctx: Context, entries: tuple[SourceEntry, ...], bib_doc: str | None) -> list[nodes.Node]:
    if not entries:
        return []
    section = nodes.container(classes=["chron-sources"])
    section += nodes.rubric(text=_("Sources"))
    section += nodes.bullet_list("", *(nodes.list_item("", source_line(ctx, e, bib_doc, False)) for e in entries))
    return [section]


def _cited_by(ctx: Context, citing: tuple[tuple[str, str, str], ...]) -> nodes.paragraph:
    """Each citing page once, linked to its first citing passage, then numbered links to its other passages;
    the PDF adds the page of every passage."""
    para = nodes.paragraph(classes=["chron-cited-by"])
    para += nodes.Text(_("Cited by: "))
    for position, ((doc, title), anchors) in enumerate(citing_pages(citing).items()):
        if position:
            para += nodes.Text("; ")
        para += ctx.ref(doc, anchors[0], title)
        if len(anchors) > 1:
            para += nodes.Text(_(" (passages "))
            para.extend(
                _joined(
                    ctx,
                    [
                        ctx.ref(doc, a, str(n), _("%(page)s, passage %(number)d") % {"page": title, "number": n})
                        for n, a in enumerate(anchors, start=1)
                    ],
                )
            )
            para += nodes.Text(")")
        if ctx.builder.format == "latex":
            para += page_reference(doc, *anchors)
    return para


def render_bibliography(ctx: Context, groups: Any) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for heading, rows in groups:
        result.append(nodes.rubric(text=heading, classes=["chron-bibliography-group"]))
        items = nodes.bullet_list(classes=["chron-bibliography"])
        for entry, citing in rows:
            item = nodes.list_item("", source_line(ctx, entry, None, True))
            if citing:
                item += _cited_by(ctx, citing)
            items += item
        result.append(items)
    return result


def render_disputes(ctx: Context, disputes: tuple[tuple[str, DisputeRecord], ...]) -> list[nodes.Node]:
    if not disputes:
        return [nodes.paragraph(text=_("No disputed points are recorded."), classes=["chron-empty"])]
    items = nodes.bullet_list(classes=["chron-disputes"])
    for doc, record in disputes:
        para = nodes.paragraph()
        para += ctx.ref(doc, record.anchor, record.point, page=True)
        accounts = "; ".join(record.accounts)
        para += nodes.Text(
            " \u2014 " + _("%(page)s. Accounts: %(accounts)s.") % {"page": record.page_title, "accounts": accounts}
        )
        items += nodes.list_item("", para)
    return [items]


def view(ctx: Context, kind: str, data: Any) -> list[nodes.Node]:
    """Nodes for the view ``kind`` from its ``viewdata.view`` data."""
    if kind == "year":
        return render_cards(ctx, data, _("No events recorded for this year."))
    renderers: dict[str, Any] = {
        "disputes": render_disputes,
        "series": render_series,
        "people": render_people,
        "topics": render_topics,
        "bibliography": render_bibliography,
    }
    return list(renderers[kind](ctx, data)) if kind in renderers else []
