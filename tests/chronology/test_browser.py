"""The HTML site in a real browser (Playwright driving Debian's Chromium), as readers use it.

Screenshots of the front page, an event page and the bibliography, on a laptop and on a phone, are saved in
``tests/artifacts/``. Skipped, with the package to install, where Chromium or Playwright is missing."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from helpers import Build

ARTIFACTS = Path(__file__).parent.parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]' installs playwright")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed: apt-get install chromium")

# Chromium as root, headless, with nothing that reaches for the network (this machine has none).
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
TABLET = {"width": 768, "height": 1024}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site(chronology_html: Build) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(chronology_html.outdir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], "JavaScript errors on the page"


def _screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_front_page_renders_with_its_overview_figure(site: str, page: Any) -> None:
    page.goto(f"{site}/index.html")
    figure = page.locator("figure.chron-figure-overview svg")
    figure.wait_for(state="visible")
    box = figure.bounding_box()
    assert box is not None and box["width"] > 500 and box["height"] > 200
    assert figure.locator("a").count() >= 60  # a link per event marker
    assert "U.S.–China" in page.locator("h1").first.inner_text()
    _screenshot(page, "front-page")


def test_clicking_a_figure_marker_opens_its_event(site: str, page: Any) -> None:
    page.goto(f"{site}/index.html")
    marker = page.locator("figure.chron-figure-overview svg a[href$='2014-07-15-ct-dialogue-1.html']").first
    title = marker.locator("title").first.text_content() or ""
    marker.click()
    page.wait_for_url(re.compile(r"2014-07-15-ct-dialogue-1\.html$"))
    heading = page.locator("h1").first.inner_text().strip("¶ \n")
    assert heading == "First U.S.–China Counterterrorism Dialogue"
    assert title.startswith(heading)  # the marker's tooltip names the event it opens
    _screenshot(page, "event-page")


def test_search_finds_an_event_by_a_delegation_heads_name(site: str, page: Any) -> None:
    # Cheng Guoping led China's delegation; the name appears in the delegations table, not in the title.
    page.goto(f"{site}/search.html?q=Cheng+Guoping")
    result = page.locator("ul.search li a[href*='2014-07-15-ct-dialogue-1.html']").first
    result.wait_for(timeout=15000)
    result.click()
    page.wait_for_url(re.compile(r"2014-07-15-ct-dialogue-1\.html"))
    assert "Cheng Guoping" in page.locator("table.chron-delegations").inner_text()


def test_search_results_for_objects_land_on_their_entry(site: str, page: Any) -> None:
    # the person, listed as an object: its link must reach the person's entry in the people index
    page.goto(f"{site}/search.html?q=Cheng+Guoping")
    result = page.locator("ul.search li.kind-object a[href*='people.html']").first
    result.wait_for(timeout=15000)
    href = result.get_attribute("href") or ""
    result.click()
    page.wait_for_url(re.compile(r"people\.html#"))
    anchor = href.split("#", 1)[1]
    assert page.locator(f"[id='{anchor}']").count() == 1, f"no element with id {anchor!r}"
    assert page.evaluate("() => document.querySelector(':target').getBoundingClientRect().top") < PHONE["height"]


def test_cited_by_links_land_on_the_citing_passage(site: str, page: Any) -> None:
    """From the bibliography's letter page (reached by an old link to the whole bibliography's anchor, which
    the index page forwards) to the passage citing the source."""
    page.goto(f"{site}/sources/index.html#source-state-2014-ssd-4-entry")
    page.wait_for_url(re.compile(r"sources/index-u\.html#source-state-2014-ssd-4-entry$"))
    _screenshot(page, "bibliography")
    entry = page.locator("ul.chron-bibliography > li", has=page.locator("p.chron-cited-by")).nth(10)
    source_id = entry.locator("[id^='source-']").first.get_attribute("id")
    link = entry.locator("p.chron-cited-by a").first
    href = link.get_attribute("href") or ""
    assert "#cite-" in href
    link.click()
    page.wait_for_url(re.compile(re.escape(href.split("/")[-1]) + "$"))
    landed = page.evaluate(
        """() => {
            const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
            if (!target) return null;
            const cite = target.nextElementSibling;
            const box = (cite || target).getBoundingClientRect();
            return {top: box.top, height: window.innerHeight,
                    sources: cite ? [...cite.querySelectorAll("a")].map(a => a.hash) : []};
        }"""
    )
    assert landed is not None, "the cited-by link's anchor is missing"
    assert 0 <= landed["top"] < landed["height"], "the citing passage is not in view"
    assert f"#{source_id}" in landed["sources"], "the passage does not cite the source we came from"


WIDE_PAGES = [
    "index.html",
    "chronology/2009/2009-07-27-ssed-1.html",
    "chronology/2016/index.html",
    "sources/index.html",
    "sources/index-u.html",
]


@pytest.mark.parametrize("path", WIDE_PAGES)
def test_laptop_readers_never_scroll_sideways(site: str, page: Any, path: str) -> None:
    page.goto(f"{site}/{path}")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{path}: page is {widths[0]}px wide on a {widths[1]}px screen"


@pytest.mark.parametrize("path", WIDE_PAGES)
def test_phone_readers_never_scroll_sideways(site: str, browser: Any, path: str) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site}/{path}")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    body_font = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('div.body')).fontSize)")
    if path.startswith("chronology/2009/"):
        _screenshot(page, "event-page-phone")
        delegations = page.locator("table.chron-delegations").bounding_box()
        assert delegations is not None and delegations["x"] >= 0 and delegations["width"] <= PHONE["width"]
    context.close()
    assert widths[0] <= widths[1], f"{path}: page is {widths[0]}px wide on a {widths[1]}px screen"
    assert body_font >= 14, f"{path}: body text is {body_font}px on a phone"


@pytest.mark.parametrize("viewport", [PHONE, TABLET, LAPTOP], ids=["phone", "tablet", "laptop"])
def test_header_labels_stay_whole_and_delegations_line_up(site: str, browser: Any, viewport: dict[str, int]) -> None:
    """A label never breaks inside a word ("Statu / s:"), and the sides' headings stand on one row above
    their lists, on a phone as on a laptop."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{site}/chronology/2017/2017-10-04-lecd-1.html")
    labels = page.evaluate(
        """() => [...document.querySelectorAll('.chron-header dl.field-list > dt')].map(dt => {
            const range = document.createRange(); range.selectNodeContents(dt.firstChild);
            return {text: dt.textContent, lines: range.getClientRects().length};
        })"""
    )
    heads = page.evaluate(
        "() => [...document.querySelectorAll('table.chron-delegations th')].map(th => th.getBoundingClientRect().top)"
    )
    cells = page.evaluate(
        "() => [...document.querySelectorAll('table.chron-delegations td')].map(td => td.getBoundingClientRect().top)"
    )
    context.close()
    assert labels and all(label["lines"] == 1 for label in labels), labels
    assert len(heads) == 2 and len(set(heads)) == 1, heads  # side by side
    assert len(cells) == 2 and len(set(cells)) == 1 and cells[0] > heads[0], cells


