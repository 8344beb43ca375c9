"""Random sequences of authors' edits on a generated chronology: after every sequence, the incremental build
equals a fresh build of the same sources; with mistakes made and fixed along the way, every incremental build
gives the warnings a fresh build gives (so ``-W`` answers alike). Also: two fresh builds are byte-identical,
and HTML then LaTeX in one environment works.

The sequences are seeded, so a failure repeats. ``CHRONOLOGY_SEQUENCES=50 pytest tests/extension/test_sequences.py``
runs more of them than CI does.
"""

from __future__ import annotations

import os
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import REPO, build, html_files

sys.path.insert(0, str(REPO / "bench"))
from corpus import generate

SEQUENCES = int(os.environ.get("CHRONOLOGY_SEQUENCES", "3"))
STEPS = 4


class Author:
    """Edits a generated project the way an author would; every edit leaves the project valid."""

    def __init__(self, src: Path, rng: random.Random) -> None:
        self.src, self.rng, self.added = src, rng, 0

    def events(self) -> list[Path]:
        return sorted(p for p in (self.src / "chronology").glob("[0-9]*/*.md") if p.name != "index.md")

    def pick(self) -> Path:
        return self.rng.choice(self.events())

    def referenced(self) -> set[str]:
        text = "".join(p.read_text(encoding="utf-8") for p in self.events())
        return set(re.findall(r"event: (event-\d+|new-\d+)", text)) | set(re.findall(r"\{event\}`([^`]+)`", text))

    def edit_title(self) -> str:
        page = self.pick()
        _sub(page, r"title: ", "title: Revised ")
        return f"retitle {page.name}"

    def add_event(self) -> str:
        self.added += 1
        year = self.rng.choice([p.name for p in (self.src / "chronology").iterdir() if p.name.isdigit()])
        page = self.src / f"chronology/{year}/{year}-12-{self.added:02d}-new-{self.added}.md"
        series = self.rng.choice(re.findall(r"^([\w-]+):", _read(self.src / "chronology/registry/series.yaml"), re.M))
        page.write_text(
            f"---\nid: new-{self.added}\ntitle: Added meeting {self.added}\ndate: {year}-12-{self.added:02d}\n"
            f"kind: visit\nstatus: held\nseries: {series}\nround: {100 + self.added}\ntopics: [topic-1]\n---\n\n"
            "Added {cite}`source-1`.\n",
            encoding="utf-8",
        )
        return f"add {page.name}"

    def rename_event(self) -> str:
        page = self.pick()
        target = page.with_name(page.name.replace(".md", "-renamed.md"))
        page.rename(target)
        return f"rename {page.name}"

    def delete_event(self) -> str:
        referenced = self.referenced()
        free = [p for p in self.events() if re.search(r"^id: (\S+)", _read(p), re.M)[1] not in referenced]  # type: ignore[index]
        if not free:
            return self.edit_title()
        page = self.rng.choice(free)
        page.unlink()
        return f"delete {page.name}"

    def add_citation(self) -> str:
        page = self.pick()
        with page.open("a", encoding="utf-8") as handle:
            handle.write(f"\nAlso reported {{cite}}`source-{self.rng.randrange(5)}`.\n")
        return f"cite in {page.name}"

    def remove_citation(self) -> str:
        cited = [p for p in self.events() if "Also reported" in _read(p)]
        if not cited:
            return self.add_citation()
        page = self.rng.choice(cited)
        _sub(page, r"\nAlso reported \{cite\}`[^`]+`\.\n", "")
        return f"uncite in {page.name}"

    def rename_person(self) -> str:
        n = self.rng.randrange(10)
        _sub(self.src / "chronology/registry/people.yaml", rf"name: Person {n}\b", f"name: Person {n} Jr.")
        return f"rename person {n}"

    def rename_series(self) -> str:
        _sub(self.src / "chronology/registry/series.yaml", r"name: Dialogue ", "name: Talks ")
        return "rename a series"

    def retitle_source(self) -> str:
        record = self.rng.choice(sorted((self.src / "sources/records").glob("*.yaml")))
        _sub(record, r'title: "', 'title: "Updated: ')
        return f"retitle {record.name}"

    def edits(self) -> list[Callable[[], str]]:
        return [
            self.edit_title,
            self.add_event,
            self.rename_event,
            self.delete_event,
            self.add_citation,
            self.remove_citation,
            self.rename_person,
            self.rename_series,
            self.retitle_source,
        ]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _sub(path: Path, pattern: str, replacement: str) -> None:
    text, count = re.subn(pattern, replacement, _read(path), count=1, flags=re.M)
    assert count == 1, (path, pattern)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("seed", range(SEQUENCES))
