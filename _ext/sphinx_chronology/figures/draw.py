"""Timeline figures drawn with matplotlib: an overview (a lane per series, bands for periods of office), a
strip per series, and a density chart of events per year by kind.

matplotlib's object API on an Agg canvas, style scoped with ``rc_context``, every figure dropped after use
(but the series strips' one, emptied and reused: see ``_strip``), and output made reproducible (fixed SVG
hash salt, no dates in metadata). Colours are the Okabe–Ito palette, and kind and status are also told
apart by marker shape and fill, so figures survive grayscale printing.
Written by hand here: per-marker titles and link targets in the SVG, and greedy label placement.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox

from sphinx_chronology.figures.data import Band, FigureData, Point
from sphinx_chronology.locale import _
from sphinx_chronology.model.vocabulary import Kind, Status

STYLE: dict[str, Any] = {
    "svg.hashsalt": "chronology",
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#555555",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
}
BAND_SHADES = ("#eeeeee", "#f8f8f8")

LABEL_STEP = 11  # points between label levels of a series strip
LABEL_LEVELS = (1, -1, 2, -2, 3, -3, 4, -4, 5, -5)

#: Number of figures drawn by this process (tests count renders with it).
renders = 0


@contextmanager
def _figure(data: FigureData) -> Iterator[Figure]:
    """A figure sized for ``data``; the series strip has a fixed layout (see ``series_strip``)."""
    with matplotlib.rc_context(STYLE):  # type: ignore[arg-type]  # keys are checked at run time
        figure = _new_figure(data)
        try:
            yield figure
        finally:
            figure.clear()


def _new_figure(data: FigureData) -> Figure:
    """A figure of ``data``'s size on an Agg canvas; laid out by matplotlib but for the series strip, whose
    layout is fixed."""
    layout: Literal["constrained"] | None = None if data.kind == "series" else "constrained"
    figure = Figure(figsize=size(data), dpi=100, layout=layout)
    FigureCanvasAgg(figure)  # attaches itself: the figure is drawn and measured through it
    return figure


def _save(figure: Figure, fmt: str) -> bytes:
    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"CreationDate": None, "ModDate": None, "Producer": None}
    figure.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


def _year_ticks(ax: Axes, low: float, high: float, early: dict[float, str] | None = None) -> None:
    """Whole years from ``low`` to ``high`` (ticks outside the limits would widen the view), and the
    ``early`` ticks (position: label) of the zone before the axis's break (see ``_early``)."""
    first, last = math.ceil(low), math.floor(high)
    step = 1 if last - first <= 16 else 2 if last - first <= 32 else 5
    years = range(first, last + 1, step)
    # the years as labels: matplotlib would write a span of one year as "0, 1" and an offset "+2.019e3"
    ticks = {**(early or {}), **{float(year): str(year) for year in years}}
    ax.set_xticks(list(ticks), labels=list(ticks.values()))
    start = low - EARLY_ZONE if early else low
    pad = 0.015 * (high - start) + 0.05  # a marker on the last days of the span stays inside the drawing
    ax.set_xlim(start - pad, high + pad)


#: events more than this many years before all the others are drawn in a zone of their own, past a break in
#: the axis, rather than stretching it (one 2001 event would leave a third of the width empty)
EARLY_GAP = 4.0
#: the width of that zone, in years of the axis
EARLY_ZONE = 1.6
#: where, before the break, the early zone's markers (and its year label) stand
EARLY_SPOT = 1.15


def _early(points: tuple[Point, ...]) -> tuple[dict[str, float], float]:
    """The one or two points that lie more than ``EARLY_GAP`` years before the rest, with where each is
    drawn; and the year the unbroken axis starts (0 when no point is that early)."""
    ordered = sorted(points, key=lambda p: (p.x, p.id))
    for count in (1, 2):
        if len(ordered) >= count + 3 and ordered[count].x - max(p.x_end for p in ordered[:count]) >= EARLY_GAP:
            start = float(int(ordered[count].x))
            spots = [start - EARLY_SPOT - 0.25 * (count - 1) + 0.5 * i for i in range(count)]
            return {p.id: spot for p, spot in zip(ordered[:count], spots, strict=True)}, start
    return {}, 0.0


def _extent(points: tuple[Point, ...]) -> tuple[float, float]:
    """From the start of the first event's year to the end of the last one's."""
    if not points:
        return 2000.0, 2001.0
    return float(int(min(p.x for p in points))), float(int(max(p.x_end for p in points)) + 1)


