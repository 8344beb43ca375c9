"""The real chronology: builds with warnings as errors, and the seed events carry their sourced facts."""

from __future__ import annotations

import itertools
import re

import pytest
from bs4 import BeautifulSoup

from helpers import Build
from sphinx_chronology.store.domain import ChronologyDomain
from sphinx_chronology.store.index import Index

# (file, date as shown, place, U.S. delegation heads, PRC delegation heads), from research/dialogues.md
SEED_EVENTS = [
    ("2014/2014-07-15-ct-dialogue-1", "July 15, 2014", "Washington", ["Tina Kaidanow"], ["Cheng Guoping"]),
    ("2015/2015-08-04-ct-dialogue-2", "August 4, 2015", "Beijing", ["Tina Kaidanow"], ["Cheng Guoping"]),
    (
        "2016/2016-07-24-rice-beijing-2016",
        "July 24–27, 2016",
        "Beijing",
        ["Susan Rice"],
        ["Yang Jiechi"],  # the counterpart who held the talks (README, "Conventions")
    ),
    ("2016/2016-10-25-ct-dialogue-3", "October 25, 2016", "Washington", ["Justin Siberell"], ["Li Huilai"]),
    ("2017/2017-04-06-mar-a-lago-2017", "April 6–7, 2017", "Palm Beach", ["Donald Trump"], ["Xi Jinping"]),
    (
        "2017/2017-06-21-dsd-1",
        "June 21, 2017",
        "Washington",
        ["Rex Tillerson", "Jim Mattis"],
        ["Yang Jiechi", "Fang Fenghui"],
    ),
    ("2017/2017-07-19-ced-1", "July 19, 2017", "Washington", ["Steven Mnuchin", "Wilbur Ross"], ["Wang Yang"]),
    ("2017/2017-09-28-scd-1", "September 28, 2017", "Washington", ["Rex Tillerson"], ["Liu Yandong"]),
    ("2017/2017-10-04-lecd-1", "October 4, 2017", "Washington", ["Jeff Sessions", "Elaine Duke"], ["Guo Shengkun"]),
    ("2017/2017-11-08-trump-beijing-2017", "November 8–10, 2017", "Beijing", ["Donald Trump"], ["Xi Jinping"]),
]


@pytest.fixture(scope="module")
def site(chronology_html: Build) -> Build:
    return chronology_html


def test_builds_without_warnings(site: Build) -> None:
    assert site.warnings.strip() == ""


@pytest.mark.parametrize(("doc", "when", "place", "us", "cn"), SEED_EVENTS, ids=[e[0] for e in SEED_EVENTS])
def test_seed_events_have_dates_places_and_delegations(
    site: Build, doc: str, when: str, place: str, us: list[str], cn: list[str]
) -> None:
    page = site.html(f"chronology/{doc}")
    header = " ".join(page.select_one("div.chron-header").get_text(" ").split())
    assert f"Date : {when}" in header
    assert place in header
    heads = [
        [" ".join(s.get_text(" ").split()) for s in td.select("strong")]
        for td in page.select("table.chron-delegations tbody td")
    ]
    if us or cn:
        assert heads[0][: len(us)] == us
        assert [name.split(" (")[0] for name in heads[1]][: len(cn)] == cn
    else:
        assert heads == []


def test_every_event_cites_a_source(site: Build) -> None:
    for doc, *_ in SEED_EVENTS:
        assert site.html(f"chronology/{doc}").select("div.chron-sources li"), doc


def _bibliography(site: Build) -> BeautifulSoup:
    """The bibliography's entries, from its letter pages in order (the site splits it, ``paging.py``)."""
    index = site.html("sources/index")
    pages = [str(a["href"]).removesuffix(".html") for a in index.select("ul.chron-index-pages a")]
    assert pages, "the bibliography is split into letter pages"
    bodies = [str(site.html(f"sources/{page}").select_one("div.body")) for page in pages]
    return BeautifulSoup("".join(bodies), "lxml")