def test_figures_on_a_phone_keep_readable_text_and_scroll_in_their_box(site: str, browser: Any) -> None:
    """On a 375 px screen the overview keeps its own size (text about 10 px, not 4) in a box that scrolls
    sideways; the page itself does not."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site}/index.html")
    sizes = page.evaluate(
        """() => {
            const box = document.querySelector('figure.chron-figure-overview .chron-figure-scroll');
            const svg = box.querySelector('svg');
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const text = Math.min(...[...svg.querySelectorAll('text')].map(
                t => parseFloat(getComputedStyle(t).fontSize)));
            return {text: text * scale, box: [box.scrollWidth, box.clientWidth],
                    page: [document.documentElement.scrollWidth, window.innerWidth]};
        }"""
    )
    page.locator("figure.chron-figure-overview").screenshot(path=str(ARTIFACTS / "overview-phone.png"))
    context.close()
    assert sizes["text"] >= 9, sizes  # px on screen
    assert sizes["box"][0] > sizes["box"][1], sizes  # the figure's box scrolls
    assert sizes["page"][0] <= sizes["page"][1], sizes  # the page does not


def test_tab_reaches_figure_markers_by_date_and_shows_focus(site: str, page: Any) -> None:
    page.goto(f"{site}/index.html")
    hrefs = page.evaluate(
        "() => [...document.querySelectorAll('figure.chron-figure-overview svg a')].map(a => a.getAttribute('href'))"
    )
    dates = [re.search(r"/(\d{4})(?:-(\d\d))?(?:-(\d\d))?-", href).groups() for href in hrefs]  # type: ignore[union-attr]
    # where the figure puts them: a month or a year without a day at its middle
    places = [
        int(y) + ((int(m) - 1) / 12 + (int(d) - 1) / 365.25 if d else (int(m) - 0.5) / 12 if m else 0.5)
        for y, m, d in dates
    ]
    assert places == sorted(places), dates[:12]
    first = page.locator("figure.chron-figure-overview svg a").first
    first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard: :focus-visible
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == hrefs[0]
    assert outline != "none"
    role = page.evaluate("() => document.querySelector('figure.chron-figure-overview svg').getAttribute('role')")
    assert role != "img"  # an image's links are hidden from screen readers


def test_search_finds_chinese_words_inside_longer_runs(site: str, page: Any) -> None:
    """磋商 (consultations) stands inside 中美举行海洋事务磋商, a source's title, with no space around it."""
    page.goto(f"{site}/search.html?q=%E7%A3%8B%E5%95%86")
    result = page.locator("ul.search li a[href*='sources/index-']").first  # a letter page of the bibliography
    result.wait_for(timeout=15000)
    page.goto(f"{site}/search.html?q=%E4%B9%A0%E8%BF%91%E5%B9%B3")  # 习近平, in a run of other characters
    page.locator("ul.search li a").first.wait_for(timeout=15000)


