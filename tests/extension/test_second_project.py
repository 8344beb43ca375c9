"""A second chronology on another subject (EU–Russia summits), built from its own data and conf.py only:
its own kinds and statuses, names in Cyrillic, a series whose numbering starts at 30."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import Build, build, chronology_warnings, copy_root

SERIES = "summits/series/summits"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("second-project", tmp_path_factory.mktemp("second") / "src"), warningiserror=True)


def test_builds_with_warnings_as_errors(site: Build) -> None:
    assert site.warnings.strip() == ""


def test_its_own_kind_and_status_labels_show(site: Build) -> None:
    badges = [b.get_text() for b in site.html("summits/2014/index").select(".chron-badges .sd-badge")]
    assert badges[:2] == ["Summit", "Held"]
    header = site.text("summits/2014/2014-01-28-summit-32")
    assert "Type : Summit" in header


def test_series_numbered_from_30_has_no_phantom_gaps(site: Build) -> None:
    rows = [" ".join(li.get_text(" ").split()) for li in site.html(SERIES).select("ul.chron-rounds > li")]
    assert [row.split(":")[0] for row in rows] == ["Round 30", "Round 31", "Round 32"]
    assert not site.html(SERIES).select("li.chron-gap")


def test_native_names_in_any_language(site: Build) -> None:
    assert "Vladimir Putin (Владимир Путин)" in site.text("summits/people")


def test_figures_use_the_projects_kinds(site: Build) -> None:
    svg = site.html("index").select_one("svg.chron-timeline")
    assert svg is not None
    legend = " ".join(svg.get_text(" ").split())
    assert "Summit" in legend and "dialogue round" not in legend.lower()


def test_a_kind_outside_the_vocabulary_is_a_located_warning(tmp_path: Path) -> None:
    src = copy_root("second-project", tmp_path / "src")
    event = src / "summits/2014/2014-01-28-summit-32.md"
    event.write_text(event.read_text(encoding="utf-8").replace("kind: summit", "kind: sumit"), encoding="utf-8")
    warnings = chronology_warnings(build(src).warnings)
    assert any(
        "2014-01-28-summit-32.md:4:" in w and "'sumit' is not allowed. Did you mean 'summit'?" in w for w in warnings
    ), warnings


def test_a_bad_vocabulary_is_a_config_warning(tmp_path: Path) -> None:
    src = copy_root("second-project", tmp_path / "src")
    conf = src / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8") + '\nchronology_vocabulary["kinds"]["summit"]["size"] = "big"\n',
        encoding="utf-8",
    )
    warnings = chronology_warnings(build(src).warnings)
    assert any(
        "kinds.summit.size must be a whole number, not 'big'" in w and "[chronology.config]" in w for w in warnings
    )
