"""Citations and the bibliography in Chicago author-date (18th edition), formatted with the whole project.

The expected strings were checked by hand against the Chicago Manual of Style's author-date rules: an
author's works of one year lettered in the order of their titles ("2015a" for "Is the...", "2015b" for
"Talks..."); undated works "n.d.-a", "n.d.-b", with a comma before "n.d." in the text and the access date in
the entry; periods and commas inside the closing quotation mark; quotation marks inside a title single; no
period after a title that ends in a question mark; every author of a four-author work listed, and "et al."
in the text from three authors on (the 18th edition's rule; the 17th began at four); a work without author
listed and cited under its title; a Chinese name family name first without a comma, and given whole
where two authors share a family name; an outlet that stands
for the author printed once; newspapers, journals and report titles in italics.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import ROOTS, Build, build, copy_root

EVENT = "chronology/2015/2015-08-05-talks"

#: the reference list, in order, as a reader sees it (text, then the italic parts)
ENTRIES = [
    "Adams, Jane, Bob Baker, Carl Cole, and Dana Dunn. 2018. “Why Do Dialogues Fail?” Journal of Strategic "
    "Studies 41 (3): 1–25. https://example.org/journal.",
    "American Forces Press Service. 2013. “Hagel, Senior Chinese Official Meet at Pentagon.” July 12. "
    "https://example.org/afps.",
    "Brown, Ann, and Tom Green. 2017. Confidence-Building Measures at Sea. Naval Institute. https://example.org/report.",
    "Chen Jian. 2020. “The Military Channels in Crisis.” China Quarterly. https://example.org/cq.",
    "Chen Weihua and An Baijie. 2019. “Dialogue Leads to Cooperation.” China Daily, July 21. "
    "https://example.org/chinadaily.",
    "“China–US Ties.” 2018. https://example.org/ties.",
    "Northland Foreign Office. 2014. “Northland and Southland Hold Security Talks.” Press release. July 16. "
    "https://example.org/north/2014.",
    "Reuters. 2016. “Talks End in Deadlock.” March 3. https://example.org/reuters/2016.",
    "Smith, John. 2015a. “Is the ‘Reset’ Over?” New York Times, September 1. https://example.org/nyt/reset.",
    "Smith, John. 2015b. “Talks Resume in Geneva.” New York Times, August 5. https://example.org/nyt/talks.",
    "U.S. Department of Defense. 2013. “Readout of Secretary Hagel’s Meeting.” August 19. https://example.org/dod.",
    "U.S. Department of State. n.d.-a. “Readout of the Secretary’s Call.” Accessed November 1, 2026. "
    "https://example.org/state/readout.",
    "U.S. Department of State. n.d.-b. “Statement on the Talks.” Accessed November 2, 2026. "
    "https://example.org/state/statement.",
    "新华网. 2016. “中美举行反恐磋商.” October 26. https://example.org/xinhuanet.",
]
ITALIC = [
    "Journal of Strategic Studies",
    "American Forces Press Service",
    "Confidence-Building Measures at Sea",
    "China Quarterly",
    "China Daily",
    "Reuters",
    "New York Times",
    "New York Times",
]  # not 新华网: Chinese characters are never italic

#: each source's label in the text, as the style gives it
LABELS = {
    "smith-2015-talks": "Smith 2015b",
    "smith-2015-reset": "Smith 2015a",
    "state-readout": "U.S. Department of State, n.d.-a",
    "state-statement": "U.S. Department of State, n.d.-b",
    "reuters-2016": "Reuters 2016",
    "ties-2018": "“China–US Ties” 2018",
    "brown-green-2017": "Brown and Green 2017",
    "adams-2018": "Adams et al. 2018",
    "chen-an-2019": "Chen Weihua and An 2019",  # two Chens: told apart by given name, written whole
    "chen-2020": "Chen Jian 2020",
    "north-2014": "Northland Foreign Office 2014",
    "afps-2013": "American Forces Press Service 2013",
    "dod-2013": "U.S. Department of Defense 2013",
    "xinhuanet-2016": "新华网 2016",
}


def _text(element: object) -> str:
    return " ".join(element.get_text().split())  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(copy_root("citations", tmp_path_factory.mktemp("citations") / "src"), warningiserror=True)
    assert result.warnings.strip() == "", result.warnings
    return result


def test_the_reference_list_is_chicago_author_date(html: Build) -> None:
    entries = html.html("sources/index").select("ul.chron-bibliography > li > p.chron-source")
    assert [_text(entry) for entry in entries] == ENTRIES
    assert [_text(em) for entry in entries for em in entry.select("em")] == ITALIC
    # every address is a link
    assert all(entry.select_one(f'a[href="{ENTRIES[n].split()[-1][:-1]}"]') for n, entry in enumerate(entries))


def test_each_label_is_the_styles_and_leads_to_its_entry(html: Build) -> None:
    page = html.html(EVENT)
    found = {}
    for link in page.select("span.chron-cite a"):
        key = link["href"].split("#source-")[1]
        found[key] = _text(link)
        assert link["href"].startswith("../../sources/index.html#source-")
        assert html.html("sources/index").find(id=f"source-{key}") is not None
    assert found == LABELS
    # a locator follows the label; an outlet standing for the author is italic, as in the entry
    assert "(Adams et al. 2018, 12)" in _text(page.select_one("div.body"))
    assert page.select_one('a[href$="#source-reuters-2016"] em').get_text() == "Reuters"
    # the event page's own list gives label and entry together
    listed = [_text(li) for li in page.select("div.chron-sources li")]
    assert "Smith 2015a: Smith, John. 2015a. “Is the ‘Reset’ Over?” New York Times, September 1. " in (
        " ".join(listed) + " "
    ).replace("https://example.org/nyt/reset.", "")


def test_the_bibliography_has_a_bar_of_initial_letters(html: Build) -> None:
    page = html.html("sources/index")
    bar = page.select_one("p.chron-letters")
    # an entry in another script is listed under "#", whose anchor has a name of its own
    assert bar is not None and bar.get_text(" ").split() == ["A", "B", "C", "N", "R", "S", "U", "#"]
    for link in bar.select("a"):
        assert page.find(id=link["href"].lstrip("#")) is not None
    # “China–US Ties” is listed under C, its first letter
    c_group = page.find(id="sources-C").find_parent("div")
    assert "“China–US Ties.” 2018." in _text(c_group)


def test_formatting_in_groups_gives_what_one_run_gives(tmp_path: Path) -> None:
    """The records are formatted in runs of at most ``CHUNK`` (disambiguation over thousands at once takes
    minutes); runs of one group each give the very labels, entries and order of a single run."""
    from sphinx_chronology.bibliography import csl
    from sphinx_chronology.reading.registry import load_registry

    sources = list(load_registry(ROOTS / "test-citations", "chronology/registry", "sources/records").sources.values())
    single = csl.format_all(sources)
    chunk = csl.CHUNK
    csl.CHUNK = 1
    try:
        grouped = csl.format_all(sources)
    finally:
        csl.CHUNK = chunk
    assert grouped == single
    assert grouped["smith-2015-reset"].label == "Smith 2015a"


def test_latex_gives_the_same_labels_and_entries(tmp_path: Path) -> None:
    result = build(copy_root("citations", tmp_path / "src"), "latex", warningiserror=True)
    tex = next(result.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "Smith 2015a" in tex and "U.S. Department of State, n.d.\\sphinxhyphen{}b" in tex
    assert "\\sphinxstyleemphasis{New York Times}, September 1" in tex
    assert "Chen Weihua and An Baijie. 2019." in tex
    assert "”." not in tex and "”," not in tex


def test_an_edited_record_relabels_every_page_citing_its_namesakes(tmp_path: Path) -> None:
    """Retitling one of Smith's 2015 articles moves it before the other: both labels change, on the page
    citing them and in the bibliography; a build that changes no record does not format again."""
    from sphinx_chronology.bibliography import csl

    src = copy_root("citations", tmp_path / "src")
    build(src)
    record = src / "sources/records/smith-2015-talks.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("Talks Resume", "Arms Talks Resume"), "utf-8")
    second = build(src)
    labels = {link["href"].split("#source-")[1]: _text(link) for link in second.html(EVENT).select("span.chron-cite a")}
    assert labels["smith-2015-talks"] == "Smith 2015a" and labels["smith-2015-reset"] == "Smith 2015b"
    runs: list[int] = []
    original = csl.format_all

    def counted(*args: object, **kwargs: object) -> dict[str, csl.Formatted]:
        runs.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    csl.format_all = counted  # type: ignore[assignment]
    try:
        (src / "chronology/2015/2015-08-05-talks.md").write_text(
            (src / "chronology/2015/2015-08-05-talks.md").read_text(encoding="utf-8") + "\nMore text.\n", "utf-8"
        )
        build(src)
    finally:
        csl.format_all = original  # type: ignore[assignment]
    assert runs == []


def test_sources_printed_alike_but_written_differently_are_reported(tmp_path: Path) -> None:
    src = copy_root("citations", tmp_path / "src")
    (src / "sources/records/reuters-2016b.yaml").write_text(
        "id: reuters-2016b\ntype: article-newspaper\ntitle: Second Talks\ncontainer-title: reuters\n"
        "issued: 2016-04-01\nURL: https://example.org/reuters/b\n",
        encoding="utf-8",
    )
    page = src / "chronology/2015/2015-08-05-talks.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAgain {cite}`reuters-2016b`.\n", encoding="utf-8")
    warnings = build(src).warnings
    assert re.search(
        r"sources/records/reuters-2016b.yaml:1: WARNING: sources 'reuters-2016' and 'reuters-2016b' are both cited"
        r" as \(Reuters 2016\).*\[chronology.duplicate\]",
        warnings,
    ), warnings


def test_an_undated_web_source_needs_its_access_date(tmp_path: Path) -> None:
    src = copy_root("citations", tmp_path / "src")
    record = src / "sources/records/state-readout.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("accessed: 2026-11-01\n", ""), "utf-8")
    warnings = build(src).warnings
    assert (
        "sources/records/state-readout.yaml:3: WARNING: source 'state-readout' has no 'accessed'; an official "
        "statement record needs the date it was consulted (accessed: YYYY-MM-DD), since it shows no date."
    ) in warnings
