"""What is found and read: a folder link that loops back, an event page outside the event folders."""

from __future__ import annotations

import os
from pathlib import Path

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