def _markers(
    ax: Axes, data: FigureData, y: dict[str, float], urls: dict[str, str], x: dict[str, float] | None = None
) -> None:
    """One scatter per kind (status shown by fill and line style, point by point), and one per status
    overlay; each point a link (set_urls) to its event page. Few collections: each costs more to draw
    than its points."""
    at = x or {}
    kinds = {k.id: k for k in data.kinds}
    statuses = {s.id: s for s in data.statuses}
    by_kind: dict[str, list[Point]] = {}
    for point in data.points:
        by_kind.setdefault(point.kind, []).append(point)
    overlays: dict[str, list[tuple[Point, float]]] = {}
    for kind_id, members in sorted(by_kind.items()):
        kind = kinds.get(kind_id) or Kind(kind_id, kind_id)
        looks = [statuses.get(p.status) or Status(p.status, p.status) for p in members]
        collection = ax.scatter(
            [at.get(p.id, p.x) for p in members],
            [y[p.id] for p in members],
            s=kind.size,
            marker=kind.marker,
            facecolors=[kind.colour if look.fill == "filled" else "white" for look in looks],
            edgecolors=kind.colour,
            linewidths=1.2,
            linestyles=[":" if look.line == "dotted" else "-" for look in looks],
            zorder=3,
        )
        collection.set_urls([urls.get(p.id) for p in members])
        for p, look in zip(members, looks, strict=True):
            if look.overlay:
                overlays.setdefault(look.overlay, []).append((p, kind.size * 0.6))
    for point in data.points:  # a marker standing for several events says how many
        if point.count > 1:
            ax.text(at.get(point.id, point.x) + 0.14, y[point.id], str(point.count), fontsize=6.5, va="center")
    for marker, marked in sorted(overlays.items()):
        ax.scatter(
            [at.get(p.id, p.x) for p, _ in marked],
            [y[p.id] for p, _ in marked],
            s=[size for _, size in marked],
            marker=marker,
            c="black",
            linewidths=1,
            zorder=4,
        )


def _legend(figure: Figure, data: FigureData) -> None:
    shown_kinds, shown_statuses = {p.kind for p in data.points}, {p.status for p in data.points}
    kinds = [k for k in data.kinds if k.id in shown_kinds]
    statuses = [s for s in data.statuses if s.id in shown_statuses]
    handles = [
        Line2D([], [], linestyle="", marker=k.marker, color=k.colour, markersize=7, label=k.label) for k in kinds
    ]
    handles += [
        Line2D(
            [],
            [],
            linestyle="",
            marker="o",
            markersize=7,
            markeredgecolor="#333333",
            markerfacecolor="#333333" if s.fill == "filled" else "white",
            label=s.legend or s.label,
        )
        for s in statuses
    ]
    if data.counted:
        label = str(_("number of events that year"))
        handles.append(Line2D([], [], linestyle="", marker="$n$", color="#333333", markersize=7, label=label))
    if handles:
        figure.legend(
            handles=handles, loc="outside lower center", ncols=min(len(handles), 4), frameon=False, fontsize=8
        )


def _sides_with_bands(data: FigureData) -> list[str]:
    return [side for side, _ in data.sides if any(b.side == side for b in data.bands)]


def size(data: FigureData) -> tuple[float, float]:
    """Figure size in inches: the overview grows with its lanes, not with its events."""
    if data.kind == "series":
        return 8, 1.8
    if data.kind == "density":
        return 8, 2.6
    return 8, 1.5 + 0.28 * max(len(data.lanes), 1) + 0.3 * len(_sides_with_bands(data))


def overview(figure: Figure, data: FigureData, urls: dict[str, str]) -> None:
    """Lanes by series; bands for periods of office (the first side shaded behind the lanes, every side
    in its own strip below)."""
    sides_with_bands = _sides_with_bands(data)
    lanes = list(data.lanes)
    grid = figure.add_gridspec(
        1 + len(sides_with_bands),
        1,
        height_ratios=[max(len(lanes), 1) * 1.0] + [0.9] * len(sides_with_bands),
        hspace=0.08,
    )
    ax = figure.add_subplot(grid[0])
    low, high = _extent(data.points)
    early, start = _early(data.points)
    band_low = low
    if early:  # the axis starts with the rest of the events; a dashed line marks the break
        low, band_low = start, start - 0.15
    y = {p.id: float(len(lanes) - 1 - lanes.index(p.lane)) for p in data.points}
    ax.set_ylim(-0.6, len(lanes) - 0.4)
    # a long lane name on two lines, so that the drawing, not its labels, takes the width
    labels_shown = [textwrap.fill(lane, 24, break_long_words=False) for lane in lanes]
    ax.set_yticks([len(lanes) - 1 - i for i in range(len(lanes))], labels=labels_shown)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    early_years = ", ".join(dict.fromkeys(str(int(p.x)) for p in data.points if p.id in early))  # one label
    _year_ticks(ax, low, high, {low - EARLY_SPOT: early_years} if early else None)
    for number, band in enumerate(b for b in data.bands if sides_with_bands and b.side == sides_with_bands[0]):
        if band.x_end > band_low:
            ax.axvspan(max(band.x, band_low), band.x_end, color=BAND_SHADES[number % 2], zorder=0, linewidth=0)
    _markers(
        ax, data, _spread(data.points, y, early, gap=(high - low + (EARLY_ZONE if early else 0)) * 0.02), urls, early
    )
    names = dict(data.sides)
    labels: list[tuple[Axes, str, float, float]] = []
    for row, side in enumerate(sides_with_bands, start=1):
        strip = figure.add_subplot(grid[row], sharex=ax)
        bands = [b for b in data.bands if b.side == side]
        labels += _band_strip(strip, bands, names.get(side, side), band_low, high)
    for axis in figure.axes[:-1]:
        axis.tick_params(labelbottom=False)
    if early:
        for axis in figure.axes:
            axis.axvline(band_low, color="#777777", linewidth=0.8, linestyle=(0, (3, 2)), zorder=1)
    _legend(figure, data)
    figure.draw_without_rendering()  # lay out first, so band widths are final when their labels are fitted
    figure.set_layout_engine("none")
    for strip_ax, name, start, end in labels:
        _fitted_label(strip_ax, name, start, end)


