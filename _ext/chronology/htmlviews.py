"""The biggest generated parts of the site written straight to HTML: the people, topics and bibliography
pages, and every event page's header and source list.

As docutils nodes, built and then translated by the HTML writer, they were most of the cost of a build
beyond the plain pages: an event page took twice the floor's time, and an edit rebuild spent half its time
rewriting the index pages (at 1,000 events the people page alone took 1.2 of 6 s, to show a retitled
event). Here the same ``viewdata`` values become the very markup the HTML writer makes of ``render.py``'s
nodes (``tests/test_htmlviews.py`` holds the two equal, on the test projects and on generated data), in one
raw node that nothing has to translate. The PDF and every other builder still get the nodes.

Written by hand because it must match the docutils writer's markup exactly; every text and attribute is
escaped the way that writer escapes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from docutils.nodes import unescape

from .bibliography import Markup, parse
from .index import EventLink
from .nodes import search_anchor
from .render import (
    Context,
    archive_text,
    citing_pages,
    event_text,
    exchange_fields,
    role_text,
    type_line,
    uncertain_notes,
    when,
    words,
)
from .viewdata import Delegation, Header, SourceEntry

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", '"': "&quot;", ">": "&gt;", "@": "&#64;"})
_CONTROL = re.compile("[\n\r\t\v\f]")
_WORDS_AND_SPACES = re.compile(r"[^ \n]+| +|\n")  # the HTML writer's, for literal text


def text(value: str) -> str:
    """Text as the docutils HTML writer writes a text node (docutils' null escapes removed, then encoded)."""
    return unescape(value).translate(_ESCAPES)


def attribute(value: str) -> str:
    """An attribute value as the docutils HTML writer encodes it."""
    return _CONTROL.sub(" ", value).translate(_ESCAPES)


def link(ctx: Context, docname: str, anchor: str, shown: str, title: str | None = None) -> str:
    """What ``Context.ref`` makes (``make_refnode`` around a span) once written: a link to ``docname#anchor``,
    or the plain span when there is no page."""
    span = f"<span>{text(shown)}</span>"
    if not docname:
        return span
    if docname == ctx.docname and anchor:
        href = f"#{anchor}"
    else:
        href = ctx.builder.get_relative_uri(ctx.docname, docname) + (f"#{anchor}" if anchor else "") or "#"
    title = title or shown
    title_attribute = f' title="{attribute(title)}"' if title else ""
    return f'<a class="reference internal" href="{attribute(href)}"{title_attribute}>{span}</a>'


def _anchor(anchor: str) -> str:
    """A target with the anchor and its search anchor (``render._anchor``)."""
    return f'<span class="target" id="{attribute(anchor)}"><span id="{attribute(search_anchor(anchor))}"></span></span>'


def _list(classes: str, items: Iterable[str], simple: bool) -> str:
    """A bullet list; the writer adds ``simple`` to a top-level list whose items hold one paragraph each
    (a nested list aside). Items come written: a paragraph alone in its item has no line break after it."""
    names = " ".join(filter(None, (classes, "simple" if simple else "")))
    opening = f'<ul class="{names}">\n' if names else "<ul>\n"
    return opening + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>\n"


def _entry(anchor: str, name: str, after: str, lines: list[str]) -> str:
    """A person or topic: its name (with its anchor), then its events."""
    head = f"<p>{_anchor(anchor)}<strong>{text(name)}</strong>{text(after)}</p>"
    return head + ("\n" + _list("", lines, simple=False) if lines else "")


def people(ctx: Context, data: Any) -> str:
    """``render.render_people``."""
    items = []
    for ident, name, side, events in data:
        lines = []
        for target, title, lead in events:
            details = role_text(title, "", lead)
            lines.append(f"<p>{_event(ctx, target, with_date=True)}{text(f' — {details}') if details else ''}</p>")
        items.append(_entry(f"person-{ident}", name, f" ({side})" if side else "", lines))
    return _list("chron-people", items, simple=True)


def topics(ctx: Context, data: Any) -> str:
    """``render.render_topics``."""
    items = [
        _entry(
            f"topic-{ident}",
            name,
            f": {description}" if description else "",
            [f"<p>{_event(ctx, target, with_date=True)}</p>" for target in events],
        )
        for ident, name, description, events in data
    ]
    return _list("chron-topics", items, simple=True)


def markup(tree: Markup | str) -> str:
    if isinstance(tree, str):
        return text(tree)
    tag, children = tree
    return f"<{tag}>{''.join(markup(child) for child in children)}</{tag}>"


def source_line(ctx: Context, entry: SourceEntry, bib_doc: str | None, anchor: bool) -> str:
    """``render.source_line``: on the bibliography page with its anchor, elsewhere led by a link to it."""
    _tag, children = parse(entry.formatted)
    lead = (
        _anchor(f"source-{entry.key}")
        if anchor
        else f"{link(ctx, bib_doc or '', f'source-{entry.key}', entry.label)}: "
    )
    parts = [lead, f'<span class="chron-csl">{"".join(map(markup, children))}</span>']
    if entry.url:
        parts.append(f' <a class="reference external" href="{attribute(entry.url)}">{text(entry.url)}</a>.')
    if entry.archive_url:
        parts.append(
            f' (<a class="chron-archive reference external" href="{attribute(entry.archive_url)}">'
            f"{text(archive_text(entry))}</a>)"
        )
    return f'<p class="chron-source">{"".join(parts)}</p>'


def cited_by(ctx: Context, citing: tuple[tuple[str, str, str], ...]) -> str:
    """``render._cited_by`` (HTML has no page numbers)."""
    parts = []
    for (doc, title), anchors in citing_pages(citing).items():
        part = link(ctx, doc, anchors[0], title)
        if len(anchors) > 1:
            passages = ", ".join(
                link(ctx, doc, a, str(n), f"{title}, passage {n}") for n, a in enumerate(anchors, start=1)
            )
            part += f" (passages {passages})"
        parts.append(part)
    return f'<p class="chron-cited-by">Cited by: {"; ".join(parts)}</p>'


def bibliography(ctx: Context, groups: Any) -> str:
    """``render.render_bibliography``."""
    html = []
    for heading, rows in groups:
        html.append(f'<p class="chron-bibliography-group rubric">{text(heading)}</p>\n')
        items = [
            source_line(ctx, entry, None, True) + ("\n" + cited_by(ctx, citing) + "\n" if citing else "")
            for entry, citing in rows
        ]
        html.append(_list("chron-bibliography", items, simple=not any(citing for _entry, citing in rows)))
    return "".join(html)


def sources(ctx: Context, entries: tuple[SourceEntry, ...], bib_doc: str | None) -> str:
    """``render.render_sources``: the sources a page cites."""
    if not entries:
        return ""
    items = [source_line(ctx, entry, bib_doc, False) for entry in entries]
    return (
        f'<div class="chron-sources docutils container">\n{_rubric("Sources")}{_list("", items, simple=True)}</div>\n'
    )


def _rubric(heading: str) -> str:
    return f'<p class="rubric">{text(heading)}</p>\n'


def _fields(classes: str, fields: list[tuple[str, str]]) -> str:
    """A field list of one-paragraph fields (``render._field``), rows numbered odd and even."""
    rows = []
    for number, (name, content) in enumerate(fields, start=1):
        parity = "odd" if number % 2 else "even"
        rows.append(
            f'<dt class="field-{parity}">{text(name)}<span class="colon">:</span></dt>\n'
            f'<dd class="field-{parity}"><p>{content}</p>\n</dd>\n'
        )
    return f'<dl class="{classes} field-list simple">\n{"".join(rows)}</dl>\n'


def _literal(value: str) -> str:
    """An inline literal as Sphinx writes it: each word in a ``pre`` span."""
    words = []
    for token in _WORDS_AND_SPACES.findall(text(value)):
        if token.strip():
            words.append(f'<span class="pre">{token}</span>')
        else:
            words.append(token if token in (" ", "\n") else "&#160;" * (len(token) - 1) + " ")
    return f'<code class="docutils literal notranslate">{"".join(words)}</code>'


def _event(ctx: Context, target: EventLink, with_date: bool) -> str:
    """``Context.event``."""
    return link(ctx, target.docname, "", *event_text(target, with_date))


def _related(ctx: Context, relation: str, target: EventLink | str) -> str:
    shown = _event(ctx, target, with_date=True) if isinstance(target, EventLink) else _literal(target)
    return f"<span>{text(f'{words(relation)}: ')}{shown}</span>"


def _delegations(ctx: Context, delegations: tuple[Delegation, ...]) -> str:
    """``render.render_delegations``: one column per side."""
    heads = "\n".join(f'<th class="head"><p>{text(f"{d.side} delegation")}</p></th>' for d in delegations)
    cells = []
    for delegation in delegations:
        items = []
        for person, title, lead, role in delegation.people:
            name = link(ctx, *person)
            extras = role_text(title, role, lead)
            items.append(
                f"<p>{f'<strong>{name}</strong>' if lead else name}{text(f', {extras}') if extras else ''}</p>"
            )
        cells.append(f"<td>{_list('', items, simple=True)}</td>")
    row = "\n".join(cells)
    return (
        '<table class="chron-delegations docutils align-default">\n'
        f'<thead>\n<tr class="row-odd">{heads}\n</tr>\n</thead>\n'
        f'<tbody>\n<tr class="row-even">{row}\n</tr>\n</tbody>\n</table>\n'
    )


def header(ctx: Context, data: Header) -> str:
    """``render.render_header`` (the general-index entries are the PDF's alone)."""
    card = data.card
    fields = [
        ("Date", text(when(data))),
        ("Place", text(card.place or "not recorded")),
        ("Status", text(words(card.status))),
        ("Type", text(type_line(card))),
    ]
    if data.series:
        series = link(ctx, *data.series) + (text(f", {card.round}") if card.round else "")
        if data.previous:
            series += text(" \u00b7 previous: ") + _event(ctx, data.previous, with_date=True)
        if data.next:
            series += text(" \u00b7 next: ") + _event(ctx, data.next, with_date=True)
        fields.append(("Series", series))
    if data.topics:
        fields.append(("Topics", ", ".join(link(ctx, *topic) for topic in data.topics)))
    if data.uncertain:
        fields.append(("Unverified", f"<em>{text(uncertain_notes(data))}</em>"))
    if data.related:
        fields.append(("Related", "; ".join(_related(ctx, relation, target) for relation, target in data.related)))
    html = [f'<div class="chron-header docutils container" id="{search_anchor("event")}">\n']
    html.append(_fields("chron-header-fields", fields))
    if data.delegations:
        html.append(_delegations(ctx, data.delegations))
    if data.outcomes:
        html.append(_rubric("Outcomes") + _list("", [f"<p>{text(o)}</p>" for o in data.outcomes], simple=True))
    if data.exchange:
        exchange = [(name, text(value)) for name, value in exchange_fields(data.exchange)]
        html.append(
            '<div class="chron-exchange-record docutils container">\n'
            f"{_rubric('Exchange-database record')}{_fields('chron-exchange', exchange)}</div>\n"
        )
    return "".join(html) + "</div>\n"


#: The view directives written straight to HTML, by kind (``views.resolve_views``; others go through ``render``).
VIEWS: dict[str, Callable[[Context, Any], str]] = {"people": people, "topics": topics, "bibliography": bibliography}
