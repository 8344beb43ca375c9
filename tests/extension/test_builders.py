"""Every builder renders the views: each HTML flavour with working links and unique ids, LaTeX and text with
readable tables, and a theme's own HTML translator reaches every table and list the views make."""

from __future__ import annotations

import gc
import re
import subprocess
import sys
from collections import Counter
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.writers.html5 import HTML5Translator

from helpers import Build, build, copy_root
from sphinx_chronology import GC_THRESHOLD

EVENT_2 = "chronology/2015/2015-08-talks-2"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module")
def src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_root("basic", tmp_path_factory.mktemp("builders") / "src")


def _built(src: Path, builder: str, tmp_path: Path) -> Build:
    overrides = {"version": "1.0", "copyright": "2026, the test project"} if builder == "epub" else {}
    result = build(src, builder, builddir=tmp_path / builder, confoverrides=overrides)
    assert result.warnings.strip() == ""
    return result


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_every_internal_link_and_anchor_resolves(src: Path, tmp_path: Path, builder: str) -> None:
    out = _built(src, builder, tmp_path).outdir
    pages = {p: _soup(p) for p in out.rglob("*.html") if "_static" not in p.parts}
    ids = {p: {tag["id"] for tag in soup.select("[id]")} for p, soup in pages.items()}
    broken = []
    for page, soup in pages.items():
        for link in soup.select("a[href]"):
            href = str(link["href"])
            if href.startswith(("http:", "https:", "mailto:")) or "_static" in href:
                continue
            target, _, anchor = href.partition("#")
            if target and not target.endswith((".html", "/")):
                continue  # the page sources, the search page's data
            path = (page.parent / target).resolve() if target else page
            if path.is_dir():
                path = path / "index.html"
            if path not in ids or (anchor and anchor not in ids[path]):
                broken.append(f"{page.relative_to(out)} -> {href}")
    assert broken == []


def test_singlehtml_links_resolve_and_ids_are_unique(src: Path, tmp_path: Path) -> None:
    soup = _soup(_built(src, "singlehtml", tmp_path).outdir / "index.html")
    counted = Counter(str(tag["id"]) for tag in soup.select("[id]"))
    # docutils numbers the ids of sections whose title makes no id ("2014" gives id1) anew on each page
    repeated = [name for name, count in counted.items() if count > 1 and not re.fullmatch(r"id\d+", name)]
    assert repeated == []
    hrefs = [str(a["href"]) for a in soup.select("a[href]")]
    internal = [h for h in hrefs if not h.startswith(("http:", "https:")) and "_static" not in h]
    assert internal, "the views link nothing"
    missing = [h for h in internal if h.partition("#")[2] not in counted]
    assert missing == []
    assert soup.select("table.chron-delegations") and soup.select("svg.chron-timeline")  # the series strip


def test_epub_contains_the_views(src: Path, tmp_path: Path) -> None:
    out = _built(src, "epub", tmp_path).outdir
    page = _soup(out / f"{EVENT_2}.xhtml")
    assert page.select_one("div.chron-header table.chron-delegations") is not None
    assert (out / "Test.epub").exists() or list(out.glob("*.epub"))


def test_text_shows_the_header_and_the_delegations_table(src: Path, tmp_path: Path) -> None:
    text = (_built(src, "text", tmp_path).outdir / f"{EVENT_2}.txt").read_text(encoding="utf-8")
    assert "Date:" in text and "August 2015" in text
    assert "N. delegation" in text and "S. delegation" in text
    assert "+---" in text  # a grid table, columns side by side


def test_latex_has_the_header_table_and_index_entries(src: Path, tmp_path: Path) -> None:
    out = _built(src, "latex", tmp_path).outdir
    tex = next(out.glob("*.tex")).read_text(encoding="utf-8")
    assert ("North delegation" in tex and r"\begin{tabulary}" in tex) or r"\begin{tabular" in tex
    assert r"\index{" in tex


class TableClassesTranslator(HTML5Translator):
    """What a theme does (pydata-sphinx-theme adds Bootstrap classes the same way)."""

    def visit_table(self, node: Any) -> None:
        node["classes"].append("theme-table")
        super().visit_table(node)

    def visit_bullet_list(self, node: Any) -> None:
        node["classes"].append("theme-list")
        super().visit_bullet_list(node)


def test_a_themes_translator_reaches_every_table_and_list(src: Path, tmp_path: Path) -> None:
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "themed", confoverrides={"html_theme": "alabaster"})
    app.set_translator("html", TableClassesTranslator, override=True)
    try:
        app.build()
    finally:
        app.cleanup()
    out = Path(app.outdir)
    for name in (EVENT_2, "chronology/people", "chronology/topics", "sources/index", "chronology/series/talks"):
        body = _soup(out / f"{name}.html").select_one("div.body")
        assert body is not None
        tables = body.select("table")
        lists = [ul for ul in body.select("ul") if not ul.find_parent(class_="toctree-wrapper")]
        assert all("theme-table" in t.get("class", []) for t in tables), name
        assert all("theme-list" in ul.get("class", []) for ul in lists), name
        assert tables or lists, name


def test_the_collector_runs_less_often_while_building_and_as_before_after(src: Path, tmp_path: Path) -> None:
    """The garbage collector's threshold is raised for the build (reading and writing), and restored."""
    before = gc.get_threshold()
    app = SphinxTestApp(
        "html", srcdir=src, builddir=tmp_path / "gc", status=StringIO(), warning=StringIO(), freshenv=True
    )
    during: list[tuple[int, ...]] = []
    app.connect("env-updated", lambda _app, _env: during.append(gc.get_threshold()))
    app.connect("doctree-resolved", lambda _app, _doctree, _docname: during.append(gc.get_threshold()))
    try:
        app.build()
    finally:
        app.cleanup()
    assert len(during) > 2 and all(t[0] == GC_THRESHOLD for t in during)
    assert gc.get_threshold() == before


def test_the_last_collection_at_exit_leaves_the_build_s_objects_out(src: Path, tmp_path: Path) -> None:
    """A sphinx-build process ends without its collector walking every object of the build once more: the
    objects are frozen (``gc.freeze``) when the interpreter exits, after the build, and only then."""
    script = (
        "import atexit, gc, sys\n"
        "from sphinx.cmd.build import main\n"
        # registered before the extension's: runs after it
        "atexit.register(lambda: print('frozen at exit', gc.get_freeze_count()))\n"
        "status = main(['-q', '-b', 'html', sys.argv[1], sys.argv[2]])\n"
        "print('frozen after the build', gc.get_freeze_count())\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(src), str(tmp_path / "exit")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    after, at_exit = (int(line.rsplit(" ", 1)[1]) for line in done.stdout.splitlines()[-2:])
    assert after == 0  # a process that goes on (a test run, sphinx-autobuild) keeps collecting
    assert at_exit > 10_000  # the environment, the index, Sphinx's own objects
