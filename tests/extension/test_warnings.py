"""Every author mistake is a located, typed warning with a fix hint; none stops the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import Build, build, chronology_warnings, copy_root

EXPECTED = [
    # (file, line, subtype, fragment of the message)
    ("chronology/2020/2020-01-01-no-date.md", 2, "date", "has no 'date'; add `date:`"),
    ("chronology/2020/2020-02-30-impossible.md", 3, "date", "'2020-02-30' is not a day of the calendar"),
    ("chronology/2020/2020-03-10-ends-early.md", 4, "date", "end 2020-03-01 is before date 2020-03-10"),
    ("chronology/2020/2020-04-01-bad-series.md", 6, "unknown-series", "unknown series 'talk'. Did you mean 'talks'?"),
    ("chronology/2020/2020-04-02-bad-person.md", 8, "unknown-person", "Did you mean 'ann-north'?"),
    ("chronology/2020/2020-04-03-bad-topic.md", 6, "unknown-topic", "unknown topic 'crimes'. Did you mean 'crime'?"),
    ("chronology/2020/2020-04-04-bad-related.md", 7, "unknown-event", "unknown related event 'talks-2'"),
    ("chronology/2020/2020-05-02-twin-b.md", 2, "duplicate", "event id 'twin' is already used by"),
    ("chronology/2020/2020-06-01-round-clash.md", 7, "round", "round 1 of series 'talks' is also claimed by 'talks-1'"),
    ("chronology/2020/2020-06-01-same-day.md", 3, "duplicate", "has the same series and date as 'round-clash'"),
    (
        "chronology/2020/2020-07-01-typo-field.md",
        6,
        "field",
        "unknown field 'palce' in front matter. Did you mean 'place'?",
    ),
    ("chronology/2020/2020-07-02-wrong-type.md", 6, "value", "topics should be a list, not str 'border'"),
    ("chronology/2020/2020-07-03-bad-status.md", 5, "value", "'helds' is not allowed. Did you mean 'held'?"),
    (
        "chronology/2020/2020-07-03-bad-status.md",
        6,
        "value",
        "uncertain: 'dates' is not a front-matter field. Did you mean 'date'?",
    ),
    ("chronology/2020/2020-08-01-malformed.md", 2, "yaml", "the quotation mark opened on this line is never closed"),
    ("chronology/2020/2020-09-01-bad-cite.md", 8, "unknown-source", "unknown source key 'north-2041'"),
    ("chronology/2020/2020-09-01-bad-cite.md", 10, "unknown-event", "unknown event 'talks-l' in a {event} role"),
    ("chronology/2020/2020-09-01-bad-cite.md", 10, "unknown-person", "Did you mean 'bo-south'?"),
    ("chronology/2020/2020-09-01-bad-cite.md", 14, "value", "dispute 'A point with one side' has 1 account(s)"),
    (
        "chronology/2020/2020-09-01-bad-cite.md",
        20,
        "view",
        "account 'a stray account' stands outside a {chronology-dispute}",
    ),
    ("chronology/2020/2020-12-01-leads.md", 7, "value", "3 officials marked `lead` on side 'north'"),
    ("chronology/2020/2020-12-01-leads.md", 11, "missing", "no official marked `lead` on side 'south'"),
    ("chronology/2020/2020-11-01-misnamed.md", 3, "filename", "rename it to '2020-10-01-misnamed.md'"),
    ("chronology/registry/people.yaml", 2, "field", "unknown field 'nmae_zh' in bo-south. Did you mean 'name_zh'?"),
    ("chronology/registry/people.yaml", 3, "unknown-side", "person 'cy-north' has unknown side 'west'"),
    ("sources/records/bad-url.yaml", 3, "value", "URL 'javascript:alert(1)' is not an http(s) address"),
    ("sources/records/bad-url.yaml", 4, "date", "'2020-13' has no month 13"),
    ("sources/records/dupe.yaml", 1, "value", "source id 'north-2014' differs from its file name 'dupe'"),
    (
        "sources/records/dupe.yaml",
        1,
        "duplicate",
        "source key 'north-2014' is already used by sources/records/north-2014",
    ),
    (
        "sources/records/thin-news.yaml",
        3,
        "missing",
        "has no 'container-title'; a news article record needs the outlet",
    ),
    ("sources/records/south-2015.yaml", 1, "uncited", "source 'south-2015' is cited by no page"),
    ("chronology/views.md", 6, "view", "unknown series 'talk'. Did you mean 'talks'?"),
    ("chronology/views.md", 9, "view", "unknown series 'talk'. Did you mean 'talks'?"),
    ("chronology/views.md", 9, "view", "unknown kind 'dialog-round'. Did you mean 'dialogue-round'?"),
    ("chronology/views.md", 9, "view", "unknown topic 'bordr'. Did you mean 'border'?"),
    ("chronology/views.md", 9, "view", "unknown person 'ann-nort'. Did you mean 'ann-north'?"),
    ("chronology/views.md", 9, "view", "the figure's :to: 2010 is before its :from: 2020; swap them."),
]


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("warnings", tmp_path_factory.mktemp("warnings") / "src"))


@pytest.mark.parametrize(
    ("path", "line", "subtype", "fragment"), EXPECTED, ids=[f"{e[2]}:{Path(e[0]).stem}" for e in EXPECTED]
)
def test_each_mistake_is_a_located_typed_warning(
    result: Build, path: str, line: int, subtype: str, fragment: str
) -> None:
    matches = [
        w
        for w in chronology_warnings(result.warnings)
        if f"{path}:{line}: WARNING:" in w and w.endswith(f"[chronology.{subtype}]") and fragment in w
    ]
    assert matches, f"no {subtype} warning at {path}:{line} containing {fragment!r}:\n{result.warnings}"


def test_no_other_chronology_warnings_and_no_traceback(result: Build) -> None:
    assert len(chronology_warnings(result.warnings)) == len(EXPECTED), result.warnings
    assert "Traceback" not in result.warnings


def test_events_with_fixable_mistakes_are_still_listed(result: Build) -> None:
    """Data is never silently dropped: an event with an unknown person still appears, with the raw id."""
    year = result.text("chronology/2020/index")
    for title in ("Bad person", "Bad topic", "Bad series", "Round clash", "Typo field", "Twin one", "Twin two"):
        assert title in year
    assert "ann-nort" in result.text("chronology/2020/2020-04-02-bad-person")


def test_events_must_cite_a_source_unless_configured_otherwise(tmp_path: Path) -> None:
    src = copy_root("warnings", tmp_path / "src")
    conf = src / "conf.py"
    conf.write_text(conf.read_text().replace("chronology_require_sources = False", ""))
    unsourced = [w for w in chronology_warnings(build(src).warnings) if w.endswith("[chronology.unsourced]")]
    assert any("2020-04-03-bad-topic.md:2: WARNING: event 'bad-topic' cites no source" in w for w in unsourced)
    assert not [w for w in unsourced if "bad-cite" in w]  # that one cites (unknown) sources


def test_a_non_web_url_makes_no_link(result: Build) -> None:
    page = result.html("sources/index")
    assert page.select_one("#source-bad-url") is not None
    assert not [a for a in page.select("a") if "javascript" in a.get("href", "")]


def test_warnings_can_be_silenced_by_subtype(tmp_path: Path) -> None:
    src = copy_root("warnings", tmp_path / "src")
    conf = src / "conf.py"
    conf.write_text(conf.read_text() + "\nsuppress_warnings = ['chronology.unknown-person']\n")
    warnings = chronology_warnings(build(src).warnings)
    assert not [w for w in warnings if "unknown-person" in w]
    assert [w for w in warnings if "unknown-topic" in w]


def _data_file_warnings(warnings: str) -> list[str]:
    return [w for w in chronology_warnings(warnings) if ".yaml:" in w and "[chronology.uncited]" not in w]


def test_data_files_are_loaded_again_only_when_they_change_and_warn_on_every_build(tmp_path: Path) -> None:
    """The registries and source records are reused from the last build while their contents are unchanged;
    the warnings their loading gave are given again, so a rebuild reports the same problems as a fresh one."""
    src = copy_root("warnings", tmp_path / "src")
    first = build(src)
    expected = [e for e in EXPECTED if e[0].endswith(".yaml") and e[2] != "uncited"]
    assert len(_data_file_warnings(first.warnings)) == len(expected)

    again = build(src)
    assert not again.written
    assert again.app.env.domains["chron"].inputs_changed is False  # nothing was loaded or read
    assert _data_file_warnings(again.warnings) == _data_file_warnings(first.warnings)

    people = src / "chronology/registry/people.yaml"
    people.write_text(people.read_text().replace("nmae_zh: x", "name_zh: x"), encoding="utf-8")
    fixed = build(src)
    assert fixed.app.env.domains["chron"].inputs_changed is True
    assert len(_data_file_warnings(fixed.warnings)) == len(expected) - 1
    assert not [w for w in chronology_warnings(fixed.warnings) if "nmae_zh" in w]
    assert len(_data_file_warnings(build(src).warnings)) == len(expected) - 1


def test_messages_name_the_configured_data_folders(tmp_path: Path) -> None:
    src = copy_root("warnings", tmp_path / "src")
    (src / "chronology/registry").rename(src / "registry")
    (src / "sources/records").rename(src / "records")
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\nchronology_registry_dir = "registry"\nchronology_sources_dir = "records"\n')
    warnings = chronology_warnings(build(src).warnings)
    assert len(warnings) == len(EXPECTED), "\n".join(warnings)
    assert any("Use an id defined in registry/series.yaml" in w for w in warnings)
    assert any("Add records/north-2041.yaml or correct the key" in w for w in warnings)
    assert not [w for w in warnings if "chronology/registry" in w or "sources/records" in w]


def test_a_rebuild_gives_the_same_warnings_as_a_fresh_build(tmp_path: Path) -> None:
    """Warnings given while a document is read are kept with it and given again by a build that does not
    read it again, so -W answers the same on a fresh and on an incremental build of the same sources."""
    src = copy_root("warnings", tmp_path / "src")
    first = sorted(chronology_warnings(build(src).warnings))
    assert len(first) == len(EXPECTED)
    again = build(src)
    assert again.written == set()
    assert sorted(chronology_warnings(again.warnings)) == first
    misnamed = src / "chronology/2020/2020-11-01-misnamed.md"
    misnamed.write_text(misnamed.read_text(encoding="utf-8").replace("date: 2020-10-01", "date: 2020-11-01"))
    fixed = sorted(chronology_warnings(build(src).warnings))
    assert len(fixed) == len(first) - 1 and not [w for w in fixed if "[chronology.filename]" in w]
    assert sorted(chronology_warnings(build(src).warnings)) == fixed


def test_a_parallel_read_keeps_each_documents_warnings(tmp_path: Path) -> None:
    src = copy_root("warnings", tmp_path / "src")
    first = sorted(chronology_warnings(build(src, parallel=2).warnings))
    assert sorted(chronology_warnings(build(src, parallel=2).warnings)) == first
