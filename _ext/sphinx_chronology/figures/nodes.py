"""A timeline figure in the doctree: the SVG drawing inline in HTML (written by the translator, like
``sphinx.ext.graphviz`` writes its SVG), a vector PDF image in LaTeX, the caption alone elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from docutils import nodes

from sphinx_chronology.figures import svg
from sphinx_chronology.figures.cache import FORMATS, cached_figure
from sphinx_chronology.figures.data import FigureData
from sphinx_chronology.locale import _
from sphinx_chronology.views.render import Context


class timeline_svg(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A drawn figure as inline SVG (``svg``), its links already relative to the page it is written into."""


def visit_timeline_svg_html(translator: Any, node: timeline_svg) -> None:
    """The drawing in a box that scrolls sideways where the screen is narrower than the drawing's own size
    (a phone), so that its text stays readable and its markers large enough to tap."""
    translator.body.append(f'<div class="chron-figure-scroll">{node["svg"]}</div>')
    raise nodes.SkipNode


def render_figure(ctx: Context, data: FigureData, index_doc_of: Callable[[str, str], str | None]) -> list[nodes.Node]:
    """Inline SVG (markers link to events) in HTML, a vector PDF in LaTeX, the caption in both."""
    anchor = f"timeline-{data.kind}-{data.digest()[:8]}"  # stable, so links to a figure survive rebuilds
    figure = nodes.figure(ids=[anchor], classes=["chron-figure", f"chron-figure-{data.kind}"])
    if ctx.html:
        links = {p.id: (ctx.builder.get_relative_uri(ctx.docname, p.docname), p.label) for p in data.points}
        for year in sorted({int(p.x) for p in data.points}):
            year_doc = index_doc_of("year", str(year))
            if year_doc:
                links[f"year:{year}"] = (ctx.builder.get_relative_uri(ctx.docname, year_doc), _("Events of %d") % year)
        drawn = cached_figure(ctx.figure_cache, data, FORMATS["html"]).decode("utf-8")
        by_date = [p.id for p in sorted(data.points, key=lambda p: (p.x, p.id))]
        order = [*by_date, *(f"year:{year}" for year in sorted({int(p.x) for p in data.points}))]
        figure += timeline_svg(svg=svg.finish(drawn, links, data.alt, anchor, order))
    elif ctx.builder.format == "latex":
        pdf = cached_figure(ctx.figure_cache, data, FORMATS["latex"])
        name = f"chronology-{data.kind}-{data.digest()}.pdf"
        target = Path(ctx.builder.outdir) / name
        if not target.exists():
            target.write_bytes(pdf)
        figure += nodes.image(uri=name, alt=data.alt, width="100%", candidates={"*": name})
    figure += nodes.caption(text=data.caption or data.alt)
    if data.lane_names:  # the lanes carry short names: spell them out
        key = nodes.paragraph(classes=["chron-lane-key"])
        key += nodes.strong(text=_("Lanes: "))
        key += nodes.Text("; ".join(f"{lane}, {name}" for lane, name in data.lane_names) + ".")
        figure += nodes.legend("", key)
    return [figure]
