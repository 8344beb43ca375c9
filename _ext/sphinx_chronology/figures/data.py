"""What a timeline figure shows, as plain data: the same values name the cached file (by hash), decide
whether a page is rewritten (incremental fingerprints) and are drawn by ``figures.py``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, replace

from sphinx_chronology.locale import _, plural
from sphinx_chronology.model.dates import PartialDate, parse_date
from sphinx_chronology.model.records import Event
from sphinx_chronology.model.vocabulary import Kind, Status
from sphinx_chronology.store.index import Index, dated_title


def no_series_lane() -> str:
    """The lane of the events that belong to no series, in the project's language."""
    return str(_("Leaders' meetings, visits and other events"))


OPEN_END = 9999.0  # a period still running: its band reaches the end of the axis


@dataclass(frozen=True)
class Filters:
    """Which events a figure includes; empty means no restriction."""

    series: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    start: PartialDate | None = None
    end: PartialDate | None = None

    def keep(self, event: Event) -> bool:
        if self.series and event.series not in self.series:
            return False
        if self.kinds and event.kind not in self.kinds:
            return False
        if self.topics and not set(self.topics) & set(event.topics):
            return False
        if self.people and not set(self.people) & {d.person for d in event.people()}:
            return False
        if self.start and (event.date.year, event.date.month, event.date.day) < _floor(self.start):
            return False
        return not (self.end and _floor(event.date) > _ceiling(self.end))


def _floor(date: PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month, date.day)


def _ceiling(date: PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month or 12, date.day or 31)


@dataclass(frozen=True)
class Point:
    """One event on a figure."""

    id: str
    docname: str
    label: str  # accessible title: "Title (date)"
    x: float
    x_end: float
    lane: str
    kind: str
    status: str
    round: str
    place: str
    count: int = 1  # events a marker stands for (an overview too full for a marker each: ``counted``)


@dataclass(frozen=True)
class Band:
    """A shaded band: an administration or leadership period."""

    name: str
    side: str
    x: float
    x_end: float


@dataclass(frozen=True)
class FigureData:
    kind: str  # overview | series | density
    points: tuple[Point, ...]
    lanes: tuple[str, ...]
    bands: tuple[Band, ...] = ()
    sides: tuple[tuple[str, str], ...] = ()  # (side id, name) in registry order, for period bands
    caption: str = ""
    alt: str = ""
    kinds: tuple[Kind, ...] = ()  # the vocabulary's kinds and statuses: how markers look, legend labels
    statuses: tuple[Status, ...] = ()
    axis_label: str = "events"  # the density chart's vertical axis, in the project's language
    #: (lane, the series' full name) for lanes named by a short name: the key under an overview figure
    lane_names: tuple[tuple[str, str], ...] = ()

    @property
    def events(self) -> int:
        """How many events the figure shows (a counted marker stands for several)."""
        return sum(p.count for p in self.points)

    @property
    def counted(self) -> bool:
        return any(p.count > 1 for p in self.points)

    def digest(self) -> str:
        return hashlib.sha256(repr(self).encode("utf-8")).hexdigest()[:20]

    def drawing(self) -> FigureData:
        """Only what is drawn. Titles, pages, caption and alt text are added to the SVG afterwards
        (``svg.finish``), so retitling or renaming an event redraws no figure."""
        points = tuple(replace(p, label="", docname="") for p in self.points)
        return replace(self, points=points, caption="", alt="", lane_names=())


def decimal_year(date: PartialDate, end: bool = False) -> float:
    """Position on the time axis; a partial date sits at the middle of its month or year."""
    if not date.month:
        return date.year + (0.999 if end else 0.5)
    if not date.day:
        return date.year + (date.month - (0.001 if end else 0.5)) / 12
    return date.year + (date.month - 1) / 12 + (date.day - 1) / 365.25


def _point(index: Index, event: Event) -> Point:
    series = index.registry.series.get(event.series)
    lane = (series.short or series.name) if series else (event.series or no_series_lane())
    return Point(
        id=event.id,
        docname=event.docname,
        label=dated_title(event.title, index.when(event)),
        x=decimal_year(event.date),
        x_end=decimal_year(event.end, end=True) if event.end else decimal_year(event.date),
        lane=lane,
        kind=event.kind,
        status=event.status,
        round=str(event.round) if event.round is not None else event.round_label,
        place=(event.place.city or event.place.display()) if event.place else "",
    )


def other_series_lane() -> str:
    """The lane of the series beyond an overview's lane limit, in the project's language."""
    return str(_("Other series"))


@dataclass(frozen=True)
class Limits:
    """What an overview draws before it folds lanes (the series with the fewest events into one lane) and
    counts markers (one per lane and year, with the number of its events)."""

    lanes: int = 24
    markers: int = 600