def test_search_results_tell_events_apart(site: str, page: Any) -> None:
    """Two visits with the same title: each result shows its date, and a passage of its page."""
    page.goto(f"{site}/search.html?q=Rice+Beijing")
    page.locator("ul.search li").first.wait_for(timeout=15000)
    page.wait_for_timeout(1500)  # the passages arrive after the titles
    results = page.evaluate("() => [...document.querySelectorAll('ul.search li')].map(li => li.innerText)")
    visits = [r for r in results if r.startswith("National Security Advisor Susan Rice visits Beijing")]
    assert len(visits) >= 2, results[:6]
    assert len(set(visits)) == len(visits), visits  # told apart
    assert all(re.search(r"\b20\d\d\b", r) for r in visits), visits


READING_PAGES = {
    "front": "index.html",
    "year": "chronology/2014/index.html",
    "event": "chronology/2014/2014-07-15-ct-dialogue-1.html",
    "series": "chronology/series/dpct.html",
    "people": "chronology/people.html",
    "sources": "sources/index.html",
    "sources-u": "sources/index-u.html",
}


@pytest.mark.parametrize("viewport", [PHONE, TABLET, LAPTOP], ids=["375", "768", "1280"])
@pytest.mark.parametrize("name", list(READING_PAGES))
def test_reading_pages_at_phone_and_laptop_width(site: str, browser: Any, name: str, viewport: dict[str, int]) -> None:
    """The pages a reader meets first, at 375, 768 and 1280 px: written to tests/artifacts/ to be looked at, and
    none wider than the screen."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{site}/{READING_PAGES[name]}")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"reading-{name}-{viewport['width']}.png"))  # the first screen
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    context.close()
    assert widths[0] <= widths[1], f"{name}: {widths[0]}px wide on a {widths[1]}px screen"
