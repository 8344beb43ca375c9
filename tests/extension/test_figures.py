"""Timeline figures: links and titles in HTML, vector PDF in LaTeX, filters, reproducibility, caching,
and labels that never overlap."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import Build, build, copy_root, html_files
from sphinx_chronology.figures import draw as figures
from sphinx_chronology.figures import svg
from sphinx_chronology.figures.data import FigureData, Point
from sphinx_chronology.model.vocabulary import make_vocabulary

EVENTS = {
    "talks-1": "chronology/2014/2014-07-15-talks-1.html",
    "talks-2": "chronology/2015/2015-08-talks-2.html",
    "talks-4": "chronology/2016/2016-03-talks-4.html",
    "interim": "chronology/2016/2016-05-01-interim.html",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(copy_root("figures", tmp_path_factory.mktemp("figures") / "src"))
    assert result.warnings.strip() == ""
    return result


def _links(page: BeautifulSoup, position: int = 0) -> dict[str, str]:
    svg = page.select("svg.chron-timeline")[position]
    return {a["href"]: a.title.get_text() for a in svg.select("a")}


def test_overview_markers_link_to_their_events_with_titles(site: Build) -> None:
    page = site.html("index")
    assert _links(page) == {
        EVENTS["talks-1"]: "First Security Talks (July 15–16, 2014)",
        EVENTS["talks-2"]: "Second Security Talks (August 2015)",
        EVENTS["talks-4"]: "Fourth Security Talks (c. March 2016)",
        EVENTS["interim"]: "Interim Security Talks (May 1, 2016)",
    }
    svg = page.select_one("svg.chron-timeline")
    assert svg["role"] == "group" and svg["aria-label"].startswith("Timeline of 4 events")
    assert page.select_one("figure.chron-figure figcaption").get_text(strip=True).startswith("All events.")
    # a lane named by its short name is spelled out under the figure
    assert page.select_one("figure.chron-figure .legend").get_text(" ", strip=True) == (
        "Lanes: Talks, North–South Security Talks."
    )


def test_series_page_has_its_strip_with_round_labels(site: Build) -> None:
    page = site.html("chronology/series/talks")
    assert set(_links(page)) == {"../" + path.removeprefix("chronology/") for path in EVENTS.values()}
    labels = [t.get_text() for t in page.select("svg.chron-timeline text")]
    assert "1 · Rancho Mirage" in labels and "4" in labels and "interim" in labels


def test_density_bars_link_to_year_pages(site: Build) -> None:
    links = _links(site.html("chronology/index"))
    assert links == {
        "2014/index.html": "Events of 2014",
        "2015/index.html": "Events of 2015",
        "2016/index.html": "Events of 2016",
    }


def test_filters_by_kind_and_date_range(site: Build) -> None:
    page = site.html("chronology/filtered")
    assert list(_links(page, 0)) == ["2016/2016-05-01-interim.html"]
    assert page.select("svg.chron-timeline")[0]["aria-label"] == "Working groups only."
    assert list(_links(page, 1)) == ["2015/2015-08-talks-2.html"]


def test_statuses_look_different(site: Build) -> None:
    svg = str(site.html("index").select_one("svg.chron-timeline"))
    assert "cancelled (hollow, ×)" in svg and "held (filled)" in svg


def test_latex_gets_vector_pdfs(tmp_path: Path) -> None:
    result = build(copy_root("figures", tmp_path / "src"), "latex")
    assert result.warnings.strip() == ""
    tex = next(result.outdir.glob("*.tex")).read_text(encoding="utf-8")
    names = sorted(p.name for p in result.outdir.glob("chronology-*.pdf"))
    assert len(names) == 5  # overview, density, the series strip and two filtered overviews
    for name in names:
        assert name.removesuffix(".pdf") in tex
        pdf = (result.outdir / name).read_bytes()
        assert pdf.startswith(b"%PDF") and b"/Subtype /Image" not in pdf  # drawn as vectors, no raster
    assert "All events." in tex


def test_two_fresh_builds_are_byte_identical(tmp_path: Path) -> None:
    src = copy_root("figures", tmp_path / "src")
    first = build(src, builddir=tmp_path / "one", fresh=True)
    second = build(src, builddir=tmp_path / "two", fresh=True)
    assert html_files(first.outdir) == html_files(second.outdir)
    cache = [
        sorted((p.name, p.read_bytes()) for p in (d / "doctrees/chronology-figures").iterdir())
        for d in (tmp_path / "one", tmp_path / "two")
    ]
    assert cache[0] == cache[1] and len(cache[0]) == 5
    latex = [build(src, "latex", builddir=tmp_path / d, fresh=True) for d in ("l1", "l2")]
    pdfs = [sorted((p.name, p.read_bytes()) for p in b.outdir.glob("chronology-*.pdf")) for b in latex]
    assert pdfs[0] == pdfs[1]


def test_figures_are_redrawn_only_when_their_drawing_changes(tmp_path: Path) -> None:
    src = copy_root("figures", tmp_path / "src")
    before = figures.renders
    build(src)
    assert figures.renders - before == 5
    before = figures.renders
    assert build(src).written == set()
    assert figures.renders == before  # a no-op rebuild draws nothing
    path = src / "chronology/2014/2014-07-15-talks-1.md"
    path.write_text(path.read_text().replace("First Security Talks", "Opening Security Talks"))
    result = build(src)
    # a new title changes the markers' titles, filled in after drawing: pages are rewritten, nothing redrawn
    assert figures.renders == before
    assert {"index", "chronology/series/talks"} <= result.written
    assert _links(result.html("index"))[EVENTS["talks-1"]] == "Opening Security Talks (July 15–16, 2014)"
    assert "Opening Security Talks (July 15–16, 2014)" in _links(result.html("chronology/series/talks")).values()
    path.write_text(path.read_text().replace("date: 2014-07-15\nend: 2014-07-16", "date: 2014-09-15\nend: 2014-09-16"))
    result = build(src)
    # a new date moves the marker in the overview, the density chart and the series strip; the filtered
    # figures do not show talks-1
    assert figures.renders - before == 3
    assert "chronology/filtered" not in result.written
    assert _links(result.html("index"))[EVENTS["talks-1"]] == "Opening Security Talks (September 15–16, 2014)"


def test_links_are_filled_in_after_drawing() -> None:
    drawn = (
        '<?xml version="1.0"?>\n<svg x="0" width="8in" height="2in">'
        '<a xlink:href="chron-link:e1" target="_blank"><path/></a>'
        '<a xlink:href="chron-link:year:2014" target="_blank"><g><path/></g></a></svg>'
    )
    out = svg.finish(drawn, {"e1": ("../a.html", "A <b> & c")}, 'Alt "text"', "f1")
    assert out == (
        '<svg role="group" aria-label="Alt &quot;text&quot;" class="chron-timeline" x="0" >'
        "<title>Alt &quot;text&quot;</title>"
        '<a href="../a.html" xlink:href="../a.html"><title>A &lt;b&gt; &amp; c</title><path/></a>'
        "<g><g><path/></g></g></svg>"
    )  # a year with no page of its own is a plain group, not a dangling link


def test_ids_are_scoped_by_figure() -> None:
    """Two figures on one page (or singlehtml's one page) must not share matplotlib's ``figure_1``."""
    drawn = (
        '<svg width="1in" height="1in"><g id="figure_1"><clipPath id="p0a"/><path clip-path="url(#p0a)"/>'
        '<defs><path id="m1"/></defs><use xlink:href="#m1"/></g></svg>'
    )
    out = svg.finish(drawn, {}, "alt", "timeline-overview-1234")
    assert 'id="timeline-overview-1234-figure_1"' in out
    assert 'clip-path="url(#timeline-overview-1234-p0a)"' in out
    assert 'xlink:href="#timeline-overview-1234-m1"' in out
    assert 'id="figure_1"' not in out


def _boxes_overlap(data: FigureData) -> list[tuple[object, object]]:
    boxes = figures.label_boxes(data)
    return [(a, b) for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)]


def test_crowded_series_labels_do_not_overlap() -> None:
    points = tuple(
        Point(
            f"e{i}",
            "d",
            f"E{i}",
            2015 + i * 0.08,
            2015 + i * 0.08,
            "Talks",
            "dialogue-round",
            "held",
            str(i + 1),
            "Washington",
        )
        for i in range(24)
    )
    assert _boxes_overlap(FigureData("series", points, ("Talks",), alt="x")) == []


def test_real_chronology_labels_do_not_overlap(chronology_html: Build) -> None:
    from sphinx_chronology.store.domain import ChronologyDomain
    from sphinx_chronology.views.figure import figure, figure_arg

    site = chronology_html
    domain = site.app.env.domains[ChronologyDomain.name]
    index = domain.index  # type: ignore[attr-defined]
    arguments = [figure_arg("overview", {})] + [figure_arg("series", {"series": s}) for s in index.registry.series]
    for argument in arguments:
        assert _boxes_overlap(figure(index, argument)) == [], argument


def test_default_kinds_are_told_apart_without_colour() -> None:
    shapes = [kind.marker for kind in make_vocabulary({}).kinds]
    assert len(set(shapes)) == len(shapes)


def test_a_parallel_build_draws_its_figures_ahead_in_worker_processes(tmp_path: Path) -> None:
    """With -j 2 the figures are drawn in two processes before writing starts (Sphinx resolves every page in
    its main process, where they would be drawn one at a time); the output equals a serial build's."""
    src = copy_root("figures", tmp_path / "src")
    serial = build(src, builddir=tmp_path / "serial")
    before = figures.renders
    parallel = build(src, builddir=tmp_path / "parallel", parallel=2)
    assert figures.renders == before  # all five were drawn in the workers, none while pages were resolved
    assert len(list((tmp_path / "parallel/doctrees/chronology-figures").glob("*.svg"))) == 5
    assert html_files(parallel.outdir) == html_files(serial.outdir)
    latex = [build(src, "latex", builddir=tmp_path / d, parallel=n) for d, n in (("l1", 0), ("l2", 2))]
    pdfs = [sorted((p.name, p.read_bytes()) for p in b.outdir.glob("chronology-*.pdf")) for b in latex]
    assert len(pdfs[0]) == 5 and pdfs[0] == pdfs[1]


def test_links_trade_places_into_date_order() -> None:
    drawn = (
        '<svg><g id="kind-a"><a xlink:href="chron-link:late" target="_blank"><path d="L"/></a></g>'
        '<g id="kind-b"><a xlink:href="chron-link:early" target="_blank"><path d="E"/></a>'
        '<a xlink:href="chron-link:middle" target="_blank"><path d="M"/></a></g></svg>'
    )
    assert svg.in_order(drawn, ["early", "middle", "late"]) == (
        '<svg><g id="kind-a"><a xlink:href="chron-link:early" target="_blank"><path d="E"/></a></g>'
        '<g id="kind-b"><a xlink:href="chron-link:middle" target="_blank"><path d="M"/></a>'
        '<a xlink:href="chron-link:late" target="_blank"><path d="L"/></a></g></svg>'
    )


def test_a_series_within_one_year_labels_its_axis_with_years() -> None:
    """One round in 2019: the axis reads 2019 and 2020, not "-1, 0" under an offset "+2.02e3"."""
    point = Point("e1", "d", "E1", 2019.38, 2019.38, "Talks", "dialogue-round", "held", "3", "Washington")
    drawn = figures.draw(FigureData("series", (point,), ("Talks",), alt="x"), "svg", {}).decode("utf-8")
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", drawn)
    assert "2019" in labels and "2020" in labels, labels
    assert not [label for label in labels if "e3" in label or label.startswith(("+", "\u2212"))], labels


def test_markers_at_the_ends_of_the_span_stay_inside_the_drawing() -> None:
    """An event on the first and one on the last days of the span: each marker whole inside its axes."""
    points = tuple(
        Point(f"e{i}", "d", f"E{i}", x, x, "Talks", "dialogue-round", "held", str(i + 1), "Washington")
        for i, x in enumerate((2009.0, 2016.5, 2024.997))
    )
    for kind in ("series", "overview"):
        data = FigureData(kind, points, ("Talks",), alt="x")  # type: ignore[arg-type]
        with figures._figure(data) as figure:
            (figures.series_strip if kind == "series" else figures.overview)(figure, data, {})
            figure.canvas.draw()
            ax = figure.axes[0]
            left, right = ax.bbox.x0, ax.bbox.x1
            for collection in ax.collections:
                radius = max(collection.get_sizes(), default=0) ** 0.5 / 2 * figure.dpi / 72
                for x, _y in ax.transData.transform(collection.get_offsets()):
                    assert left <= x - radius and x + radius <= right, (kind, x, radius, left, right)


def test_the_tallest_year_stays_under_the_top_tick() -> None:
    points = tuple(
        Point(f"e{i}", "d", f"E{i}", 2020.5 + (i % 5 == 0) * 4, 2020.5, "Talks", "dialogue-round", "held", "", "")
        for i in range(23)
    )
    vocabulary = make_vocabulary({})
    data = FigureData("density", points, ("Talks",), alt="x", kinds=vocabulary.kinds, statuses=vocabulary.statuses)
    with figures._figure(data) as figure:
        figures.density(figure, data, {})
        figure.canvas.draw()
        ax = figure.axes[0]
        tallest = max(patch.get_y() + patch.get_height() for patch in ax.patches)
        assert tallest < max(ax.get_yticks()) <= ax.get_ylim()[1], (tallest, ax.get_yticks())


def test_an_event_years_before_the_rest_does_not_stretch_the_axis() -> None:
    """One 2001 event before 2009-2012: drawn in a zone of its own past a dashed break, labelled 2001, and the
    axis runs from 2009 (it ran from 2001, leaving a third of the width empty)."""
    xs = (2001.7, 2009.2, 2010.5, 2011.4, 2012.8)
    points = tuple(
        Point(f"e{i}", "d", f"E{i}", x, x, "Talks", "dialogue-round", "held", str(i + 1), "Washington")
        for i, x in enumerate(xs)
    )
    data = FigureData("overview", points, ("Talks",), alt="x")
    with figures._figure(data) as figure:
        figures.overview(figure, data, {})
        figure.canvas.draw()
        ax = figure.axes[0]
        labels = [t.get_text() for t in ax.get_xticklabels()]
        assert labels[0] == "2001" and "2009" in labels and "2003" not in labels, labels
        low, high = ax.get_xlim()
        assert 2006 < low < 2009 and high > 2013, (low, high)
    assert _boxes_overlap(data) == []  # the 2001 label does not run into 2009's


def test_a_crowded_lane_shows_each_of_its_events() -> None:
    """Three events within a month in one lane: three markers at three heights, not one pile."""
    crowded = [
        Point(f"e{i}", "d", f"E{i}", 2015.0 + i * 0.02, 2015.0 + i * 0.02, "Talks", "visit", "held", "", "")
        for i in range(3)
    ]
    points = (*crowded, Point("far", "d", "F", 2020.0, 2020.0, "Talks", "visit", "held", "", ""))
    data = FigureData("overview", points, ("Talks",), alt="x")
    with figures._figure(data) as figure:
        figures.overview(figure, data, {})
        heights = [y for c in figure.axes[0].collections for _x, y in c.get_offsets()]
    assert len(set(heights)) == 3, heights  # the far one keeps its lane's height


def test_a_full_overview_folds_its_smallest_lanes_and_counts_its_events(tmp_path: Path) -> None:
    """Past its limits an overview puts the series with the fewest events in one lane, and draws one marker
    per lane and year with the number of its events, linked to the year's page; an event alone in its lane
    and year keeps its own marker. The page stays the same size however many events there are."""
    src = copy_root("figures", tmp_path / "src")
    (src / "chronology/registry/series.yaml").write_text(
        "talks: {name: North–South Security Talks, short: Talks}\n"
        "alpha: {name: Alpha Talks}\nbeta: {name: Beta Talks}\n",
        encoding="utf-8",
    )
    for series in ("alpha", "beta"):
        (src / f"chronology/2015/2015-03-01-{series}-1.md").write_text(
            f"---\ntitle: {series.title()} round\ndate: 2015-03-01\nkind: dialogue-round\nstatus: held\n"
            f"series: {series}\nround: 1\n---\n\nA round {{cite}}`south-2015`.\n",
            encoding="utf-8",
        )
    result = build(src, confoverrides={"chronology_overview_lanes": 2, "chronology_overview_markers": 3})
    assert result.warnings.strip() == "", result.warnings
    page = result.html("index")
    svg = page.select_one("svg.chron-timeline")
    assert svg["aria-label"] == "Timeline of 6 events in 2 lanes, 2014–2016, counted by lane and year"
    assert _links(page) == {
        EVENTS["talks-1"]: "First Security Talks (July 15–16, 2014)",
        EVENTS["talks-2"]: "Second Security Talks (August 2015)",
        "chronology/2015/index.html": "2 events of Other series in 2015",
        "chronology/2016/index.html": "2 events of Talks in 2016",
    }
    texts = [t.get_text() for t in svg.select("text")]
    assert "Other series" in texts and texts.count("2") >= 2  # the lane, and the counts beside their markers
    whole = build(src, builddir=tmp_path / "whole")  # within the default limits: a marker and a lane each
    assert len(_links(whole.html("index"))) == 6


def test_a_strip_drawn_on_the_reused_figure_is_the_strip_drawn_on_a_new_one() -> None:
    """Series strips share one figure in a process, emptied between strips: whatever was drawn before, each
    strip comes out byte for byte as on a figure of its own."""
    vocabulary = make_vocabulary({})
    looks = {"kinds": vocabulary.kinds, "statuses": vocabulary.statuses}
    statuses = ("held", "postponed", "cancelled", "boycotted", "planned-never-held")
    crowded = tuple(
        Point(f"c{i}", "d", f"C{i}", 2013 + i * 0.07, 2013 + i * 0.07, "T", ("dialogue-round", "visit", "call")[i % 3],
              statuses[i % 5], str(i + 1), "Washington, D.C." if i % 2 else "Beijing", 1 + i % 3)
        for i in range(30)
    )  # fmt: skip
    one_year = (Point("y1", "d", "Y1", 2019.38, 2019.38, "T", "dialogue-round", "held", "3", "Geneva"),)
    long = tuple(
        Point(f"l{i}", "d", f"L{i}", 2001 + i * 1.5, 2001 + i * 1.5, "T", "working-group", "held", f"{i + 1}", "")
        for i in range(16)
    )
    strips = [FigureData("series", points, ("T",), alt="x", **looks) for points in (crowded, one_year, long)]  # type: ignore[arg-type]

    def alone(data: FigureData, fmt: str) -> bytes:
        with figures._figure(data) as figure:
            figures.series_strip(figure, data, svg.placeholders(data))
            return figures._save(figure, fmt)

    for data in [*strips, strips[0], *reversed(strips)]:
        for fmt in ("svg", "pdf"):
            assert figures.draw(data, fmt, svg.placeholders(data)) == alone(data, fmt), (data.points[0].id, fmt)
    assert figures._strip is not None and len(figures._strip[0].axes) == 1  # one figure, one axes, reused
