"""Index pages split into letter pages on the web when they outgrow ``chronology_index_page_size``: every
entry on one letter page, every link to an entry leading to the page that holds it, old links forwarded,
the PDF keeping the whole index, and incremental builds keeping the letter pages and their links right."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import Build, build, copy_root, html_files

SMALL = {"chronology_index_page_size": 2}
PEOPLE = "chronology/people"


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(copy_root("basic", tmp_path_factory.mktemp("paging") / "src"), confoverrides=SMALL)
    assert result.warnings.strip() == "", result.warnings
    return result


def _broken_links(outdir: Path) -> tuple[int, list[str]]:
    """Every internal link of the site that leads to no page or no anchor, and how many were followed."""
    pages = {p.resolve(): BeautifulSoup(p.read_text(encoding="utf-8"), "lxml") for p in outdir.rglob("*.html")}
    ids = {path: {str(tag["id"]) for tag in page.select("[id]")} for path, page in pages.items()}
    broken, followed = [], 0
    for path, page in pages.items():
        for link in page.select("[href]"):
            href = str(link["href"])
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            followed += 1
            missing = parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids.get(target, ())
            if not target.exists() or missing:
                broken.append(f"{path.name}: {href}")
    return followed, broken


def _names(page: BeautifulSoup) -> list[str]:
    return [s.get_text() for s in page.select(".chron-people > li > p > strong, .chron-people > li > strong")]


def test_the_index_page_lists_its_letter_pages_and_each_holds_its_entries(split: Build) -> None:
    index = split.html(PEOPLE)
    assert _names(index) == []  # the entries are on the letter pages
    pages = [a["href"] for a in index.select("ul.chron-index-pages a")]
    assert pages == ["people-b.html", "people-n.html", "people-n-2.html"]  # Bo South's side puts family first
    assert "3 pages" in split.text(PEOPLE)
    held = {page: _names(split.html(f"chronology/{page.removesuffix('.html')}")) for page in pages}
    assert held == {
        "people-b.html": ["Bo South (南博)"], "people-n.html": ["Ann North"], "people-n-2.html": ["Cy North"]
    }  # fmt: skip
    letter_page = split.html("chronology/people-n-2")
    assert letter_page.select_one("h1").get_text().startswith("People: N (2/2)")
    bar = [a.get_text() for a in letter_page.select("p.chron-letters a")]
    assert bar == ["\u2191 People", "B", "N (1/2)"]  # the page itself in bold, not a link
    assert letter_page.select_one("title").get_text().startswith("People: N (2/2)")
    # the topics and the bibliography are split the same way
    assert (split.outdir / "chronology/topics.html").read_text(encoding="utf-8").count("chron-index-pages") == 1
    assert split.html("sources/index").select("ul.chron-index-pages a")


def test_every_link_leads_to_the_letter_page_holding_its_entry(split: Build) -> None:
    followed, broken = _broken_links(split.outdir)
    assert broken == [] and followed > 100
    header = split.html("chronology/2014/2014-07-15-talks-1").select_one(".chron-header")
    assert header is not None
    hrefs = [str(a["href"]) for a in header.select("a[href*='person-']")]
    assert hrefs and all(re.match(r"\.\./people-[bn](-2)?\.html#person-", h) for h in hrefs), hrefs


def test_old_links_to_the_index_page_are_forwarded(split: Build) -> None:
    script = next(s.get_text() for s in split.html(PEOPLE).select("script") if "location.replace" in s.get_text())
    data = json.loads(re.search(r"var d=(\{.*?\});function", script).group(1))  # type: ignore[union-attr]
    assert {anchor: data["p"][n] for anchor, n in data["a"].items()} == {
        "person-ann-north": "people-n.html",
        "person-cy-north": "people-n-2.html",
        "person-bo-south": "people-b.html",
    }


def test_the_pdf_and_a_large_enough_size_keep_the_whole_index(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    latex = build(src, "latex", builddir=tmp_path / "latex", confoverrides=SMALL)
    tex = next(Path(latex.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "people-n" not in tex and all(name in tex for name in ("Ann North", "Cy North", "Bo South"))
    whole = build(src, builddir=tmp_path / "whole")
    assert _names(whole.html(PEOPLE)) == ["Bo South (南博)", "Ann North", "Cy North"]
    assert not (whole.outdir / "chronology/people-n.html").exists()


def test_letter_pages_are_rewritten_only_when_they_change_and_links_follow_moved_entries(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    first = build(src, confoverrides=SMALL)
    pages = sorted((first.outdir / "chronology").glob("*-*.html"))
    assert {p.name.split("-")[0] for p in pages} == {"people", "topics"}
    stamps = {p.name: p.stat().st_mtime_ns for p in pages}
    build(src, confoverrides=SMALL)  # a no-op writes no letter page, and its search index still has them
    assert {p.name: p.stat().st_mtime_ns for p in pages} == stamps
    search = (first.outdir / "searchindex.js").read_text(encoding="utf-8")
    assert all(f'"chronology/{p.stem}"' in search for p in pages)
    # a new person under N, sorting first: every N entry moves to the next page, and the event pages that
    # link to them are rewritten with the new addresses
    people = src / "chronology/registry/people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "al-north: {name: Al North, side: north}\n", "utf-8")
    event = src / "chronology/2016/2016-05-01-interim.md"
    text = event.read_text(encoding="utf-8")
    event.write_text(re.sub(r"(\n\s*- person: )", r"\1al-north\n    title: Envoy\1", text, count=1), "utf-8")
    again = build(src, confoverrides=SMALL)
    assert again.warnings.strip() == "", again.warnings
    assert _names(again.html("chronology/people-n")) == ["Al North"]
    assert _names(again.html("chronology/people-n-3")) == ["Cy North"]
    # the topics' pages show nothing that changed (the people's pages all do: their bar has a new page)
    assert all(p.stat().st_mtime_ns == stamps[p.name] for p in pages if p.name.startswith("topics-"))
    # the pages not built again are still in the search index, with the words kept from the last build
    search = (again.outdir / "searchindex.js").read_text(encoding="utf-8")
    assert all(f'"chronology/{p.stem}"' in search for p in (again.outdir / "chronology").glob("*-*.html"))
    followed, broken = _broken_links(again.outdir)
    assert broken == [] and followed > 100


def test_a_document_where_a_letter_page_would_go_is_a_warning_not_overwritten(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    (src / "chronology/people-b.md").write_text("---\norphan: true\n---\n# Mine\n\nAn author page.\n", "utf-8")
    result = build(src, confoverrides=SMALL)
    assert "[chronology.config]" in result.warnings and "'chronology/people-b'" in result.warnings
    assert "raise chronology_index_page_size" in result.warnings
    assert "An author page." in result.text("chronology/people-b")


def test_a_retitled_event_leaves_the_split_index_pages_alone(tmp_path: Path) -> None:
    """An index page split into letter pages shows its letters, not the entries that list the event: a retitle
    rewrites the letter pages listing it, not the index pages, and gives what a fresh build gives."""
    src = copy_root("basic", tmp_path / "src")
    build(src, confoverrides=SMALL)
    event = src / "chronology/2014/2014-07-15-talks-1.md"
    event.write_text(event.read_text(encoding="utf-8").replace("First Security Talks", "Opening Talks"), "utf-8")
    again = build(src, confoverrides=SMALL)
    assert not {PEOPLE, "chronology/topics", "sources/index"} & again.written
    assert "Opening Talks" in again.text("chronology/people-n")
    fresh = build(src, builddir=tmp_path / "fresh", fresh=True, confoverrides=SMALL)
    assert html_files(again.outdir) == html_files(fresh.outdir)