def test_every_source_is_cited(site: Build) -> None:
    entries = _bibliography(site).select("ul.chron-bibliography > li")
    assert entries
    uncited = [li.get_text(" ")[:60] for li in entries if li.select_one("p.chron-cited-by") is None]
    assert uncited == []


def test_every_label_leads_to_exactly_one_entry(site: Build) -> None:
    """A reader of a label ("Xinhua 2015b") finds one entry: no two sources share a label, and each label
    links to its own entry on the bibliography page."""
    bibliography = _bibliography(site)
    keys_of: dict[str, set[str]] = {}
    for path in sorted((site.outdir / "chronology").rglob("*.html")):
        for link in site.html(str(path.relative_to(site.outdir).with_suffix(""))).select("span.chron-cite a"):
            key = link["href"].split("#source-")[1]
            keys_of.setdefault(" ".join(link.get_text().split()), set()).add(key)
    shared = {label: keys for label, keys in keys_of.items() if len(keys) > 1}
    assert shared == {}
    cited = {key for keys in keys_of.values() for key in keys}
    assert len(cited) > 400 and cited <= set(_index(site).registry.sources)
    assert all(bibliography.find(id=f"source-{key}") is not None for key in cited)


def test_the_bibliography_is_one_list_in_alphabetical_order(site: Build) -> None:
    entries = [
        " ".join(p.get_text().split())
        for p in _bibliography(site).select("ul.chron-bibliography > li > p.chron-source")
    ]
    assert len(entries) == len(_index(site).registry.sources)
    text = " ".join(entries)
    # punctuation inside the quotation marks, and no genre the style would print wrongly
    assert "”." not in text and "”," not in text and "News article" not in text
    assert not re.search(r"(?<!\.)\.\.(?!\.)", text)  # no doubled period (an ellipsis is three)
    # by first element: the entry's first word, where it is a plain word (a name such as "U.S." or
    # "China.org.cn" sorts by rules of its own), never goes back in the alphabet
    words = [
        m.group(1).casefold()
        for entry in entries
        if (m := re.match(r"[“‘\[]*([A-Za-z]+)[ ,.]", entry)) and not re.match(r"[“‘\[]*[A-Za-z]+\.\w", entry)
    ]
    assert len(words) > len(entries) / 2
    assert [pair for pair in itertools.pairwise(words) if pair[0] > pair[1]] == []


def test_latex_build_has_no_warnings(chronology_latex: Build) -> None:
    result = chronology_latex
    assert result.warnings.strip() == ""
    assert "Second U.S.–China Counterterrorism Dialogue" in next(result.outdir.glob("*.tex")).read_text()


# Events whose dossier rows are only partly verified (status P): each must say what is unverified.
PARTLY_VERIFIED = [
    "ssd-1",
    "cyber-wg-1",
    "ssd-3",
    "dct-15",
    "dpct-2015",
    "mmca-2016",
    "hljd-2",
    "sullivan-beijing-2024",
    "dpct-18",
]


def _index(site: Build) -> Index:
    domain = site.app.env.domains[ChronologyDomain.name]
    assert isinstance(domain, ChronologyDomain)
    return domain.index


def test_covers_2009_to_2024_with_at_least_60_events(site: Build) -> None:
    events = [e for e in _index(site).events if 2009 <= e.date.year <= 2024]
    assert len(events) >= 60
    assert {e.date.year for e in events} >= {2009, 2012, 2015, 2017, 2021, 2024}


@pytest.mark.parametrize("event_id", PARTLY_VERIFIED)
def test_partly_verified_facts_are_marked_uncertain(site: Build, event_id: str) -> None:
    event = _index(site).by_id[event_id]
    assert event.uncertain, f"{event.docname} should list its unverified facts under uncertain:"
    assert "Partly unverified" in site.text(event.docname.rsplit("/", 1)[0] + "/index")
