"""The index views (people, topics, bibliography) written straight to HTML.

These pages list every event several times over. As docutils nodes, built and then translated by the HTML
writer, they were most of the cost of an edit rebuild: at 1,000 events the people page alone took 1.2 of
6 s, to show a retitled event. Here the same ``viewdata`` values become the very markup the HTML writer
makes of ``render.py``'s nodes (``tests/test_htmlviews.py`` holds the two equal), in one raw node that
nothing has to translate. The PDF and every other builder still get the nodes.

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
from .render import Context
from .viewdata import SourceEntry

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", '"': "&quot;", ">": "&gt;", "@": "&#64;"})
_CONTROL = re.compile("[\n\r\t\v\f]")


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


def event(ctx: Context, target: EventLink) -> str:
    """``Context.event(target, with_date=True)``."""
    label = f"{target.title} ({target.when})"
    return link(ctx, target.docname, "", label, label)


def _anchor(anchor: str) -> str:
    """A target with the anchor and its search anchor (``render._anchor``)."""
    return f'<span class="target" id="{attribute(anchor)}"><span id="{attribute(search_anchor(anchor))}"></span></span>'


def _list(classes: str, items: Iterable[str], simple: bool) -> str:
    """A bullet list; the writer adds ``simple`` to a top-level list whose items hold one paragraph each
    (a nested list aside). A paragraph alone in its item is written without the line break after it."""
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
            details = ", ".join(filter(None, (title, "head of delegation" if lead else "")))
            lines.append(f"<p>{event(ctx, target)}{text(f' — {details}') if details else ''}</p>")
        items.append(_entry(f"person-{ident}", name, f" ({side})" if side else "", lines))
    return _list("chron-people", items, simple=True)


def topics(ctx: Context, data: Any) -> str:
    """``render.render_topics``."""
    items = [
        _entry(
            f"topic-{ident}",
            name,
            f": {description}" if description else "",
            [f"<p>{event(ctx, target)}</p>" for target in events],
        )
        for ident, name, description, events in data
    ]
    return _list("chron-topics", items, simple=True)


def markup(tree: Markup | str) -> str:
    if isinstance(tree, str):
        return text(tree)
    tag, children = tree
    return f"<{tag}>{''.join(markup(child) for child in children)}</{tag}>"


def source_line(ctx: Context, entry: SourceEntry) -> str:
    """``render.source_line`` on the bibliography page (with its anchor)."""
    _tag, children = parse(entry.formatted)
    parts = [_anchor(f"source-{entry.key}"), f'<span class="chron-csl">{"".join(map(markup, children))}</span>']
    if entry.url:
        parts.append(f' <a class="reference external" href="{attribute(entry.url)}">{text(entry.url)}</a>.')
    if entry.archive_url:
        captured = f", captured {entry.archive_date}" if entry.archive_date else ""
        parts.append(
            f' (<a class="chron-archive reference external" href="{attribute(entry.archive_url)}">'
            f"{text(f'archived copy{captured}')}</a>)"
        )
    return f'<p class="chron-source">{"".join(parts)}</p>'


def cited_by(ctx: Context, citing: tuple[tuple[str, str, str], ...]) -> str:
    """``render._cited_by`` (HTML has no page numbers)."""
    pages: dict[tuple[str, str], list[str]] = {}
    for doc, anchor, title in citing:
        pages.setdefault((doc, title), []).append(anchor)
    parts = []
    for (doc, title), anchors in pages.items():
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
            source_line(ctx, entry) + ("\n" + cited_by(ctx, citing) + "\n" if citing else "") for entry, citing in rows
        ]
        html.append(_list("chron-bibliography", items, simple=not any(citing for _entry, citing in rows)))
    return "".join(html)


#: The views written straight to HTML, by kind (see ``render.view``).
VIEWS: dict[str, Callable[[Context, Any], str]] = {"people": people, "topics": topics, "bibliography": bibliography}
