"""A series page: its timeline strip, and its rounds in date order with the gaps in the numbering."""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_chronology.locale import _
from sphinx_chronology.store.index import EventLink, Index
from sphinx_chronology.views.base import ViewKind, placeholder
from sphinx_chronology.views.data import card
from sphinx_chronology.views.figure import figure_arg
from sphinx_chronology.views.nodes import search_anchor
from sphinx_chronology.views.render import Context


class SeriesPage(SphinxDirective):
    """A series page: its strip figure and its rounds in date order, gaps in the numbering shown."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        series = self.arguments[0].strip()
        strip = figure_arg("series", {"series": series})
        return [placeholder(self, "figure", strip), placeholder(self, "series", series)]


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
            if event.round - last == 2:
                rows.append(Round(_("Round %d") % (last + 1)))
            elif event.round - last > 2:  # one line for a run of missing rounds
                rows.append(Round(_("Rounds %(first)d\u2013%(last)d") % {"first": last + 1, "last": event.round - 1}))
            last = max(last, event.round)
        shown = card(index, event)
        label = _("Round %d") % event.round if event.round is not None else event.round_label or _("session")
        status = shown.status if event.status not in ("", usual) else ""
        rows.append(Round(label[:1].upper() + label[1:], shown.event, shown.place, status))
    return tuple(rows)


def series(index: Index, series_id: str) -> tuple[str, tuple[Round, ...]]:
    return (series_id, series_rounds(index, series_id))


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
            gap = _("no record of these rounds in the chronology (gap)") if "\u2013" in row.label else None
            para += nodes.emphasis(text=gap or _("no record of this round in the chronology (gap)"))
            items += nodes.list_item("", para, classes=["chron-gap"])
            continue
        para += ctx.event(row.event)
        para += nodes.Text(" \u2014 " + " \u00b7 ".join(filter(None, (row.event.when, row.place))))
        if row.status:
            para += nodes.Text(f" ({row.status})")
        items += nodes.list_item("", para)
    return [items]


SERIES = ViewKind("series", series, render_series, {"chronology-series": SeriesPage})
