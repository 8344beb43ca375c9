"""The PDF book, compiled with xelatex and read back with pdftotext as a reader would read it.

Skipped, with the packages to install, where TeX Live or poppler is missing."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import REPO, Build
from sphinx_chronology.store.domain import ChronologyDomain
from sphinx_chronology.store.index import Index

DEBIAN_PACKAGES = " ".join(  # what .ci/run installs, but the browser
    name for name in (REPO / "scripts/debian-packages").read_text(encoding="utf-8").split() if name != "chromium"
)
TOOLS = ("latexmk", "xelatex", "pdftotext", "pdfimages", "pdffonts")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(missing), reason=f"{', '.join(missing)} not installed: apt-get install {DEBIAN_PACKAGES}"
)


@dataclass
class Book:
    pdf: Path
    log: str
    text: str  # pdftotext's reading order
    index: Index


def _squeeze(text: str) -> str:
    """Text without spaces, line breaks and hyphens, so a title broken across lines still matches."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


@pytest.fixture(scope="module")
def book(chronology_latex: Build) -> Book:
    outdir = chronology_latex.outdir
    run = subprocess.run(
        ["latexmk", "-pdfxe", "-interaction=nonstopmode", "-halt-on-error", "chronology.tex"],
        cwd=outdir,
        capture_output=True,
        text=True,
        timeout=600,
    )
    log = (outdir / "chronology.log").read_text(encoding="utf-8", errors="replace")
    assert run.returncode == 0, log[-3000:]
    pdf = outdir / "chronology.pdf"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout
    text = unicodedata.normalize("NFKC", text)  # the face's ligatures (ﬀi) back to letters
    domain = chronology_latex.app.env.domains[ChronologyDomain.name]
    assert isinstance(domain, ChronologyDomain)
    return Book(pdf, log, text, domain.index)


def test_log_has_no_missing_glyph_and_no_undefined_reference(book: Book) -> None:
    assert "Missing character" not in book.log
    assert not re.search(r"Reference `[^']*' on page \d+ undefined", book.log)
    assert "There were undefined references" not in book.log
    assert "Some font shapes were not available" not in book.log


def test_every_event_title_is_in_the_book(book: Book) -> None:
    text = _squeeze(book.text)
    missing_titles = [e.title for e in book.index.events if _squeeze(e.title) not in text]
    assert missing_titles == []
    assert len(book.index.events) >= 60


def test_parts_come_in_book_order(book: Book) -> None:
    contents = book.text[book.text.index("CONTENTS") :]
    parts = ["The chronology by year", "Dialogue series", "People", "Topics", "Disputed points", "Sources", "Index"]
    positions = [contents.find(part) for part in parts]
    assert -1 not in positions and positions == sorted(positions), dict(zip(parts, positions, strict=True))
    # the introduction and the overview figure come before the first chapter
    first_chapter = book.text.index("The chronology by year", book.text.index("CONTENTS") + 200)
    assert book.text.index("How it is sourced") < first_chapter
    assert book.text.index("Fig. 1") < first_chapter


def test_bibliography_lists_every_source_with_the_pages_citing_it(book: Book) -> None:
    entries = book.text.split("Cited by:")[1:]
    assert len(entries) == len(book.index.registry.sources)  # every source is cited, each entry says where
    without_page = [entry[:300] for entry in entries if not re.search(r"\(p\.\s*\d+", entry[:600])]
    assert without_page == []
    assert "??" not in book.text  # an unresolved \pageref prints "??"


def test_event_links_give_their_page(book: Book) -> None:
    # previous/next links in an event header: "previous: <title> (<date>) (p. N)"
    assert re.search(r"previous: .{10,200}?\(p\.\s*\d+\)", book.text, flags=re.S)


def test_chinese_names_render_in_characters(book: Book) -> None:
    assert "习近平" in book.text
    fonts = subprocess.run(["pdffonts", str(book.pdf)], capture_output=True, text=True).stdout
    assert "NotoSerifCJK" in fonts
    assert "TeXGyrePagella" in fonts


def test_general_index_leads_from_people_to_events(book: Book) -> None:
    index = book.text[book.text.rindex("\x0cINDEX\n") :]
    # a U.S. name is indexed family name first, under K; a Chinese name as written
    assert "Kaidanow, Tina" in index and "Counterterrorism Dialogue" in index
    assert "\nK\nKaidanow, Tina\n" in index  # the first name under K
    assert "Zheng Zeguang" in index


def test_figures_are_vector(book: Book) -> None:
    images = subprocess.run(["pdfimages", "-list", str(book.pdf)], capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) == 2, images  # the header lines only: no raster image
    assert list(book.pdf.parent.glob("chronology-overview-*.pdf"))


def test_middle_dots_keep_their_spaces(book: Book) -> None:
    """ "Visit · In person", never "Visit ·In person": the CJK font setup must leave the middle dot Latin."""
    glued = re.findall(r"\w \u00b7\w", book.text)
    assert "Visit \u00b7 In person" in book.text
    assert glued == [], glued[:5]


def test_cited_by_gives_each_page_once(book: Book) -> None:
    """A source cited in four passages on one page: "(4 passages: 1, 2, 3, 4) (p. 131)", not "(p. 131, 131, 131,
    131)"; passages on two pages give both."""
    text = " ".join(book.text.split())
    assert "Cited by:" in text
    repeated = re.findall(r"p\. (\d+)(?:, \d+)*, \1\b", text)
    assert repeated == [], repeated[:5]
    assert re.search(r"\(\d+ passages: 1, 2[^)]*\) \(p\. \d+\)", text)


BOOK_PAGES = {
    "front": "What it covers.",
    "year": "Events of 2014",
    "event": "First U.S.–China Counterterrorism Dialogue",
    "series": "DIALOGUE SERIES",
    "people": "Everyone named in a delegation",
    "sources": "Cited by:",
}


def test_book_pages_of_each_kind_are_written_to_be_looked_at(book: Book) -> None:
    """A page of each kind the reader meets (the introduction, a year, an event, a series, the people, the
    sources), as PNG in tests/artifacts/."""
    artifacts = Path(__file__).parent.parent / "artifacts"
    artifacts.mkdir(exist_ok=True)
    pages = book.text.split("\x0c")
    for name, marker in BOOK_PAGES.items():
        number = next((n for n, page in enumerate(pages, start=1) if marker in page), None)
        assert number is not None, f"no page with {marker!r}"
        subprocess.run(
            ["pdftoppm", "-f", str(number), "-l", str(number), "-r", "60", "-png", "-singlefile", str(book.pdf),
             str(artifacts / f"book-{name}")],
            check=True,
            timeout=60,
        )  # fmt: skip
        assert (artifacts / f"book-{name}.png").stat().st_size > 5000
