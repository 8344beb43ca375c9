"""Timeline figures placed by authors: the overview, a series strip and the density chart, with filters."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from sphinx_chronology.figures.data import FigureData, Limits, collect, parse_filters
from sphinx_chronology.figures.nodes import render_figure
from sphinx_chronology.locale import _, plural
from sphinx_chronology.store.index import Index
from sphinx_chronology.views.base import ViewKind, placeholder
from sphinx_chronology.views.render import Context
from sphinx_chronology.warnings import Subtype, warn


def figure_arg(kind: str, options: dict[str, str]) -> str:
    """A figure view's argument: its kind and options, canonical so equal figures hash equally."""
    return json.dumps({"figure": kind, **options}, sort_keys=True)


class TimelineFigure(SphinxDirective):
    """A timeline figure of the collected events, with filters, caption and alt text."""

    figure_kind: ClassVar[str] = ""
    optional_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        name: directives.unchanged for name in ("series", "kind", "topic", "person", "from", "to", "caption", "alt")
    }

    def run(self) -> list[nodes.Node]:
        options = {key: str(value) for key, value in self.options.items()}
        if self.arguments:
            options["series"] = self.arguments[0].strip()
        if self.figure_kind == "overview":  # how full an overview may be (``figures.data.Limits``)
            options["limits"] = f"{self.config.chronology_overview_lanes},{self.config.chronology_overview_markers}"
        _filters, problems = parse_filters(options)
        for problem in problems:
            warn(Subtype.view, f"{self.name}: {problem}.", self.get_location())
        return [placeholder(self, "figure", figure_arg(self.figure_kind, options))]


class TimelineOverview(TimelineFigure):
    figure_kind = "overview"


class TimelineSeries(TimelineFigure):
    figure_kind = "series"


class TimelineDensity(TimelineFigure):
    figure_kind = "density"


def figure(index: Index, arg: str) -> FigureData:
    """A figure view's data from its argument (see ``views.figure_arg``)."""
    options = json.loads(arg)
    filters, _problems = parse_filters(options)
    most_lanes, most_markers = (int(n) for n in options.get("limits", "24,600").split(","))
    limits = Limits(most_lanes, most_markers)
    data = collect(index, options["figure"], filters, options.get("caption", ""), options.get("alt", ""), limits)
    if not data.alt:
        years = sorted({int(p.x) for p in data.points})
        span = (f", {years[0]}–{years[-1]}" if years[0] != years[-1] else f", {years[0]}") if years else ""
        count = plural("%d event", "%d events", data.events) % data.events
        lanes = plural("%d lane", "%d lanes", len(data.lanes)) % len(data.lanes)
        alt = {
            "overview": _("Timeline of %(count)s in %(lanes)s%(span)s")
            % {"count": count, "lanes": lanes, "span": span},
            "series": _("Timeline of the %(series)s: %(count)s%(span)s")
            % {"series": ", ".join(data.lanes) or _("series"), "count": count, "span": span},
            "density": _("Number of events per year, by kind: %(count)s%(span)s") % {"count": count, "span": span},
        }[data.kind]
        if data.counted:
            alt += str(_(", counted by lane and year"))
        data = replace(data, alt=alt)
    return data


def render(ctx: Context, data: FigureData) -> list[nodes.Node]:
    assert ctx.index is not None
    return render_figure(ctx, data, ctx.index.doc_of)


FIGURE = ViewKind(
    "figure",
    figure,
    render,
    {
        "chronology-timeline-overview": TimelineOverview,
        "chronology-timeline-series": TimelineSeries,
        "chronology-timeline-density": TimelineDensity,
    },
)
