"""The authors' command line, run as an author runs it (the installed ``sphinx-chronology`` command)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from helpers import build, copy_root

COMMAND = [sys.executable, "-m", "sphinx_chronology.cli"]


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, "--project", str(project), *args], capture_output=True, text=True, timeout=120)


def _strip(text: str, root: Path) -> set[str]:
    return {line.replace(f"{root}/", "") for line in text.splitlines() if "[chronology." in line}


def test_check_says_what_the_build_says_without_a_build(tmp_path: Path) -> None:
    src = copy_root("warnings", tmp_path / "src")
    checked = run(src, "check")
    assert checked.returncode == 1
    said = _strip(checked.stdout, src)
    built = _strip(build(src, "dummy").warnings, src)
    assert len(said) >= 25 and said <= built  # the same messages, files, lines and subtypes
    # what only a Sphinx parse sees: view directives, disputes and their accounts
    assert all("[chronology.view]" in w or "dispute" in w for w in built - said), built - said
    as_json = json.loads(run(src, "check", "--format", "json").stdout)
    assert {(p["file"], p["line"], p["subtype"]) for p in as_json} == {
        (m[1], int(m[2]), m[3])
        for m in (re.match(r"([^:]+):(\d+): WARNING: .* \[chronology\.(.+)\]", w) for w in said)
        if m
    }


def test_check_passes_a_sound_project_quickly(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    checked = run(src, "check")
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout
    assert "4 events checked" in checked.stderr


def test_new_refuses_what_would_be_wrong_and_numbers_the_next_round(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    for args, problem in [
        (("2019-13-45", "x", "--title", "T", "--kind", "visit"), "no month 13"),
        (("2019-05-01", "talks-1", "--title", "T", "--kind", "visit"), "already used by"),
        (("2019-05-01", "x y", "--title", "T", "--kind", "visit"), "not a valid id"),
        (("2019-05-01", "x", "--title", "T", "--kind", "meeting"), "unknown kind 'meeting'"),
        (("2019-05-01", "x", "--title", "T", "--kind", "visit", "--series", "talk"), "unknown series 'talk'"),
    ]:
        refused = run(src, "new", *args)
        assert refused.returncode == 2 and problem in refused.stderr, (args, refused.stderr)
    made = run(
        src, "new", "2016-09-01", "talks-5", "--title", "Fifth talks", "--kind", "dialogue-round", "--series", "talks"
    )
    assert made.returncode == 0, made.stderr
    page = src / "chronology/2016/2016-09-01-talks-5.md"
    assert "round: 5\n" in page.read_text(encoding="utf-8")  # after round 4
    year = run(src, "new", "2019-05", "visit-2019", "--title", "A visit", "--kind", "visit")
    assert year.returncode == 0 and "chronology/2019/index.md" in year.stdout  # a new year gets its page
    assert "chronology-year" in (src / "chronology/2019/index.md").read_text(encoding="utf-8")
    (src / "chronology/2019/2019-05-visit-2019.md").unlink()
    checked = run(src, "check")
    assert checked.returncode == 1  # it builds with a warning until its text cites a source
    assert _strip(checked.stdout, src) == {
        "chronology/2016/2016-09-01-talks-5.md:2: WARNING: event 'talks-5' cites no source; end each statement "
        "with {cite}`source-key`. [chronology.unsourced]"
    }


def test_export_writes_the_build_s_data_files_without_a_build(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    exported = run(src, "export", "--out", str(tmp_path / "data"))
    assert exported.returncode == 0, exported.stderr
    built = build(src).outdir / "data"
    names = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
    assert names == sorted(
        p.relative_to(tmp_path / "data").as_posix() for p in (tmp_path / "data").rglob("*") if p.is_file()
    )
    for name in names:
        assert (tmp_path / "data" / name).read_bytes() == (built / name).read_bytes(), name


ZOTERO_ITEM = {
    "id": "http://zotero.org/users/1/items/ABCD1234",
    "citation-key": "xinhua-2015-talks",
    "type": "article-newspaper",
    "title": "China, U.S. hold talks",
    "container-title": "Xinhua",
    "shortTitle": "Talks",
    "source": "Xinhua",
    "archive": "Internet Archive",
    "author": [{"family": "Li", "given": "Hua"}],
    "issued": {"date-parts": [[2015, 8, 4]]},
    "accessed": {"date-parts": [["2026", "11", "2"]]},
    "URL": "https://example.org/xinhua/talks",
    "zotero-only": "no CSL variable",
}


def test_import_takes_zotero_csl_json_and_the_records_build(tmp_path: Path) -> None:
    import yaml

    src = copy_root("basic", tmp_path / "src")
    file = tmp_path / "zotero.json"
    file.write_text(json.dumps([ZOTERO_ITEM]), encoding="utf-8")
    imported = run(src, "import", str(file))
    assert imported.returncode == 0, imported.stderr
    assert "left out what no CSL variable holds: zotero-only" in imported.stderr
    record = yaml.safe_load((src / "sources/records/xinhua-2015-talks.yaml").read_text(encoding="utf-8"))
    assert record["issued"] == "2015-08-04" and record["accessed"] == "2026-11-02"
    assert record["title-short"] == "Talks" and record["archive"] == "Internet Archive" and "zotero-only" not in record
    page = src / "chronology/2015/2015-08-talks-2.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nReported {cite}`xinhua-2015-talks`.\n", encoding="utf-8")
    assert run(src, "check").returncode == 0
    assert build(src).warnings.strip() == ""
    changed = {**ZOTERO_ITEM, "title": "Another title"}
    file.write_text(json.dumps([changed]), encoding="utf-8")
    refused = run(src, "import", str(file))
    assert refused.returncode == 1 and "exists and differs; not overwritten" in refused.stderr


def test_the_project_s_own_sources_round_trip_through_csl_json_and_bibtex(tmp_path: Path) -> None:
    import yaml

    src = copy_root("chronology", tmp_path / "src")
    exported = run(src, "export", "--out", str(tmp_path / "data"))
    assert exported.returncode == 0, exported.stderr
    records = src / "sources/records"
    before = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in records.glob("*.yaml")}
    for name in ("sources.json", "sources.bib"):
        for path in records.glob("*.yaml"):
            path.unlink()
        imported = run(src, "import", str(tmp_path / "data" / name))
        assert imported.returncode == 0 and imported.stderr == "", imported.stderr
        after = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in records.glob("*.yaml")}
        assert after.keys() == before.keys()
        for key, record in before.items():
            assert _plain(after[key]) == _plain(record), (name, key)


BETTER_BIBTEX = r"""% exported by Better BibTeX for Zotero
@online{xinhua2015talks,
  title = {{China}, {U.S.} Hold Talks on {Counter-Terrorism} in {Beijing}},
  author = {{Xinhua News Agency} and Dupr{\'e}, Ana and Brown, Jr., Charles Q.},
  date = {2015-08-04},
  urldate = {2026-11-02},
  url = {https://example.org/xinhua/talks_2015%20},
  langid = {english},
  shorttitle = {Talks},
  file = {/home/someone/Zotero/storage/talks.pdf}
}

@article{ap2015talks,
  title = {Talks held: 50\% more -- and ``frank''},
  journal = {Associated Press},
  year = 2015, month = aug,
  entrysubtype = {newspaper}
}

@article{broken, title = {no closing brace}
"""


def test_import_takes_better_bibtex_and_says_what_it_left_out(tmp_path: Path) -> None:
    import yaml

    src = copy_root("basic", tmp_path / "src")
    file = tmp_path / "library.bib"
    file.write_text(BETTER_BIBTEX, encoding="utf-8")
    imported = run(src, "import", str(file))
    assert imported.returncode == 0, imported.stderr
    assert "xinhua2015talks: left out what no CSL variable holds: file" in imported.stderr
    assert "not a BibTeX entry; skipped" in imported.stderr
    records = src / "sources/records"
    web = yaml.safe_load((records / "xinhua2015talks.yaml").read_text(encoding="utf-8"))
    assert web["type"] == "webpage" and web["title"] == "China, U.S. Hold Talks on Counter-Terrorism in Beijing"
    assert web["author"] == [
        {"literal": "Xinhua News Agency"},
        {"family": "Dupré", "given": "Ana"},
        {"family": "Brown", "given": "Charles Q.", "suffix": "Jr."},
    ]
    assert (web["issued"], web["accessed"], web["title-short"]) == ("2015-08-04", "2026-11-02", "Talks")
    assert web["URL"] == "https://example.org/xinhua/talks_2015%20" and web["language"] == "english"
    news = yaml.safe_load((records / "ap2015talks.yaml").read_text(encoding="utf-8"))
    assert news["type"] == "article-newspaper" and news["container-title"] == "Associated Press"
    assert news["title"] == "Talks held: 50% more \u2013 and \u201cfrank\u201d" and news["issued"] == "2015-08"
    page = src / "chronology/2015/2015-08-talks-2.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nReported {cite}`xinhua2015talks`, {cite}`ap2015talks`.\n")
    assert run(src, "check").returncode == 0
    assert build(src).warnings.strip() == ""


def _plain(value: object) -> object:
    """YAML's dates as the strings the records mean (PyYAML reads an unquoted 2015-08-04 as a date)."""
    import datetime

    if isinstance(value, dict):  # a year may be written as a number: 2024
        return {
            k: str(v) if k in ("issued", "accessed") and isinstance(v, int) else _plain(v) for k, v in value.items()
        }
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.isoformat() if isinstance(value, datetime.date) else value
