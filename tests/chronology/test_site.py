"""A crawl of the whole built site: every internal link reaches a page and an anchor that exist, and every
image and figure has a text alternative."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import Build


@pytest.fixture(scope="module")
def pages(chronology_html: Build) -> dict[Path, BeautifulSoup]:
    outdir = chronology_html.outdir
    return {path: BeautifulSoup(path.read_text(encoding="utf-8"), "lxml") for path in sorted(outdir.rglob("*.html"))}


def _ids(page: BeautifulSoup) -> set[str]:
    return {str(tag["id"]) for tag in page.select("[id]")} | {str(tag["name"]) for tag in page.select("a[name]")}


def test_every_internal_link_reaches_an_existing_page_and_anchor(
    chronology_html: Build, pages: dict[Path, BeautifulSoup]
) -> None:
    outdir = chronology_html.outdir.resolve()
    ids = {path.resolve(): _ids(page) for path, page in pages.items()}
    broken: list[str] = []
    checked = 0
    for path, page in pages.items():
        for link in page.select("[href]"):
            href = str(link["href"])
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path.resolve()
            where = f"{path.relative_to(outdir)}: {href}"
            checked += 1
            if not target.exists():
                broken.append(f"{where} (no such file)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids[target]:
                broken.append(f"{where} (no such anchor)")
    assert broken == []
    assert checked > 5000  # the crawl really followed the site's links


def test_every_image_and_figure_has_a_text_alternative(pages: dict[Path, BeautifulSoup]) -> None:
    missing = [
        f"{path.name}: {img.get('src')}"
        for path, page in pages.items()
        for img in page.select("img")
        if not str(img.get("alt", "")).strip()
    ]
    assert missing == []
    figures = [svg for page in pages.values() for svg in page.select("figure.chron-figure svg")]
    assert figures, "the site shows its timeline figures inline"
    unlabelled = [svg for svg in figures if not (svg.get("aria-label") or svg.find("title"))]
    assert unlabelled == []


def test_every_page_has_a_title_and_one_main_heading(pages: dict[Path, BeautifulSoup]) -> None:
    untitled = [path.name for path, page in pages.items() if page.title is None or not page.title.get_text().strip()]
    assert untitled == []
    for path, page in pages.items():
        if page.select_one("div.body") is not None and path.name != "search.html":
            assert len(page.select("div.body h1")) == 1, path


def test_the_search_index_holds_words_not_markup(chronology_html: Build, pages: dict[Path, BeautifulSoup]) -> None:
    """Generated views are nodes, not raw HTML, so the indexer sees their words: an entity name ("amp",
    "quot") is a search term of a page only where the page's text has such a word (an "/amp/" address,
    "quoted"), and none of matplotlib's SVG metadata becomes a term."""
    import snowballstemmer

    outdir = chronology_html.outdir
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    terms, docnames = index["terms"], index["docnames"]
    assert {"kaidanow", "counterterror"} & set(terms)  # a delegation head's name and a topic are found
    stem = snowballstemmer.stemmer("english").stemWord
    # (the authoring page names matplotlib in its text; no figure's metadata may add it elsewhere)
    for term in ("amp", "quot", "nbsp", "lt", "gt", "matplotlib", "xlink", "rdf"):
        where = terms.get(term, [])
        for number in where if isinstance(where, list) else [where]:
            body = pages[outdir / f"{docnames[number]}.html"].select_one("div.body")
            words = {stem(word.lower()) for word in re.findall(r"\w+", body.get_text(" ") if body else "")}
            assert term in words, f"{term!r} is a search term of {docnames[number]} but not a word of its text"


def test_the_data_files_hold_the_whole_chronology_and_validate(chronology_html: Build) -> None:
    import jsonschema

    data_dir = chronology_html.outdir / "data"
    data = json.loads((data_dir / "chronology.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json.loads((data_dir / "chronology.schema.json").read_text())).validate(data)
    pages = {
        p.relative_to(chronology_html.outdir).as_posix()
        for p in chronology_html.outdir.glob("chronology/[0-9]*/*.html")
    }
    events = {e["url"] for e in data["events"]}
    assert events == {p for p in pages if not p.endswith("index.html")}  # every event page, nothing else
    assert all(e["sources"] for e in data["events"])  # every event cites a source
    csl = json.loads((Path(__file__).parent.parent / "data/csl-data.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(csl).validate(json.loads((data_dir / "sources.json").read_text(encoding="utf-8")))
    records = Path(chronology_html.app.srcdir, "sources/records")
    assert [s["id"] for s in data["sources"]] == sorted(p.stem for p in records.glob("*.yaml"))


def test_reading_text_says_each_thing_once(chronology_html: Build, pages: dict[Path, BeautifulSoup]) -> None:
    """No "..., July 2013 (July 2013)"; a run of missing rounds is one line ("Rounds 6–15"); an uncertain field
    goes by the name the header gives it, not its front-matter name."""
    repeated, raw = [], []
    for path, page in pages.items():
        text = " ".join(page.get_text(" ").split())
        repeated += [f"{path.name}: {m.group(0)}" for m in re.finditer(r"(\w+ \d{4}) \(\1\)", text)]
        raw += [f"{path.name}: {m.group(0)}" for m in re.finditer(r"Unverified : [a-z]+[.:]", text)]
    assert repeated == [] and raw == [], (repeated[:5], raw[:5])
    rounds = [" ".join(li.get_text(" ").split()) for li in chronology_html.html("chronology/series/dpct").select("li")]
    gaps = [r for r in rounds if "no record" in r]
    assert any(r.startswith("Rounds 6\u201315: no record of these rounds") for r in gaps), gaps
    assert len(gaps) <= 3, gaps
