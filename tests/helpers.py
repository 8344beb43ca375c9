"""Building real Sphinx projects for the tests (no mocks): a copy of a test root or of the real chronology."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).parent.parent
SKIP = {
    "_build",
    ".venv",
    ".git",
    "tests",
    "bench",
    ".ci",
    "scripts",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    "__pycache__",
}


def copy_root(name: str, dest: Path) -> Path:
    """A private copy of ``tests/roots/test-<name>`` (or of the real project for ``name="chronology"``)."""
    if name == "chronology":
        shutil.copytree(
            REPO,
            dest,
            ignore=lambda d, names: [n for n in names if n in SKIP or n.startswith(".venv") or n.endswith(".egg-info")],
        )
    else:
        shutil.copytree(ROOTS / f"test-{name}", dest)
    return dest


@dataclass
class Build:
    """One finished build: the app, its warnings and the pages it wrote."""

    app: SphinxTestApp
    warnings: str
    written: set[str] = field(default_factory=set)

    @property
    def outdir(self) -> Path:
        return Path(self.app.outdir)

    def html(self, docname: str) -> BeautifulSoup:
        return BeautifulSoup((self.outdir / f"{docname}.html").read_text(encoding="utf-8"), "lxml")

    def text(self, docname: str) -> str:
        body = self.html(docname).select_one("div.body")
        assert body is not None
        return " ".join(body.get_text(" ").split())


def build(
    srcdir: Path,
    builder: str = "html",
    *,
    builddir: Path | None = None,
    parallel: int = 0,
    fresh: bool = False,
    warningiserror: bool = False,
    confoverrides: dict[str, object] | None = None,
) -> Build:
    """Build ``srcdir`` and report which documents were written (serial writes only)."""
    warning = StringIO()
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        builddir=builddir or srcdir / "_build",
        freshenv=fresh,
        status=StringIO(),
        warning=warning,
        # SphinxTestApp would swap alabaster for "basic"
        confoverrides={"html_theme": "alabaster", **(confoverrides or {})},
        parallel=parallel,
        warningiserror=warningiserror,
    )
    written: set[str] = set()
    app.connect("doctree-resolved", lambda _app, _doctree, docname: written.add(docname))
    try:
        app.build()
    finally:
        app.cleanup()
    return Build(app, strip_colors(warning.getvalue()), written)


def chronology_warnings(text: str) -> list[str]:
    return [line for line in text.splitlines() if "[chronology." in line]


def html_files(outdir: Path) -> dict[str, str]:
    """Every HTML page of a build, by path, for comparing builds."""
    return {str(p.relative_to(outdir)): p.read_text(encoding="utf-8") for p in sorted(outdir.rglob("*.html"))}
