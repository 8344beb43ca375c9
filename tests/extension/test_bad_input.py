"""The bad-input corpus: one author mistake per case, each built fresh from the basic project.

Each case must give exactly the located, typed warnings listed (file, line, subtype), no traceback, every
event still listed on its year page, and every other event's page unchanged. A case per failure found when the
chronology was attacked with bad input, and at least one per warning subtype (the last test checks that).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest

from helpers import Build, build, copy_root
from sphinx_chronology.warnings import Subtype

EVENT_1 = "chronology/2014/2014-07-15-talks-1.md"
EVENT_2 = "chronology/2015/2015-08-talks-2.md"
EVENTS = [EVENT_1, EVENT_2, "chronology/2016/2016-03-talks-4.md", "chronology/2016/2016-05-01-interim.md"]
WARNING = re.compile(r"^(?P<file>\S.*?):(?P<line>\d+): WARNING: .+ \[chronology\.(?P<subtype>[a-z-]+)\]$")

Mutation = Callable[[Path], object]


def edit(path: str, old: str, new: str) -> Mutation:
    def apply(src: Path) -> None:
        page = src / path
        text = page.read_text(encoding="utf-8")
        assert old in text, (path, old)
        page.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def append(path: str, text: str) -> Mutation:
    def apply(src: Path) -> None:
        with (src / path).open("a", encoding="utf-8") as handle:
            handle.write(text)

    return apply


def write(path: str, text: str) -> Mutation:
    return lambda src: (src / path).write_text(text, encoding="utf-8")


def raw_bytes(path: str, old: bytes, new: bytes) -> Mutation:
    def apply(src: Path) -> None:
        page = src / path
        page.write_bytes(page.read_bytes().replace(old, new, 1))

    return apply


def link(path: str, target: str) -> Mutation:
    return lambda src: os.symlink(target, src / path)


def move(path: str, new: str) -> Mutation:
    return lambda src: (src / path).rename(src / new)


def remove(path: str) -> Mutation:
    return lambda src: (src / path).unlink()


BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]\n" for n in range(7)
)
NEW_SOURCE = (
    'id: extra-2016\ntype: webpage\ngenre: web page\ntitle: "Extra"\nURL: https://example.org/x\naccessed: 2016-01-01\n'
)

# (case id, mutation, the exact warnings: (file, line, subtype))
CASES: list[tuple[str, Mutation, list[tuple[str, int, str]]]] = [
    # undecodable, unreadable, looping input
    ("byte-in-body", raw_bytes(EVENT_1, b"was held", b"was \xff held"), [(EVENT_1, 20, "encoding")]),
    ("byte-in-front-matter", raw_bytes(EVENT_1, b"First Security", b"First \xe9 Security"), [(EVENT_1, 2, "encoding")]),
    ("byte-in-registry", raw_bytes("chronology/registry/people.yaml", b"Cy North", b"Cy N\xf6rth"),
     [("chronology/registry/people.yaml", 3, "encoding")]),
    ("dangling-link", link("sources/records/gone.yaml", "nowhere.yaml"),
     [("sources/records/gone.yaml", 1, "unreadable")]),
    ("folder-loop", link("chronology/2015/loop", ".."), [("chronology/2015/loop", 1, "link")]),
    ("recursive-alias", edit(EVENT_1, "topics: [border]", "topics: &t [border, *t]"), [(EVENT_1, 17, "yaml")]),
    ("alias-bomb", edit(EVENT_1, "topics: [border]", "topics: [border]\n" + BOMB), [(EVENT_1, 19, "yaml")]),
    # malformed YAML, in plain words at the right line
    ("unclosed-quote", edit(EVENT_1, "kind: dialogue-round", 'kind: "dialogue-round'), [(EVENT_1, 5, "yaml")]),
    ("tab", edit(EVENT_1, "  north:", "\tnorth:"), [(EVENT_1, 12, "yaml")]),
    ("colon-in-value", edit(EVENT_1, "title: First Security Talks", "title: Talks: the first"), [(EVENT_1, 2, "yaml")]),
    ("unclosed-bracket", edit(EVENT_1, "topics: [border]", "topics: [border"), [(EVENT_1, 17, "yaml")]),
    ("not-a-mapping", edit(EVENT_2, "title: Second Security Talks\n", "- a list\n"), [(EVENT_2, 2, "yaml")]),
    # fields and values
    ("list-as-date", edit(EVENT_2, "date: 2015-08", "date: [2015, 8]"), [(EVENT_2, 3, "value")]),
    ("impossible-date", edit(EVENT_2, "date: 2015-08", "date: 2015-02-30"), [(EVENT_2, 3, "date")]),
    ("end-before-date", edit(EVENT_1, "end: 2014-07-16", "end: 2014-07-01"), [(EVENT_1, 4, "date")]),
    ("missing-title", edit(EVENT_2, "title: Second Security Talks\n", ""), [(EVENT_2, 2, "missing")]),
    ("misspelt-field", edit(EVENT_2, "title:", "titel:"), [(EVENT_2, 2, "field"), (EVENT_2, 2, "missing")]),
    ("template-placeholders", edit(EVENT_1, "title: First Security Talks", "title: TITLE"),
     [(EVENT_1, 2, "value")]),
    ("placeholder-in-place", edit(EVENT_1, "city: Rancho Mirage", "city: CITY"), [(EVENT_1, 8, "value")]),
    ("unknown-status", edit(EVENT_1, "status: held", "status: helt"), [(EVENT_1, 6, "value")]),
    ("id-with-line-break", edit(EVENT_1, "title:", 'id: "talks-1\\n"\ntitle:'), [(EVENT_1, 2, "value")]),
    ("topic-twice", edit(EVENT_1, "topics: [border]", "topics: [border, border]"), [(EVENT_1, 17, "duplicate")]),
    ("related-to-itself", edit(EVENT_1, "topics: [border]", "topics: [border]\nrelated: [{event: talks-1}]"),
     [(EVENT_1, 18, "value")]),
    ("follow-up-before", edit(EVENT_2, "date: 2015-08", "date: 2014-06"),
     [(EVENT_2, 16, "date"), (EVENT_2, 3, "filename"), (EVENT_2, 3, "filename")]),
    ("three-leads", edit(EVENT_1, "{person: cy-north, title: Adviser}", "{person: cy-north, lead: true}\n"
     "    - {person: cy-north, lead: true}"), [(EVENT_1, 12, "value")]),
    ("round-without-series", edit(EVENT_1, "series: talks\nround: 1\n", ""), [(EVENT_1, 5, "missing")]),
    ("no-lead", edit(EVENT_2, "{person: bo-south, title: Minister, lead: true}", "{person: bo-south}"),
     [(EVENT_2, 12, "missing")]),
    # ids that do not exist
    ("unknown-series", edit(EVENT_1, "series: talks", "series: talk"), [(EVENT_1, 9, "unknown-series")]),
    ("unknown-person", edit(EVENT_1, "person: bo-south", "person: bo-sout"), [(EVENT_1, 16, "unknown-person")]),
    ("unknown-topic", edit(EVENT_1, "topics: [border]", "topics: [bordr]"), [(EVENT_1, 17, "unknown-topic")]),
    ("unknown-side", edit(EVENT_1, "  south:", "  sout:"), [(EVENT_1, 15, "unknown-side")]),
    ("unknown-related", edit(EVENT_2, "event: talks-1,", "event: talks-9,"), [(EVENT_2, 16, "unknown-event")]),
    ("duplicate-id", edit(EVENT_2, "title:", "id: talks-1\ntitle:"),
     [(EVENT_2, 2, "duplicate"), (EVENT_2, 17, "value")]),
    ("round-clash", edit(EVENT_2, "round: 2", "round: 1"), [(EVENT_2, 8, "round")]),
    ("empty-registry", write("chronology/registry/people.yaml", ""),
     [("chronology/registry/people.yaml", 1, "missing")]),
    ("sides-as-list", write("chronology/registry/sides.yaml", "- north\n- south\n"),
     [("chronology/registry/sides.yaml", 1, "value")]),
    ("period-source", write("chronology/registry/periods.yaml",
                            "p1: {name: Era, side: north, start: 2014-01-01, source: nowhere-2014}\n"),
     [("chronology/registry/periods.yaml", 1, "unknown-source")]),
    # where the file is
    ("file-not-dated", move(EVENT_1, "chronology/2014/talks-1.md"), [("chronology/2014/talks-1.md", 3, "filename")]),
    ("other-years-folder", move(EVENT_1, "chronology/2015/2014-07-15-talks-1.md"),
     [("chronology/2015/2014-07-15-talks-1.md", 3, "filename")]),
    ("id-with-space", move(EVENT_1, "chronology/2014/2014-07-15-talks 1.md"),
     [("chronology/2014/2014-07-15-talks 1.md", 1, "filename"), (EVENT_2, 16, "unknown-event"),
      (EVENT_2, 19, "unknown-event")]),
    ("year-without-page", edit(EVENT_1, "date: 2014-07-15\nend: 2014-07-16", "date: 2999-07-15"),
     [(EVENT_1, 3, "filename"), (EVENT_1, 3, "filename"), (EVENT_1, 3, "date"), (EVENT_2, 16, "date")]),
    ("outside-event-folders", lambda src: (src / "chronology/2014-07-15-stray.md").write_text(
        (src / EVENT_1).read_text(encoding="utf-8"), encoding="utf-8"),
     [("chronology/2014-07-15-stray.md", 1, "filename")]),
    # the body
    ("role-on-third-line", append(EVENT_1, "\nOne,\ntwo,\nthree {person}`bo-sout`.\n"),
     [(EVENT_1, 24, "unknown-person")]),
    ("unknown-source", append(EVENT_1, "\nAnd\n{cite}`north-2041`.\n"), [(EVENT_1, 23, "unknown-source")]),
    ("empty-cite", append(EVENT_1, "\nAnd {cite}`;`.\n"), [(EVENT_1, 22, "unknown-source")]),
    ("unclosed-pinpoint", append(EVENT_1, '\nAnd {cite}`north-2014, p. 3 "a phrase`.\n'), [(EVENT_1, 22, "value")]),
    ("raw-html", append(EVENT_1, "\n<script>alert(1)</script>\n"), [(EVENT_1, 22, "markup")]),
    ("uncited-page", edit(EVENT_1, ' {cite}`north-2014, para. 2 "talks were held in the north"`', ""),
     [(EVENT_1, 2, "unsourced")]),
    ("bad-view-argument", append("chronology/topics.md", "\n```{chronology-timeline-overview}\n:series: talk\n```\n"),
     [("chronology/topics.md", 6, "view")]),
    # source records
    ("uncited-source", write("sources/records/extra-2016.yaml", NEW_SOURCE),
     [("sources/records/extra-2016.yaml", 1, "uncited")]),
    ("unknown-source-field", edit("sources/records/north-2014.yaml", "title:", "titel:"),
     [("sources/records/north-2014.yaml", 4, "field"), ("sources/records/north-2014.yaml", 1, "missing")]),
    ("script-url", edit("sources/records/north-2014.yaml", "URL: https://example.org/north/2014", "URL: javascript:x"),
     [("sources/records/north-2014.yaml", 7, "value")]),
    ("bad-config", append("conf.py", "\nchronology_vocabulary = {'kinds': []}\n"), [("conf.py", 8, "config")]),
]  # fmt: skip


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(copy_root("basic", tmp_path_factory.mktemp("baseline") / "src"))
    assert result.warnings.strip() == ""
    return result


def _body(result: Build, path: str) -> str:
    return str(result.html(path.removesuffix(".md")).select_one("div.body"))


@pytest.mark.parametrize(("case", "mutation", "expected"), CASES, ids=[c[0] for c in CASES])
def test_one_mistake(
    tmp_path: Path, baseline: Build, case: str, mutation: Mutation, expected: list[tuple[str, int, str]]
) -> None:
    src = copy_root("basic", tmp_path / "src")
    mutation(src)
    result = build(src)  # an exception from the extension fails here
    assert "Traceback" not in result.warnings and "Exception" not in result.warnings
    found = []
    for line in result.warnings.splitlines():
        match = WARNING.match(line.replace(f"{src}/", ""))
        if match:
            found.append((match["file"], int(match["line"]), match["subtype"]))
        else:
            assert "toctree" in line or "document isn't included" in line, f"untyped or unlocated warning: {line}"
    assert sorted(found) == sorted(expected), (sorted(found), result.warnings)
    listed = "".join(str(result.html(page)) for page in LISTS)
    for event in (src / "chronology").glob("[0-9]*/*.md"):
        assert event.name == "index.md" or quote(event.name.replace(".md", ".html")) in listed, f"{event} is not listed"
    _unchanged(src, baseline, result, {path for path, _, _ in expected} | ALSO_CHANGED.get(case, set()))


# pages that change for a reason other than a link: moving round 1 to 2999 moves the interim session's place
ALSO_CHANGED = {"year-without-page": {"chronology/2016/2016-05-01-interim.md"}}
LISTS = ["chronology/2014/index", "chronology/2015/index", "chronology/2016/index", "chronology/series/talks"]


def _unchanged(src: Path, baseline: Build, result: Build, faulty: set[str]) -> None:
    """Every event page that neither holds a mistake nor links to one that does (nor cites a faulty source
    record) is as it was. A faulty registry can change every page: nothing is compared then."""
    if any(path.startswith("chronology/registry") or path == "conf.py" for path in faulty):
        return
    stems = {Path(path).stem for path in faulty}
    for event in EVENTS:
        if event in faulty or not (src / event).exists() or event == EVENT_1:
            continue
        before = _body(baseline, event)
        if any(stem in before for stem in stems):
            continue
        assert _body(result, event) == before, f"{event} changed"


def test_every_subtype_has_a_case() -> None:
    covered = {subtype for _, _, expected in CASES for _, _, subtype in expected}
    assert {s.value for s in Subtype} - covered == set()
