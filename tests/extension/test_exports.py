"""The exports in ``data/``: each read back with a real parser and checked against its schema; stable from
build to build; updated by an edit and left alone by a no-op build."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import bibtexparser
import icalendar
import jsonschema
import pytest

from helpers import Build, build, copy_root
from sphinx_chronology.reading.yamldata import load

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("basic", tmp_path_factory.mktemp("exports") / "src"))


def _data(result: Build, name: str) -> str:
    return (result.outdir / "data" / name).read_text(encoding="utf-8")


def test_chronology_json_holds_every_event_and_matches_its_schema(result: Build) -> None:
    data = json.loads(_data(result, "chronology.json"))
    jsonschema.Draft202012Validator(json.loads(_data(result, "chronology.schema.json"))).validate(data)
    events = {event["id"]: event for event in data["events"]}
    assert list(events) == ["talks-1", "talks-2", "talks-4", "interim"]  # in date order
    assert events["talks-2"]["date"] == "2015-08"  # the precision written, kept
    first = events["talks-1"]
    assert (first["date"], first["end"], first["url"]) == (
        "2014-07-15",
        "2014-07-16",
        "chronology/2014/2014-07-15-talks-1.html",
    )
    assert first["delegations"]["north"][0] == {
        "person": "ann-north",
        "name": "Ann North",
        "title": "Deputy Minister",
        "lead": True,
    }
    assert first["sources"] == ["north-2014"]
    assert events["talks-2"]["related"] == [{"event": "talks-1", "relation": "follow-up-of"}]
    assert data["people"]["bo-south"] == {"name": "Bo South", "side": "south", "names": {"zh": "南博"}}
    assert [s["id"] for s in data["sources"]] == ["north-2014", "south-2015"]


def test_sources_are_valid_csl_json_and_bibtex(result: Build) -> None:
    items = json.loads(_data(result, "sources.json"))
    # the official CSL data schema (citation-style-language/schema, MIT licence), kept in tests/data
    jsonschema.Draft7Validator(json.loads((DATA / "csl-data.json").read_text(encoding="utf-8"))).validate(items)
    assert items[0]["issued"] == {"date-parts": [[2014, 7, 16]]}
    assert items[0]["URL"] == "https://example.org/north/2014"
    library = bibtexparser.parse_string(_data(result, "sources.bib"))
    assert not library.failed_blocks
    entries = {entry.key: entry for entry in library.entries}
    assert set(entries) == {"north-2014", "south-2015"}
    north = entries["north-2014"]
    assert north["title"] == "{Northland and Southland hold security talks}"
    assert north["author"] == "{Northland Foreign Office}" and north["year"] == "2014"


def test_the_calendar_parses_and_is_honest_about_partial_dates(result: Build) -> None:
    calendar = icalendar.Calendar.from_ical(_data(result, "chronology.ics"))
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 4
    first = next(e for uid, e in events.items() if uid.startswith("talks-1@"))
    assert (str(first["DTSTART"].dt), str(first["DTEND"].dt)) == ("2014-07-15", "2014-07-17")  # end exclusive
    second = next(e for uid, e in events.items() if uid.startswith("talks-2@"))
    assert (str(second["DTSTART"].dt), str(second["DTEND"].dt)) == ("2015-08-01", "2015-09-01")
    assert "date known only to the month: August 2015" in str(second["SUMMARY"])
    raw = (result.outdir / "data/chronology.ics").read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n")  # CRLF line ends
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # long lines folded


def test_the_csv_has_one_row_per_event_with_the_delegations_flattened(result: Build) -> None:
    rows = list(csv.DictReader(io.StringIO(_data(result, "events.csv"), newline="")))
    assert [row["id"] for row in rows] == ["talks-1", "talks-2", "talks-4", "interim"]
    assert rows[0]["north_leads"] == "Ann North"
    assert rows[0]["north_delegation"] == "Ann North (Deputy Minister); Cy North (Adviser)"
    assert rows[0]["place"] == "Sunnylands, CA, Rancho Mirage, Northland"


def test_the_input_schemas_accept_the_project_files(result: Build) -> None:
    schemas = result.outdir / "data/schemas"
    src = Path(result.app.srcdir)
    source = jsonschema.Draft202012Validator(json.loads((schemas / "source.schema.json").read_text()))
    for record in (src / "sources/records").glob("*.yaml"):
        source.validate(load(record.read_text(encoding="utf-8")).data)
    people = jsonschema.Draft202012Validator(json.loads((schemas / "people.schema.json").read_text()))
    people.validate(load((src / "chronology/registry/people.yaml").read_text(encoding="utf-8")).data)
    event = jsonschema.Draft202012Validator(json.loads((schemas / "event.schema.json").read_text()))
    text = (src / "chronology/2014/2014-07-15-talks-1.md").read_text(encoding="utf-8")
    event.validate(load(text.split("---")[1]).data)
    assert not event.is_valid({"title": "T", "date": "2014", "kind": "meeting", "status": "held"})


def test_exports_are_stable_updated_by_an_edit_and_left_alone_by_a_no_op(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    one = build(src, builddir=tmp_path / "one", fresh=True)
    two = build(src, builddir=tmp_path / "two", fresh=True, parallel=2)
    files = sorted(p.relative_to(one.outdir) for p in (one.outdir / "data").rglob("*") if p.is_file())
    assert len(files) == 15
    for name in files:
        assert (one.outdir / name).read_bytes() == (two.outdir / name).read_bytes(), name
    stamps = {name: (one.outdir / name).stat().st_mtime_ns for name in files}
    build(src, builddir=tmp_path / "one")
    assert {name: (one.outdir / name).stat().st_mtime_ns for name in files} == stamps  # nothing rewritten
    page = src / "chronology/2015/2015-08-talks-2.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Second Security Talks", "Second Talks"), encoding="utf-8")
    build(src, builddir=tmp_path / "one")
    for name in ("chronology.json", "events.csv", "chronology.ics"):
        assert "Second Talks" in (one.outdir / "data" / name).read_text(encoding="utf-8"), name
    assert (one.outdir / "data/sources.bib").stat().st_mtime_ns == stamps[Path("data/sources.bib")]


def test_a_no_op_build_does_not_make_the_files_again_but_restores_a_missing_one(tmp_path: Path) -> None:
    """The files are made again only when a document, a data file or a setting they show changed: a no-op
    build skips the work (a third of a no-op build at 1,000 events), yet a deleted file comes back and an edited
    source record is exported."""
    from sphinx_chronology import exports

    src = copy_root("basic", tmp_path / "src")
    first = build(src)
    made: list[int] = []
    original = exports.site_files

    def counted(app: object) -> dict[str, str]:
        made.append(1)
        return original(app)  # type: ignore[arg-type]

    exports.site_files = counted  # type: ignore[assignment]
    try:
        build(src)
        assert made == []
        (first.outdir / "data/events.csv").unlink()
        build(src)
        assert made == [1] and (first.outdir / "data/events.csv").is_file()
        record = src / "sources/records/south-2015.yaml"
        record.write_text(record.read_text(encoding="utf-8").replace("Southland Daily", "Southland Times"), "utf-8")
        build(src)
        assert made == [1, 1]
        assert "Southland Times" in (first.outdir / "data/sources.json").read_text(encoding="utf-8")
        build(src, confoverrides={"release": "9.9"})
        assert made == [1, 1, 1] and '"9.9"' in (first.outdir / "data/chronology.json").read_text(encoding="utf-8")
    finally:
        exports.site_files = original  # type: ignore[assignment]


def test_the_downloads_view_links_every_file_from_any_page(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    view = "---\norphan: true\n---\n# Data\n\n```{chronology-downloads}\n```\n"
    (src / "data.md").write_text(view, encoding="utf-8")
    (src / "chronology/2014/data.md").write_text(view, encoding="utf-8")
    result = build(src)
    for page in ("data", "chronology/2014/data"):
        links = [a["href"] for a in result.html(page).select(".chron-downloads a")]
        assert len(links) == 11
        for href in links:
            assert (result.outdir / Path(page).parent / href).is_file(), (page, href)
    latex = build(src, "latex", builddir=tmp_path / "latex")
    tex = next(Path(latex.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "data/chronology.json" in tex


def test_a_link_made_before_a_date_refinement_still_reaches_the_event(tmp_path: Path) -> None:
    """Making a date more precise renames the file, so the page's address changes: the id's page and the
    page at the recorded old address still lead to it."""
    src = copy_root("basic", tmp_path / "src")
    first = build(src)
    old = "chronology/2015/2015-08-talks-2.html"
    assert (first.outdir / old).is_file()
    page = src / "chronology/2015/2015-08-talks-2.md"
    text = page.read_text(encoding="utf-8").replace("date: 2015-08", "date: 2015-08-04")
    text = text.replace("title:", "redirect_from: [chronology/2015/2015-08-talks-2]\ntitle:", 1)
    page.unlink()
    (src / "chronology/2015/2015-08-04-talks-2.md").write_text(text, encoding="utf-8")
    second = build(src)
    assert second.warnings.strip() == ""
    new = "chronology/2015/2015-08-04-talks-2.html"
    for address in (old, "id/talks-2.html"):
        redirect = second.html(address.removesuffix(".html"))
        href = redirect.select_one("link[rel=canonical]")["href"]
        assert (second.outdir / Path(address).parent / href).resolve() == (second.outdir / new).resolve()
        assert redirect.select_one("meta[http-equiv=refresh]")["content"] == f"0; url={href}"


def test_a_redirect_cannot_replace_a_page_or_leave_the_site(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    page = src / "chronology/2015/2015-08-talks-2.md"
    addresses = "redirect_from: [chronology/2014/2014-07-15-talks-1, sub/../../../outside]\ntitle:"
    page.write_text(page.read_text(encoding="utf-8").replace("title:", addresses, 1), encoding="utf-8")
    result = build(src)
    assert (
        "WARNING: redirect_from: 'chronology/2014/2014-07-15-talks-1' is not a free earlier address" in result.warnings
    )
    assert "sub/../../../outside" in result.warnings and "[chronology.value]" in result.warnings
    assert "First Security Talks" in result.text("chronology/2014/2014-07-15-talks-1")  # the page is intact
    assert not (tmp_path / "outside.html").exists() and not (src / "outside.html").exists()


def test_with_a_base_address_the_site_has_a_sitemap_and_canonical_links(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    src = copy_root("basic", tmp_path / "src")
    result = build(src, confoverrides={"html_baseurl": "https://example.org/chronology/"})
    tree = ET.parse(result.outdir / "sitemap.xml")
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [loc.text for loc in tree.iter(f"{namespace}loc")]
    assert "https://example.org/chronology/chronology/2014/2014-07-15-talks-1.html" in locations
    assert len(locations) == len(result.app.env.found_docs)
    canonical = result.html("chronology/2014/2014-07-15-talks-1").select_one("link[rel=canonical]")["href"]
    assert canonical == "https://example.org/chronology/chronology/2014/2014-07-15-talks-1.html"
    data = json.loads(_data(result, "chronology.json"))
    assert data["events"][0]["url"] == canonical  # the exports carry full addresses
    assert not (build(copy_root("basic", tmp_path / "plain")).outdir / "sitemap.xml").exists()


# TimelineJS's JSON format, as its documentation describes it (timeline.knightlab.com/docs/json-format.html)
TIMELINEJS_DATE = {
    "type": "object",
    "properties": {k: {"type": "string", "pattern": "^[0-9]+$"} for k in ("year", "month", "day")},
    "required": ["year"],
    "additionalProperties": False,
}
TIMELINEJS_TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "additionalProperties": False,
}
TIMELINEJS = {
    "type": "object",
    "properties": {
        "title": {"type": "object", "properties": {"text": TIMELINEJS_TEXT}},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "start_date": TIMELINEJS_DATE,
                    "end_date": TIMELINEJS_DATE,
                    "text": TIMELINEJS_TEXT,
                    "group": {"type": "string"},
                    "display_date": {"type": "string"},
                    "unique_id": {"type": "string"},
                },
                "required": ["start_date"],
                "additionalProperties": False,
            },
        },
        "eras": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"start_date": TIMELINEJS_DATE, "end_date": TIMELINEJS_DATE, "text": TIMELINEJS_TEXT},
                "required": ["start_date", "end_date"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["events"],
}


def test_the_timeline_has_timelinejs_shape_with_series_as_groups(result: Build) -> None:
    timeline = json.loads(_data(result, "timeline.json"))
    jsonschema.Draft202012Validator(TIMELINEJS).validate(timeline)
    slides = {slide["unique_id"]: slide for slide in timeline["events"]}
    assert slides["talks-2"]["start_date"] == {"year": "2015", "month": "8"}  # no day: the month is what is known
    assert slides["talks-2"]["group"] == "North–South Security Talks"
    assert slides["talks-1"]["display_date"] == "July 15–16, 2014"


def test_the_citation_file_names_the_edition_conf_py_builds() -> None:
    import yaml

    from helpers import REPO

    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    conf: dict[str, object] = {}
    exec((REPO / "conf.py").read_text(encoding="utf-8"), conf)
    assert cff["version"] == conf["release"] and cff["cff-version"] == "1.2.0" and cff["license"] == "CC-BY-4.0"


def test_event_pages_describe_themselves_in_json_ld_and_opengraph(tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    src = copy_root("basic", tmp_path / "src")
    page = src / "chronology/2015/2015-08-talks-2.md"
    hostile = 'title: "Talks </script><script>alert(1)</script> & more"'
    page.write_text(page.read_text(encoding="utf-8").replace("title: Second Security Talks", hostile), encoding="utf-8")
    result = build(src, confoverrides={"html_baseurl": "https://example.org/"})
    first = result.html("chronology/2014/2014-07-15-talks-1")
    event = json.loads(first.select_one('script[type="application/ld+json"]').get_text())
    assert event["@type"] == "Event" and event["name"] == "First Security Talks"
    assert (event["startDate"], event["endDate"]) == ("2014-07-15", "2014-07-16")
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["address"]["addressLocality"] == "Rancho Mirage"
    assert {"@type": "Person", "name": "Ann North", "jobTitle": "Deputy Minister",
            "affiliation": {"@type": "Organization", "name": "Northland"}} in event["attendee"]  # fmt: skip
    assert event["url"] == "https://example.org/chronology/2014/2014-07-15-talks-1.html"
    assert first.select_one('meta[property="og:title"]')["content"] == "First Security Talks"
    assert "July 15–16, 2014" in first.select_one('meta[name="description"]')["content"]
    raw = (result.outdir / "chronology/2015/2015-08-talks-2.html").read_text(encoding="utf-8")
    second = BeautifulSoup(raw, "lxml")
    assert [s.get("type") for s in second.select("head script") if not s.get("src")] == ["application/ld+json"]
    assert json.loads(second.select_one('script[type="application/ld+json"]').get_text())["startDate"] == "2015-08"
    assert "<script>alert" not in raw  # the title closes no element, in the JSON-LD or anywhere


def test_the_feed_is_atom_with_ids_that_survive_a_rename_and_dates_that_move_with_content(tmp_path: Path) -> None:
    import os

    import feedparser

    src = copy_root("basic", tmp_path / "src")
    page = src / "chronology/2015/2015-08-talks-2.md"
    for number, path in enumerate(sorted((src / "chronology").glob("[0-9]*/*.md"))):
        os.utime(path, (1_700_000_000 + number, 1_700_000_000 + number))  # a copy outside git: file times
    first = feedparser.parse((build(src).outdir / "data/feed.atom").read_bytes())
    assert not first.bozo, first.bozo_exception
    assert first.feed.title.endswith("events added or changed")
    entries = {entry.title: entry for entry in first.entries}
    assert len(entries) == 4
    ordered = [entry.updated for entry in first.entries]
    assert ordered == sorted(ordered, reverse=True)  # newest first
    talks_2 = entries["Second Security Talks"]
    assert talks_2.link.endswith("chronology/2015/2015-08-talks-2.html")
    again = feedparser.parse((build(src).outdir / "data/feed.atom").read_bytes())
    assert [(e.id, e.updated) for e in again.entries] == [(e.id, e.updated) for e in first.entries]  # no-op: same
    page.rename(src / "chronology/2015/2015-08-04-talks-2.md")
    renamed = src / "chronology/2015/2015-08-04-talks-2.md"
    renamed.write_text(renamed.read_text(encoding="utf-8").replace("2015-08\n", "2015-08-04\n"), encoding="utf-8")
    os.utime(renamed, (1_800_000_000, 1_800_000_000))
    later = feedparser.parse((build(src).outdir / "data/feed.atom").read_bytes())
    assert later.entries[0].id == talks_2.id  # the same entry, now the newest
    assert later.entries[0].updated > talks_2.updated
    assert later.entries[0].link.endswith("chronology/2015/2015-08-04-talks-2.html")
    unchanged = {e.id: e.updated for e in later.entries[1:]}
    assert unchanged == {e.id: e.updated for e in first.entries if e.id != talks_2.id}


def test_in_a_git_checkout_the_feed_dates_are_the_last_commits(tmp_path: Path) -> None:
    import os
    import subprocess

    import feedparser

    src = copy_root("basic", tmp_path / "src")
    env = {**os.environ, "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "a",
           "GIT_COMMITTER_EMAIL": "a@example.org"}  # fmt: skip

    def commit(when: str) -> None:
        subprocess.run(["git", "add", "-A"], cwd=src, check=True, env=env)
        dated = {**env, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when}
        subprocess.run(["git", "commit", "-qm", "x"], cwd=src, check=True, env=dated)

    subprocess.run(["git", "init", "-q"], cwd=src, check=True)
    commit("2020-01-02T03:04:05Z")
    page = src / "chronology/2016/2016-03-talks-4.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    commit("2021-06-07T08:09:10Z")
    feed = feedparser.parse((build(src).outdir / "data/feed.atom").read_bytes())
    dates = {entry.link.rsplit("/", 1)[-1]: entry.updated for entry in feed.entries}
    assert dates["2016-03-talks-4.html"] == "2021-06-07T08:09:10Z"
    assert dates["2014-07-15-talks-1.html"] == "2020-01-02T03:04:05Z"


def test_each_event_page_says_how_to_cite_it(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    page = src / "chronology/2015/2015-08-talks-2.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("Second Security Talks", "Talks 100% & {more}"), encoding="utf-8"
    )
    overrides = {
        "html_baseurl": "https://example.org/",
        "release": "3.1",
        "copyright": "2025, Someone",
        "author": "Ann Editor",
    }
    result = build(src, confoverrides=overrides)
    html = result.html("chronology/2015/2015-08-talks-2")
    text = " ".join(html.select_one(".chron-cite-entry").get_text().split())
    assert text == (
        "Ann Editor. 2025. “Talks 100% & {more}.” In Project name not set, edition 3.1. "
        "https://example.org/id/talks-2.html."
    )
    bibtex, csl = (block.get_text() for block in html.select(".chron-cite-formats pre"))
    assert not html.select(".chron-cite-formats .highlight")  # plain text to copy, no highlighter run
    (entry,) = bibtexparser.parse_string(bibtex).entries
    assert entry["title"] == r"{Talks 100\% \& \{more\}}" and entry["url"] == "https://example.org/id/talks-2.html"
    schema = json.loads((DATA / "csl-data.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate([json.loads(csl)])
    latex = build(src, "latex", builddir=tmp_path / "latex", confoverrides=overrides)
    tex = next(Path(latex.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "Cite this entry" in tex and "@incollection" not in tex  # the reference alone in the book