def test_random_edit_sequence_gives_the_fresh_build(tmp_path: Path, seed: int) -> None:
    src = generate(tmp_path / "src", 12, seed=seed)
    assert build(src).warnings.strip() == ""
    author = Author(src, random.Random(seed))
    done = []
    for _ in range(STEPS):
        done.append(author.rng.choice(author.edits())())
        incremental = build(src)
        assert incremental.warnings.strip() == "", done
    fresh = build(src, builddir=tmp_path / "fresh", fresh=True)
    assert html_files(incremental.outdir) == html_files(fresh.outdir), done
    assert build(src).written == set(), done  # and the next rebuild has nothing to do


class CarelessAuthor(Author):
    """Also makes mistakes, and fixes them later: the project is not always valid."""

    def __init__(self, src: Path, rng: random.Random) -> None:
        super().__init__(src, rng)
        self.undo: list[tuple[Path, str]] = []

    def _spoil(self, pattern: str, replacement: str, what: str) -> str:
        candidates = [p for p in self.events() if re.search(pattern, _read(p), re.M)]
        if not candidates:
            return self.edit_title()
        page = self.rng.choice(candidates)
        self.undo.append((page, _read(page)))
        _sub(page, pattern, replacement)
        return f"{what} in {page.name}"

    def bad_date(self) -> str:
        return self._spoil(r"^date: (\d{4})-\d\d", r"date: \1-13", "impossible date")

    def bad_person(self) -> str:
        return self._spoil(r"person: person-(\d+)", r"person: persn-\1", "unknown person")

    def bad_citation(self) -> str:
        return self._spoil(r"\{cite\}`source-", "{cite}`sorce-", "unknown source key")

    def bad_yaml(self) -> str:
        return self._spoil(r"^title: ", 'title: "', "unclosed quote")

    def bad_registry(self) -> str:
        people = self.src / "chronology/registry/people.yaml"
        self.undo.append((people, _read(people)))
        _sub(people, r"side: cn", "side: prc")
        return "unknown side in people.yaml"

    def fix(self) -> str:
        if not self.undo:
            return self.bad_date()
        page, text = self.undo.pop(self.rng.randrange(len(self.undo)))
        if page.exists():
            page.write_text(text, encoding="utf-8")
        return f"fix {page.name}"

    def edits(self) -> list[Callable[[], str]]:
        mistakes = [self.bad_date, self.bad_person, self.bad_citation, self.bad_yaml, self.bad_registry]
        return [*super().edits(), *mistakes, self.fix, self.fix]


def _warnings(text: str, *roots: Path) -> list[str]:
    for root in roots:
        text = text.replace(f"{root}/", "")
    return sorted(line for line in text.splitlines() if line.strip())


@pytest.mark.parametrize("seed", range(SEQUENCES))
def test_warnings_of_an_incremental_build_are_a_fresh_builds(tmp_path: Path, seed: int) -> None:
    """`-W` must give one answer for one set of sources, however they were reached: every problem read or
    found earlier is said again on a rebuild that did not read its page again."""
    src = generate(tmp_path / "src", 10, seed=seed)
    build(src)
    author = CarelessAuthor(src, random.Random(1000 + seed))
    done = []
    for step in range(STEPS + 2):
        done.append(author.rng.choice(author.edits())())
        incremental = _warnings(build(src).warnings, src)
        fresh = _warnings(build(src, builddir=tmp_path / f"fresh{step}", fresh=True).warnings, src)
        assert incremental == fresh, done
        assert _warnings(build(src).warnings, src) == fresh, done  # and a no-op rebuild says it all again


def test_two_fresh_builds_are_byte_identical(tmp_path: Path) -> None:
    src = generate(tmp_path / "src", 20)
    one = build(src, builddir=tmp_path / "one", fresh=True)
    two = build(src, builddir=tmp_path / "two", fresh=True)
    assert html_files(one.outdir) == html_files(two.outdir)
    assert (one.outdir / "objects.inv").read_bytes() == (two.outdir / "objects.inv").read_bytes()
    svgs = [
        sorted((p.name, p.read_bytes()) for p in (tmp_path / d / "doctrees/chronology-figures").glob("*.svg"))
        for d in ("one", "two")
    ]
    assert svgs[0] == svgs[1] and svgs[0]


def test_html_then_latex_in_the_same_environment(tmp_path: Path) -> None:
    src = generate(tmp_path / "src", 12)
    html = build(src, builddir=tmp_path / "build")
    latex = build(src, "latex", builddir=tmp_path / "build")
    assert html.warnings.strip() == "" and latex.warnings.strip() == ""
    tex = next(latex.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "Meeting number 3 of" in tex and r"\pageref" in tex
    assert build(src, builddir=tmp_path / "build").written == set()  # the LaTeX build left HTML up to date
