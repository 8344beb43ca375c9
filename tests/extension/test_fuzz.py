"""Fuzzing what authors write: front matter, registries, source records and citation text.

Whatever the input, a build never raises; every problem the extension reports is a typed, located warning;
and no input text ever comes out as HTML markup (no script element, no event-handler attribute, no
``javascript:`` link). CI runs a few examples per test, derandomized; ``FUZZ_EXAMPLES=500 pytest
tests/test_fuzz.py`` runs a longer campaign.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from helpers import ROOTS, build
from sphinx_chronology.warnings import Subtype

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 20,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: each example is a Sphinx build
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
EVENT = "chronology/2015/2015-08-talks-2.md"

# Text an attacker or a careless paste might bring.
HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "<svg onload=alert(1)>",
        "</title><script>x</script>",
        "{cite}`nope`",
        "```{raw} html\n<script>y</script>\n```",
        "&lt;b&gt;",
        "\u202e\u0000\ufeff",
        "Zhang Yesui 张业遂",
        "- [a, b",
        "{unclosed: ",
    ]
)
TEXT = st.one_of(HOSTILE, st.text(max_size=40), st.builds(lambda a, b: a + b, HOSTILE, st.text(max_size=10)))
SCALAR = st.one_of(TEXT, st.integers(-5, 3000), st.booleans(), st.none(), st.dates().map(str))
VALUE = st.recursive(
    SCALAR, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3), max_leaves=6
)
FIELDS = [
    "id", "title", "date", "end", "approximate", "kind", "status", "format", "place", "series", "round",
    "delegations", "topics", "related", "outcomes", "uncertain", "exchange", "timezone",
]  # fmt: skip
SUBTYPES = "|".join(re.escape(s.value) for s in Subtype)
LOCATED = re.compile(rf"^\S.*?: WARNING: .+ \[chronology\.({SUBTYPES})\]$")


THEME_SCRIPTS = {"document.getElementById('searchbox').style.display = \"block\""}


@pytest.fixture
def project() -> Iterator[Path]:
    """A fresh copy of the basic test project for each example (hypothesis calls the test many times)."""
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(shutil.copytree(ROOTS / "test-basic", Path(tmp) / "src"))


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _check(src: Path) -> None:
    """Build; then every chronology warning is typed and located, and the output holds no live markup."""
    result = build(src)  # raises if the extension raised
    for line in result.warnings.splitlines():
        if "[chronology" in line:
            assert LOCATED.match(line), line
    for page in result.outdir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for script in soup.find_all("script"):  # the theme's own inline scripts, and data that parses
            if script.get("type") == "application/ld+json":
                json.loads(script.get_text())
                continue
            assert script.get("src") or script.get_text() in THEME_SCRIPTS, f"{page.name}: inline script {script}"
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.lower().startswith("on"), f"{page.name}: {tag.name} has {name}"
                if name in {"href", "src", "xlink:href", "action"}:
                    assert not str(value).strip().lower().startswith("javascript:"), f"{page.name}: {value}"


@FUZZ
@given(st.dictionaries(st.sampled_from(FIELDS) | TEXT, VALUE, max_size=8))
def test_front_matter(project: Path, front: dict[Any, Any]) -> None:
    # (the body is Markdown, where raw HTML is the author's to write; front matter is data)
    page = project / EVENT
    page.write_text(f"---\n{_dump(front)}---\n\nText {{cite}}`north-2014`.\n", encoding="utf-8")
    _check(project)


@FUZZ
@given(st.text(max_size=200))
def test_front_matter_that_is_not_yaml(project: Path, raw: str) -> None:
    (project / EVENT).write_text(f"---\n{raw}\n---\n\nText.\n", encoding="utf-8")
    _check(project)


@FUZZ
@given(
    st.dictionaries(TEXT, st.dictionaries(st.sampled_from(["name", "name_zh", "side", "short"]) | TEXT, VALUE)),
    st.sampled_from(["people.yaml", "series.yaml", "topics.yaml", "sides.yaml"]),
)
def test_registries(project: Path, entries: dict[Any, Any], registry: str) -> None:
    path = project / "chronology/registry" / registry
    path.write_text(path.read_text(encoding="utf-8") + _dump(entries) if entries else "", encoding="utf-8")
    _check(project)


@FUZZ
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "title": TEXT,
            "URL": TEXT,
            "container-title": TEXT,
            "author": st.lists(st.fixed_dictionaries({"literal": TEXT})) | VALUE,
            "issued": SCALAR,
            "type": TEXT | st.just("article-newspaper"),
            "genre": TEXT,
            "custom": st.fixed_dictionaries({}, optional={"archive-url": TEXT, "quotes": st.lists(TEXT)}) | VALUE,
        },
    )
)
def test_source_records(project: Path, record: dict[str, Any]) -> None:
    (project / "sources/records/south-2015.yaml").write_text(_dump({"id": "south-2015", **record}), encoding="utf-8")
    _check(project)


@FUZZ
@given(st.lists(st.tuples(TEXT, TEXT, TEXT), min_size=1, max_size=3))
def test_citation_text(project: Path, parts: list[tuple[str, str, str]]) -> None:
    # keys, locators and quoted phrases: "key, locator "phrase"" joined with ";"
    citation = "; ".join(f'{k}, {loc} "{quote}"' for k, loc, quote in parts).replace("`", "'").replace("\n", " ")
    page = project / EVENT
    text = page.read_text(encoding="utf-8")
    page.write_text(text + f"\nAlso {{cite}}`{citation}` and {{cite}}`north-2014, p. 2 \"{parts[0][2]}\"`.\n",
                    encoding="utf-8")  # fmt: skip
    _check(project)


# Pieces of Markdown an author might leave half-written in an event's body.
BODY = st.sampled_from(
    [
        "{cite}`north-2014`",
        "{cite}`",
        '{cite}`north-2014, p. 2 "open',
        "{cite}`;`",
        "{event}`talks-1`",
        "{event}`nope`",
        "{person}`ann-north`",
        "{series}``",
        "{topic}`border` ",
        "\n```{dispute} A point\n",
        "\n```{account} one side\n",
        "\n````{dispute}\n```{account} a\nA {cite}`north-2014`.\n```\n````\n",
        "\n```{chronology-timeline-overview}\n:series: nope\n:from: x\n",
        "\n```\n",
        "\n:::\n",
        "\n# Heading\n",
        "\n---\ntitle: again\n---\n",
        "<script>alert(1)</script>",
        "<iframe src=javascript:alert(1)></iframe>",
        "[link](javascript:alert(1))",
        "<!-- open comment",
        "\n\n",
        "`",
        "\t",
    ]
)


@FUZZ
@given(st.lists(BODY | TEXT, max_size=10).map("".join))
def test_event_body(project: Path, body: str) -> None:
    page = project / EVENT
    front = page.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    page.write_text(f"{front}\n---\n\n{body}\n", encoding="utf-8")
    _check(project)


@FUZZ
@given(
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
        min_size=1,
        max_size=40,
    ).filter(lambda name: name not in {".", ".."} and len(name.encode("utf-8")) < 200),
    st.sampled_from(["", "2015-08-", "2015-08-04-", "2016-"]),
)
def test_event_file_names(name: str, prefix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:  # a copy per example: the event is moved away
        project = Path(shutil.copytree(ROOTS / "test-basic", Path(tmp) / "src"))
        (project / EVENT).rename(project / "chronology/2015" / f"{prefix}{name}.md")
        _check(project)
