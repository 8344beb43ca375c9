"""What is found and read: a folder link that loops back, an event page outside the event folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import build, chronology_warnings, copy_root


def test_a_looping_folder_link_is_reported_and_left_out(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    plain = build(src, builddir=tmp_path / "plain")
    os.symlink("..", src / "chronology/2015/loop")
    looped = build(src, builddir=tmp_path / "looped")
    warnings = chronology_warnings(looped.warnings)
    assert any(
        "the folder link 'chronology/2015/loop' leads back to '..'" in w and "[chronology.link]" in w for w in warnings
    )
    assert looped.app.env.found_docs == plain.app.env.found_docs  # not 5,000 pages found through the loop


def test_an_event_outside_the_event_folders_is_reported(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    event = (src / "chronology/2014/2014-07-15-talks-1.md").read_text(encoding="utf-8")
    (src / "chronology/2014-07-15-stray.md").write_text(event, encoding="utf-8")
    (src / "chronology/2014/deeper").mkdir()
    (src / "chronology/2014/deeper/2014-07-16-deep.md").write_text(event, encoding="utf-8")
    warnings = chronology_warnings(build(src).warnings)
    for name in ("chronology/2014-07-15-stray.md", "chronology/2014/deeper/2014-07-16-deep.md"):
        assert any(
            f"{name}:1: WARNING: this page has an event's front matter but is not an event" in w for w in warnings
        ), warnings
    assert not [w for w in warnings if "[chronology.duplicate]" in w]  # neither is read as a second talks-1


def test_bytes_that_are_not_utf8_are_a_located_warning_not_a_crash(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    event = src / "chronology/2014/2014-07-15-talks-1.md"
    event.write_bytes(event.read_bytes() + b"\nA stray byte \xff here.\n")
    people = src / "chronology/registry/people.yaml"
    people.write_bytes(people.read_bytes().replace(b"Cy North", b"Cy N\xf6rth"))
    os.symlink("nowhere.yaml", src / "sources/records/dangling.yaml")
    result = build(src)
    warnings = chronology_warnings(result.warnings)
    lines = len(event.read_bytes().splitlines())
    assert any(f"2014-07-15-talks-1.md:{lines}: WARNING: byte 0xff is not UTF-8" in w for w in warnings), warnings
    assert any("people.yaml:" in w and "byte 0xf6 is not UTF-8" in w and "[chronology.encoding]" in w for w in warnings)
    assert any("dangling.yaml:1: WARNING: cannot read this file (it is a link to nothing)" in w for w in warnings)
    assert "A stray byte \ufffd here." in result.text("chronology/2014/2014-07-15-talks-1")  # the page is built


EVENT_2 = "chronology/2015/2015-08-talks-2"
MISTAKES = {
    "malformed YAML": ("status: held", 'status: "held'),
    "misspelt title": ("title: Second Security Talks", "titel: Second Security Talks"),
    "impossible date": ("date: 2015-08", "date: 2015-02-30"),
    "list as date": ("date: 2015-08", "date: [2015, 8]"),
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_an_event_with_a_mistake_stays_listed_and_linked(tmp_path: Path, mistake: str) -> None:
    """One bad value must not drop the event from its year page, nor turn every link to it into an
    'unknown event' warning that points away from the real problem."""
    src = copy_root("basic", tmp_path / "src")
    page = src / f"{EVENT_2}.md"
    old, new = MISTAKES[mistake]
    page.write_text(page.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = build(src)
    warnings = chronology_warnings(result.warnings)
    assert warnings and all("2015-08-talks-2.md" in w for w in warnings), warnings  # the faulty page alone
    card = next(c for c in result.html("chronology/2015/index").select(".chron-card") if "2015-08-talks-2" in str(c))
    assert "Incomplete entry" in card.get_text()
    assert "incomplete" in " ".join(result.html(EVENT_2).select_one("div.chron-header").get_text(" ").split())


EVENT_1 = "chronology/2014/2014-07-15-talks-1"


def _edit(src: Path, old: str, new: str) -> None:
    page = src / f"{EVENT_1}.md"
    page.write_text(page.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_raw_html_in_an_event_is_left_out_unless_the_project_allows_it(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    body = "The first round was held"
    _edit(src, body, "<script>alert('every reader')</script>\n\n" + body)
    result = build(src)
    warnings = chronology_warnings(result.warnings)
    assert any("2014-07-15-talks-1.md:20: WARNING: raw HTML in an event page is left out" in w for w in warnings)
    assert "alert(" not in (result.outdir / f"{EVENT_1}.html").read_text(encoding="utf-8")
    allowed = build(src, builddir=tmp_path / "allowed", confoverrides={"chronology_allow_raw_html": True})
    assert not chronology_warnings(allowed.warnings)
    assert "<script>alert(" in (allowed.outdir / f"{EVENT_1}.html").read_text(encoding="utf-8")


def test_small_slips_are_said_once_and_repaired(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    _edit(src, "topics: [border]", "topics: [border, border]\nrelated:\n  - {event: talks-1, relation: see-also}")
    _edit(src, "The first round was held", "Held {cite}`;`, then")
    (src / "chronology/2015/2016-01-05-misfiled.md").write_text(
        "---\ntitle: Misfiled\ndate: 2016-01-05\nkind: call\nstatus: held\n---\n\nA call {cite}`north-2014`.\n",
        encoding="utf-8",
    )
    result = build(src)
    warnings = chronology_warnings(result.warnings)
    expected = [
        ("2014-07-15-talks-1.md:17:", "topic 'border' is listed twice; remove one.", "duplicate"),
        ("2014-07-15-talks-1.md:19:", "an event cannot be related to itself", "value"),
        ("2014-07-15-talks-1.md:22:", "names no source key", "unknown-source"),
        ("2016-01-05-misfiled.md:3:", "a 2016 event in the folder '2015'", "filename"),
    ]
    for where, what, subtype in expected:
        assert any(where in w and what in w and f"[chronology.{subtype}]" in w for w in warnings), (what, warnings)
    header = " ".join(result.html(EVENT_1).select_one("div.chron-header").get_text(" ").split())
    assert header.count("Border security") == 1 and "See also" not in header
    assert "()" not in result.text(EVENT_1)


def test_an_event_in_a_year_without_a_year_page_is_reported(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    _edit(src, "date: 2014-07-15", "date: 2999-07-15")
    _edit(src, "end: 2014-07-16", "end: 2999-07-16")
    warnings = chronology_warnings(build(src).warnings)
    assert any("talks-1.md:3: WARNING: no year page lists 2999" in w and "[chronology.date]" in w for w in warnings)


def test_a_missing_registry_is_said_once_not_once_per_id(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    (src / "chronology/registry/people.yaml").unlink()
    warnings = chronology_warnings(build(src).warnings)
    missing = [
        w for w in warnings if "no people are defined (chronology/registry/people.yaml is missing or empty)" in w
    ]
    assert len(missing) == 1 and "[chronology.missing]" in missing[0]
    assert not [w for w in warnings if "[chronology.unknown-person]" in w]
