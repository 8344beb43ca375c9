"""After an edit, an incremental build rewrites every page that shows the changed data and no other,
and its HTML equals a fresh build of the same sources."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import build, copy_root, html_files

EVENT_1 = "chronology/2014/2014-07-15-talks-1"
EVENT_2 = "chronology/2015/2015-08-talks-2"
EVENT_4 = "chronology/2016/2016-03-talks-4"
INTERIM = "chronology/2016/2016-05-01-interim"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _edit_title(src: Path) -> None:
    _replace(src / f"{EVENT_1}.md", "title: First Security Talks", "title: Opening Security Talks")


def _edit_referring_event(src: Path) -> None:
    _replace(src / f"{EVENT_2}.md", "title: Second Security Talks", "title: Follow-up Security Talks")


def _add_event(src: Path) -> None:
    (src / "chronology/2015/2015-10-10-talks-3.md").write_text(
        "---\ntitle: Third Security Talks\ndate: 2015-10-10\nkind: dialogue-round\nstatus: held\n"
        "series: talks\nround: 3\ntopics: [border]\n---\n\nHeld {cite}`north-2014`.\n",
        encoding="utf-8",
    )


def _delete_event(src: Path) -> None:
    (src / f"{EVENT_4}.md").unlink()


def _rename_person(src: Path) -> None:
    _replace(src / "chronology/registry/people.yaml", "name: Cy North", "name: Cyrus North")


def _retitle_source(src: Path) -> None:
    _replace(src / "sources/records/south-2015.yaml", "Second round of talks", "Talks, second round")


def _remove_citation(src: Path) -> None:
    _replace(src / f"{EVENT_2}.md", "{cite}`south-2015; north-2014`", "{cite}`south-2015`")


def _add_citation(src: Path) -> None:
    _replace(
        src / f"{EVENT_4}.md",
        "Announced but cancelled {cite}`south-2015`.",
        "Announced {cite}`north-2014`, then cancelled {cite}`south-2015`.",
    )


SCENARIOS: dict[str, tuple[Callable[[Path], None], set[str]]] = {
    # name: (edit, every page that shows the changed data)
    "edit-title": (
        _edit_title,
        {
            EVENT_1,
            EVENT_2,
            "chronology/2014/index",
            "chronology/2015/index",
            "chronology/series/talks",
            "chronology/people",
            "chronology/topics",
            "sources/index",
        },
    ),
    "edit-referring-event": (
        _edit_referring_event,
        # talks-1 shows "followed up by" talks-2; talks-4 shows it as the previous round
        {
            EVENT_2,
            EVENT_1,
            EVENT_4,
            "chronology/2015/index",
            "chronology/2016/index",
            "chronology/series/talks",
            "chronology/people",
            "chronology/topics",
            "sources/index",
        },
    ),
    "add-event": (
        _add_event,
        {
            "chronology/2015/2015-10-10-talks-3",
            "chronology/2015/index",
            "chronology/series/talks",
            EVENT_2,
            EVENT_4,
            "chronology/topics",
            "sources/index",
            "chronology/2016/index",
        },
    ),
    "delete-event": (
        _delete_event,
        {"chronology/2016/index", "chronology/series/talks", EVENT_2, INTERIM, "chronology/topics", "sources/index"},
    ),
    "rename-person": (
        _rename_person,
        {EVENT_1, INTERIM, "chronology/people", "chronology/2014/index", "chronology/2016/index"},
    ),
    "retitle-source": (_retitle_source, {EVENT_2, EVENT_4, "sources/index"}),
    "remove-citation": (_remove_citation, {EVENT_2, "sources/index"}),
    "add-citation": (_add_citation, {EVENT_4, "sources/index"}),
}


def test_noop_rebuild_writes_nothing(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    build(src)
    again = build(src)
    assert again.written == set()
    # nor says the configuration changed (the extension's static folder joins it before the comparison)
    assert "configuration has changed" not in again.app._status.getvalue()


def test_rereading_an_unchanged_page_rewrites_only_it(tmp_path: Path) -> None:
    """Every page is fingerprinted again after a read; equal data must give equal fingerprints."""
    src = copy_root("basic", tmp_path / "src")
    build(src)
    path = src / f"{EVENT_1}.md"
    later = time.time() + 60
    os.utime(path, (later, later))  # newer than the last build: Sphinx reads it again
    result = build(src)
    parents = set(result.app.env.files_to_rebuild.get(EVENT_1, ()))
    assert result.written == {EVENT_1} | parents


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_incremental_build_equals_fresh_build(tmp_path: Path, name: str) -> None:
    edit, shows = SCENARIOS[name]
    src = copy_root("basic", tmp_path / "src")
    build(src)
    edit(src)
    incremental = build(src)
    assert incremental.warnings.strip() == ""
    # Sphinx itself also rewrites the toctree parent of every page it writes (env.files_to_rebuild).
    parents = {parent for doc in shows for parent in incremental.app.env.files_to_rebuild.get(doc, ())}
    assert incremental.written == shows | parents
    fresh = build(src, builddir=tmp_path / "fresh", fresh=True)
    assert html_files(incremental.outdir) == html_files(fresh.outdir)


def test_deleted_event_page_is_removed_from_the_output(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    first = build(src)
    assert (first.outdir / f"{EVENT_4}.html").exists()
    _delete_event(src)
    assert not (build(src).outdir / f"{EVENT_4}.html").exists()


def test_each_builder_keeps_its_own_pages_fresh(tmp_path: Path) -> None:
    """HTML, then text after an edit, then HTML again with one doctree folder (as ``sphinx-build -M`` shares
    it): the text build must not leave the HTML pages that show the edited title stale."""
    src = copy_root("basic", tmp_path / "src")
    build(src)
    _edit_title(src)
    text = build(src, "text")
    assert "Opening Security Talks" in (text.outdir / "chronology/people.txt").read_text(encoding="utf-8")
    html = build(src)
    assert "Opening Security Talks" in html.text("chronology/people")
    fresh = build(src, builddir=tmp_path / "fresh", fresh=True)
    assert html_files(html.outdir) == html_files(fresh.outdir)


VISIT = "chronology/2016/2016-09-01-visit"


def _add_visit(src: Path) -> None:
    """An event in no series, after the interim session in its year's toctree, naming the fourth round in
    ``related`` and the first in its text: linked to each of the three by one link alone (each way for the
    fourth round: it shows the events that name it)."""
    (src / f"{VISIT}.md").write_text(
        "---\nid: visit\ntitle: Border Visit\ndate: 2016-09-01\nkind: visit\nstatus: held\ntopics: [border]\n"
        "related:\n  - {event: talks-4, relation: see-also}\n---\n\n"
        "A visit after {event}`talks-1` {cite}`north-2014`.\n",
        encoding="utf-8",
    )


ONE_LINK: dict[str, tuple[Callable[[Path], None], str]] = {
    # name: (edit, the page that shows the edited data through that one link)
    "named-in-related": (
        lambda src: _replace(src / f"{VISIT}.md", "title: Border Visit", "title: Frontier Visit"),
        EVENT_4,
    ),
    "names-in-related": (
        lambda src: _replace(src / f"{EVENT_4}.md", "title: Fourth Security Talks", "title: Fourth Talks"),
        VISIT,
    ),
    "cross-referenced": (_edit_title, VISIT),
    "next-page-removed": (lambda src: (src / f"{VISIT}.md").unlink(), INTERIM),
    "previous-page": (
        lambda src: _replace(src / f"{INTERIM}.md", "title: Interim Security Talks", "title: Interim Talks"),
        VISIT,
    ),
}


@pytest.mark.parametrize("name", list(ONE_LINK))
def test_a_page_linked_to_the_edited_event_by_one_link_alone_is_rewritten(tmp_path: Path, name: str) -> None:
    """An edit fingerprints again only the pages that can show the edited document (``store.depends``):
    each kind of link, alone, must bring its page back."""
    edit, page = ONE_LINK[name]
    src = copy_root("basic", tmp_path / "src")
    _add_visit(src)
    assert build(src).warnings.strip() == ""
    edit(src)
    incremental = build(src)
    assert page in incremental.written
    fresh = build(src, builddir=tmp_path / "fresh", fresh=True)
    assert html_files(incremental.outdir) == html_files(fresh.outdir)


def _write_event(src: Path, docname: str, ident: str, title: str, date: str, series: str) -> None:
    (src / f"{docname}.md").write_text(
        f"---\nid: {ident}\ntitle: {title}\ndate: {date}\nkind: {'dialogue-round' if series else 'visit'}\n"
        f"status: held\n{series}---\n\n"
        "Held {cite}`north-2014`.\n",
        encoding="utf-8",
    )


def test_an_event_leaving_its_series_rewrites_the_round_that_followed_it(tmp_path: Path) -> None:
    """The keys a document gave before it was read again count as well as those it gives after: the round
    after an event that leaves its series (not next to it among the pages, naming nothing) must show its new
    previous round, though nothing read now points at it."""
    src = copy_root("basic", tmp_path / "src")
    late, last = "chronology/2016/2016-09-01-late", "chronology/2016/2016-11-01-last"
    _write_event(src, late, "late", "Late Security Talks", "2016-09-01", "series: talks\nround: 5\n")
    _write_event(src, "chronology/2016/2016-10-01-aside", "aside", "Aside Meeting", "2016-10-01", "")
    _write_event(src, last, "last", "Last Security Talks", "2016-11-01", "series: talks\nround: 6\n")
    assert build(src).warnings.strip() == ""
    _replace(
        src / f"{late}.md",
        "kind: dialogue-round\nstatus: held\nseries: talks\nround: 5\n",
        "kind: visit\nstatus: held\n",
    )
    incremental = build(src)
    assert last in incremental.written
    fresh = build(src, builddir=tmp_path / "fresh", fresh=True)
    assert html_files(incremental.outdir) == html_files(fresh.outdir)