def fold_lanes(
    points: tuple[Point, ...], lanes: tuple[str, ...], limit: int
) -> tuple[tuple[Point, ...], tuple[str, ...]]:
    """At most ``limit`` lanes: the series lanes with the most events, in their order, then one lane for the
    others (and the events of no series, last, as always)."""
    no_series = no_series_lane()
    series = [lane for lane in lanes if lane != no_series]
    room = limit - (no_series in lanes)
    if len(series) <= room:
        return points, lanes
    sizes = Counter(p.lane for p in points)
    kept = set(sorted(series, key=lambda lane: (-sizes[lane], series.index(lane)))[: room - 1])
    other = other_series_lane()
    folded = tuple(p if p.lane in kept or p.lane == no_series else replace(p, lane=other) for p in points)
    return folded, (*(lane for lane in series if lane in kept), other, *((no_series,) if no_series in lanes else ()))


def counted(index: Index, points: tuple[Point, ...]) -> tuple[Point, ...]:
    """A marker per lane and year standing for its events: the kind and status most of them have, its
    year's page as its link, and what it stands for as its title (an event alone keeps its own)."""
    cells: dict[tuple[str, int], list[Point]] = {}
    for point in points:
        cells.setdefault((point.lane, int(point.x)), []).append(point)
    made = []
    for number, ((lane, year), members) in enumerate(sorted(cells.items(), key=lambda c: (c[0][1], c[0][0]))):
        count = len(members)
        if count == 1:  # an event alone in its year and lane keeps its own marker and link
            made.append(members[0])
            continue
        label = plural("%(count)d event of %(lane)s in %(year)d", "%(count)d events of %(lane)s in %(year)d", count)
        made.append(
            Point(
                id=f"count-{number}",
                docname=index.doc_of("year", str(year)) or "",
                label=label % {"count": count, "lane": lane, "year": year},
                x=year + 0.5,
                x_end=year + 0.5,
                lane=lane,
                kind=Counter(p.kind for p in members).most_common(1)[0][0],
                status=Counter(p.status for p in members).most_common(1)[0][0],
                round="",
                place="",
                count=count,
            )
        )
    return tuple(made)


def collect(
    index: Index, kind: str, filters: Filters, caption: str = "", alt: str = "", limits: Limits | None = None
) -> FigureData:
    """The figure's points, lanes (series by first event, then events of no series) and periods; an
    overview beyond its ``limits`` folds its smallest lanes and counts its events per lane and year."""
    if filters.series:  # only the series' own rounds need checking, in date order
        candidates = sorted(
            (e for s in dict.fromkeys(filters.series) for e in index.by_series.get(s, ())), key=lambda e: e.sort_key
        )
    else:
        candidates = index.events
    events = [e for e in candidates if index.by_id.get(e.id) is e and filters.keep(e)]
    points = tuple(_point(index, e) for e in events)
    first: dict[str, float] = {}
    for point in points:  # points are in date order, so the first seen is the earliest
        first.setdefault(point.lane, point.x)
    # lanes in order of their series' first event, events of no series last
    no_series = no_series_lane()
    lanes = tuple(sorted((lane for lane in first if lane != no_series), key=lambda lane: (first[lane], lane)))
    lanes += (no_series,) if no_series in first else ()
    if kind == "overview":
        limits = limits or Limits()
        points, lanes = fold_lanes(points, lanes, limits.lanes)
        if len(points) > limits.markers:
            points = counted(index, points)
    bands = tuple(
        Band(p.name, p.side, decimal_year(p.start), decimal_year(p.end, end=True) if p.end else OPEN_END)
        for p in index.registry.periods.values()
    )
    sides = tuple((s.id, s.short or s.name) for s in index.registry.sides.values())
    vocabulary = index.vocabulary
    return FigureData(
        kind,
        points,
        lanes,
        bands if kind == "overview" else (),
        sides,
        caption,
        alt,
        tuple(vocabulary.kind(k) for k in dict.fromkeys((*vocabulary.ids("kinds"), *(p.kind for p in points)))),
        tuple(vocabulary.status(s) for s in dict.fromkeys((*vocabulary.ids("statuses"), *(p.status for p in points)))),
        str(_("events")),
        _lane_names(index, lanes) if kind == "overview" else (),
    )


def _lane_names(index: Index, lanes: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    full = {(s.short or s.name): s.name for s in index.registry.series.values()}
    return tuple((lane, full[lane]) for lane in lanes if lane in full and full[lane] != lane)


def parse_filters(options: dict[str, str]) -> tuple[Filters, list[str]]:
    """Filters from directive options (comma-separated lists, dates); problems are returned as messages."""
    problems: list[str] = []

    def items(name: str) -> tuple[str, ...]:
        return tuple(v.strip() for v in options.get(name, "").split(",") if v.strip())

    def date(name: str) -> PartialDate | None:
        if not options.get(name):
            return None
        try:
            return parse_date(options[name])
        except ValueError as exc:
            problems.append(f":{name}: {exc}")
            return None

    filters = Filters(items("series"), items("kind"), items("topic"), items("person"), date("from"), date("to"))
    return filters, problems