#: where a marker may move, up or down from its lane (a lane is 1 high), to clear the one before it
SPREAD = (0.0, 0.28, -0.28)


def _spread(points: tuple[Point, ...], y: dict[str, float], x: dict[str, float], gap: float) -> dict[str, float]:
    """Each marker's height: its lane's, or a little above or below where an earlier marker of the lane lies
    closer than ``gap`` (about a marker's width), so that a crowded lane shows each of its events."""
    placed: dict[float, list[tuple[float, float]]] = {}
    heights = {}
    for point in sorted(points, key=lambda p: (x.get(p.id, p.x), p.id)):
        lane, at = y[point.id], x.get(point.id, point.x)
        near = [offset for other, offset in placed.get(lane, []) if at - other < gap]
        offset = next((o for o in SPREAD if o not in near), min(SPREAD, key=near.count))
        placed.setdefault(lane, []).append((at, offset))
        heights[point.id] = lane + offset
    return heights


def _band_strip(
    ax: Axes, bands: list[Band], name: str, low: float, high: float
) -> list[tuple[Axes, str, float, float]]:
    """Draw a side's bands; return the labels to fit once the figure is laid out."""
    labels = []
    ax.set_ylim(0, 1)
    ax.set_yticks([0.5], labels=[name])
    ax.tick_params(axis="y", length=0)
    for spine in ("left", "top", "right"):
        ax.spines[spine].set_visible(False)
    for number, band in enumerate(bands):
        start, end = max(band.x, low), min(band.x_end, high)
        if end <= start:
            continue
        ax.axvspan(start, end, 0.1, 0.9, color=BAND_SHADES[number % 2], ec="#999999", lw=0.6)
        labels.append((ax, band.name, start, end))
    return labels


def _fitted_label(ax: Axes, name: str, start: float, end: float) -> None:
    """The band's name if it fits inside the band, else its first word, else nothing."""
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    room = abs(ax.transData.transform((end, 0))[0] - ax.transData.transform((start, 0))[0]) - 6
    for text in dict.fromkeys((name, name.split()[0])):
        label = ax.text((start + end) / 2, 0.5, text, ha="center", va="center", fontsize=8)
        if label.get_window_extent(renderer).width <= room:
            return
        label.remove()


def series_strip(figure: Figure, data: FigureData, urls: dict[str, str]) -> list[Text]:
    """One series in time, each round labelled with its number and place; labels never overlap.

    The layout is fixed (no layout engine), so the label positions measured here are the final ones."""
    return _strip_content(figure, _strip_frame(figure), data, urls)


def _strip_frame(figure: Figure) -> Axes:
    """What every series strip has: its axes, without the left spine and y ticks, and the line of time."""
    figure.subplots_adjust(left=0.03, right=0.97, bottom=0.2, top=0.98)
    ax = figure.add_subplot()
    ax.set_ylim(-1, 1)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.axhline(0, color="#bbbbbb", linewidth=1, zorder=1)
    return ax


def _strip_content(figure: Figure, ax: Axes, data: FigureData, urls: dict[str, str]) -> list[Text]:
    low, high = _extent(data.points)
    _year_ticks(ax, low, high)
    _markers(ax, data, {p.id: 0.0 for p in data.points}, urls)
    return _place_labels(figure, ax, data.points)


#: The series strips' figure and axes, made once in a process and emptied of one strip's markers and labels
#: before the next is drawn (the year ticks and limits are set anew for each). A new figure and axes were
#: half the time of drawing a strip (20 strips at 1,000 events: 0.8-1.25 s fresh, 0.46 s reused), and the
#: output is byte for byte the same (``tests/extension/test_figures.py``).
_strip: tuple[Figure, Axes] | None = None


