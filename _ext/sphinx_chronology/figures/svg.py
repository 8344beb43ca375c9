"""matplotlib's SVG made fit for inlining in a page, links and titles filled in after drawing.

Figures are drawn with placeholder links (``chron-link:<point id>``, ``chron-link:year:<year>``) and cached by
what is drawn; each page then fills in its own relative links, the titles and the alt text. Retitling or
renaming an event therefore rewrites the pages that show it without redrawing any figure.
"""

from __future__ import annotations

import html
import re

from sphinx_chronology.figures.data import FigureData

PLACEHOLDER = "chron-link:"
_LINK = re.compile(r'<a xlink:href="([^"]*)" target="_blank">|</a>')


def placeholders(data: FigureData) -> dict[str, str]:
    """The link each marker (by point id) and each year's bar (``year:YYYY``) is drawn with."""
    keys = [p.id for p in data.points] + [f"year:{year}" for year in sorted({int(p.x) for p in data.points})]
    return {key: PLACEHOLDER + key for key in keys}


_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)  # matplotlib's RDF: words for the search index
_ID = re.compile(r'(\bid="|url\(#|xlink:href="#)([^"()]+)')


def scope_ids(svg: str, prefix: str) -> str:
    """Every id of the drawing (matplotlib's ``figure_1``, ``patch_1``, clip paths, marker definitions) and
    every reference to one prefixed, so two figures on one page (or on singlehtml's one page) never share
    an id."""
    return _ID.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)


_BLOCK = re.compile(r'<a xlink:href="chron-link:([^"]*)" target="_blank">.*?</a>', re.S)


def in_order(svg: str, order: list[str]) -> str:
    """The linked markers and bars in ``order`` (by date), so that Tab reaches them by date and not in
    drawing order (kind by kind). Each link is drawn self-contained (absolute coordinates, its own style and
    clip path), so the links trade places and nothing moves; only which of two touching markers is on top
    may change."""
    rank = {key: position for position, key in enumerate(order)}
    blocks = list(_BLOCK.finditer(svg))
    ordered = sorted(blocks, key=lambda m: rank.get(html.unescape(m.group(1)), len(rank)))
    if ordered == blocks:
        return svg
    parts, last = [], 0
    for slot, block in zip(blocks, ordered, strict=True):
        parts += [svg[last : slot.start()], block.group(0)]
        last = slot.end()
    return "".join([*parts, svg[last:]])


def finish(svg: str, links: dict[str, tuple[str, str]], alt: str, prefix: str, order: list[str] | None = None) -> str:
    """Inline-ready SVG: no prolog, scalable, its ids scoped by ``prefix``, its links in ``order`` (keys of
    ``links``), each placeholder a same-tab link with an accessible title (or a plain group when ``links`` has
    no page for it), the whole titled with the alt text."""
    svg = scope_ids(_METADATA.sub("", svg[svg.index("<svg") :]), prefix)
    if order:
        svg = in_order(svg, order)
    closing: list[str] = []

    def link(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return closing.pop() if closing else match.group(0)
        target = links.get(html.unescape(match.group(1)).removeprefix(PLACEHOLDER))
        if target is None:
            closing.append("</g>")
            return "<g>"
        closing.append("</a>")
        href, title = html.escape(target[0]), html.escape(target[1])
        return f'<a href="{href}" xlink:href="{href}"><title>{title}</title>'

    svg = _LINK.sub(link, svg)
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r"<svg \1", svg, count=1)
    label = html.escape(alt)
    box = re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+) [\d.]+"', svg)
    natural = f' style="--chron-natural-width: {float(box.group(1)) * 4 / 3:.0f}px"' if box else ""  # pt to px
    # a group, not an image: an image's links are hidden from screen readers
    return svg.replace("<svg ", f'<svg role="group" aria-label="{label}" class="chron-timeline"{natural} ', 1).replace(
        ">", f"><title>{label}</title>", 1
    )