def _reused_strip(data: FigureData) -> tuple[Figure, Axes]:
    global _strip
    if _strip is None:
        figure = _new_figure(data)
        _strip = figure, _strip_frame(figure)
    figure, ax = _strip
    for artist in [*ax.collections, *ax.texts]:
        artist.remove()
    return figure, ax


def _place_labels(figure: Figure, ax: Axes, points: tuple[Point, ...]) -> list[Text]:
    """Greedy: each label takes the first level (above, below, further above ...) where it overlaps none.

    Each label is laid out once; its box at the other levels is the same box moved by whole levels."""
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    step = LABEL_STEP * figure.dpi / 72  # points to display pixels
    placed: list[tuple[float, float, float, float]] = []  # (x0, y0, x1, y1) of each placed label
    texts: list[Text] = []
    for point in sorted(points, key=lambda p: (p.x, p.id)):
        label = " · ".join(filter(None, (point.round, point.place)))
        if not label:
            continue
        text = ax.annotate(
            label,
            (point.x, 0),
            xytext=(0, LABEL_STEP),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=7.5,
            annotation_clip=False,
        )
        first = text.get_window_extent(renderer)
        base, height = first.y0 - step, first.height  # the axis line, in display pixels
        pad_x, pad_y = first.width * 0.02, height * 0.05  # a margin of 4% and 10%
        x0, x1 = first.x0 - pad_x, first.x1 + pad_x
        beside = [b for b in placed if b[2] > x0 and b[0] < x1]  # the labels it could touch
        for level in LABEL_LEVELS:
            bottom = base + step * level - (0 if level > 0 else height)
            box = (x0, bottom - pad_y, x1, bottom + height + pad_y)
            if not any(b[1] < box[3] and box[1] < b[3] for b in beside):
                break
        if level != 1:  # the last level when every level is taken: the label stays, overlapping
            text.xyann = (0, LABEL_STEP * level)
            text.set_verticalalignment("bottom" if level > 0 else "top")
        placed.append(box)
        texts.append(text)
    return texts


def density(figure: Figure, data: FigureData, urls: dict[str, str]) -> None:
    """Events per year, stacked by kind (colour and hatch); each bar links to its year's page."""
    counts = Counter((int(p.x), p.kind) for p in data.points)
    low, high = _extent(data.points)
    years = list(range(int(low), int(high))) if data.points else []
    ax = figure.add_subplot()
    bottom = [0] * len(years)
    for kind in [k for k in data.kinds if any(c[1] == k.id for c in counts)]:
        values = [counts.get((year, kind.id), 0) for year in years]
        bars = ax.bar(
            years,
            values,
            bottom=bottom,
            color=kind.colour,
            edgecolor="white",
            hatch=kind.hatch,
            label=kind.label,
            width=0.8,
        )
        for year, bar in zip(years, bars, strict=True):
            bar.set_url(urls.get(f"year:{year}"))
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_ylabel(data.axis_label)
    if years:
        ax.set_xticks(years[:: 1 if len(years) <= 16 else 2])
    # whole numbers, the top tick above the highest bar with room for the legend above the bars
    ticks = MaxNLocator(integer=True, nbins=5).tick_values(0, max(bottom, default=0) * 1.3 + 1)
    ax.set_yticks(ticks)
    ax.set_ylim(0, ticks[-1])
    ax.legend(loc="upper left", frameon=False, fontsize=8, ncols=3)


def label_boxes(data: FigureData) -> list[Bbox]:
    """Display-space boxes of a figure's text labels (tick labels and round labels), for overlap checks."""
    with _figure(data) as figure:
        texts = series_strip(figure, data, {}) if data.kind == "series" else []
        if data.kind == "overview":
            overview(figure, data, {})
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        figure.canvas.draw()
        ticks = [t for ax in figure.axes for t in ax.get_yticklabels() + ax.get_xticklabels() if t.get_text()]
        return [t.get_window_extent(renderer) for t in [*texts, *ticks]]


def draw(data: FigureData, fmt: str, urls: dict[str, str]) -> bytes:
    """Draw ``data`` as SVG or PDF bytes; in SVG, markers and bars link to ``urls`` (by point id or
    ``year:YYYY``), which ``svg.finish`` later turns into real links with titles."""
    global renders
    renders += 1
    if data.kind == "series":
        with matplotlib.rc_context(STYLE):  # type: ignore[arg-type]  # keys are checked at run time
            figure, ax = _reused_strip(data)
            _strip_content(figure, ax, data, urls)
            return _save(figure, fmt)
    with _figure(data) as figure:
        if data.kind == "density":
            density(figure, data, urls)
        else:
            overview(figure, data, urls)
        return _save(figure, fmt)
