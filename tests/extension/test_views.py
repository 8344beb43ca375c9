"""The generated views, read from real HTML and LaTeX builds of the basic test root."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.util.inventory import InventoryFile

from helpers import Build, build, chronology_warnings, copy_root

EVENT_1 = "chronology/2014/2014-07-15-talks-1"
EVENT_2 = "chronology/2015/2015-08-talks-2"


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(copy_root("basic", tmp_path_factory.mktemp("basic") / "src"))
    assert result.warnings.strip() == "", result.warnings
    return result


def test_header_panel(html: Build) -> None:
    page = html.html(EVENT_1)
    header = page.select_one("div.chron-header")
    assert header is not None
    text = " ".join(header.get_text(" ").split())
    assert "July 15–16, 2014" in text
    assert "Sunnylands, CA, Rancho Mirage, Northland" in text  # a comma inside a value is not a list
    assert "Status : Held Type : Dialogue round · In person" in text
    assert "next: Second Security Talks (August 2015)" in text
    assert "Border security" in text
    assert "Followed up by: Second Security Talks (August 2015)" in text  # the inverse of talks-2's relation


def test_delegations_side_by_side_in_registry_order_with_titles_then(html: Build) -> None:
    table = html.html(EVENT_1).select_one("table.chron-delegations")
    assert table is not None
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["N. delegation", "S. delegation"]
    columns = [" ".join(td.get_text(" ").split()) for td in table.select("tbody td")]
    assert "Ann North , Deputy Minister, head of delegation" in columns[0]
    assert "Cy North , Adviser" in columns[0]
    assert "Bo South (南博) , Vice Minister" in columns[1]
    link = table.select_one("a[href$='people.html#person-ann-north']")
    assert link is not None


def test_uncertain_facts_are_marked(html: Build) -> None:
    text = html.text("chronology/2016/2016-05-01-interim")
    # the reader's name for the field, not the front matter's
    assert "Unverified : N. delegation: the envoy's title is reported by one source only" in text
    badges = [b.get_text(strip=True) for b in html.html("chronology/2016/index").select(".sd-badge")]
    assert badges.count("Partly unverified") == 1


def test_partial_dates_never_show_a_fake_day(html: Build) -> None:
    assert "August 2015" in html.text(EVENT_2)
    assert "c. March 2016" in html.text("chronology/2016/index")
    assert "August 1" not in html.text(EVENT_2)


def test_year_page_cards_and_hidden_toctree(html: Build) -> None:
    page = html.html("chronology/2016/index")
    titles = [a.get_text(strip=True) for a in page.select("div.chron-card .chron-card-title a")]
    assert titles == ["Fourth Security Talks", "Interim Security Talks"]
    badges = [b.get_text(strip=True) for b in page.select("div.chron-card .sd-badge")]
    assert "Cancelled" in badges and "Talks round 4" in badges and "Talks interim" in badges


def test_years_page_lists_years_in_order(html: Build) -> None:
    links = [a.get_text(strip=True) for a in html.html("chronology/index").select("div.toctree-wrapper a")]
    assert links == ["2014", "2015", "2016"]


def test_series_page_shows_rounds_gaps_and_interim_sessions(html: Build) -> None:
    rounds = [
        " ".join(li.get_text(" ").split()) for li in html.html("chronology/series/talks").select("ul.chron-rounds > li")
    ]
    assert rounds[0].startswith("Round 1: First Security Talks")
    assert rounds[1].startswith("Round 2: Second Security Talks")
    assert rounds[2].startswith("Round 3: no record of this round")
    assert rounds[3].startswith("Round 4: Fourth Security Talks") and "(Cancelled)" in rounds[3]
    assert rounds[4].startswith("Interim: Interim Security Talks")


def test_previous_and_next_round_links(html: Build) -> None:
    text = html.text(EVENT_2)
    assert "previous: First Security Talks (July 15–16, 2014)" in text
    assert "next: Fourth Security Talks (c. March 2016)" in text


def test_people_index_with_titles_held_then(html: Build) -> None:
    text = html.text("chronology/people")
    assert "Ann North (N.) First Security Talks (July 15–16, 2014) — Deputy Minister, head of delegation" in text
    assert "Second Security Talks (August 2015) — Minister, head of delegation" in text
    assert html.html("chronology/people").select_one("#person-bo-south") is not None


def test_topics_index(html: Build) -> None:
    page = html.html("chronology/topics")
    crime = page.select_one("#topic-crime").find_parent("li")
    assert [a.get_text(strip=True) for a in crime.select("a")] == [
        "Second Security Talks (August 2015)",
        "Fourth Security Talks (c. March 2016)",
    ]


def test_roles_render_titles_dates_and_citations(html: Build) -> None:
    page = html.html(EVENT_2)
    body = " ".join(page.select_one("div.body").get_text(" ").split())
    assert "A follow-up to First Security Talks (July 15–16, 2014) ( Li 2015 ; Northland Foreign Office 2014 )" in body
    cite = page.select_one("span.chron-cite")
    assert page.select_one("span#cite-2015-08-talks-2-south-2015-1") is not None  # the stable anchor of the citation
    hrefs = [a["href"] for a in cite.select("a")]
    assert hrefs == ["../../sources/index.html#source-south-2015", "../../sources/index.html#source-north-2014"]


def test_pinpoints_show_locator_and_quote_on_hover(html: Build) -> None:
    cite = html.html(EVENT_1).select_one("span.chron-cite")
    assert " ".join(cite.get_text(" ").split()) == "( Northland Foreign Office 2014 , para. 2)"
    assert cite.select_one("a")["title"] == "“talks were held in the north”"


def test_latex_pinpoint_quote_is_a_footnote(tmp_path: Path) -> None:
    result = build(copy_root("basic", tmp_path / "src"), "latex")
    tex = next(result.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\footnote{\sphinxAtStartPar “talks were held in the north”}" in tex


def test_event_page_ends_with_its_sources(html: Build) -> None:
    sources = [" ".join(li.get_text("").split()) for li in html.html(EVENT_2).select("div.chron-sources li")]
    assert sources == [
        "Li 2015: Li, Wen. 2015. “Second Round of Talks, Sunnylands, CA.” Southland Daily, August. "
        "https://example.org/south/2015.",
        "Northland Foreign Office 2014: Northland Foreign Office. 2014. “Northland and Southland Hold Security Talks.” "
        "Press release. July 16. https://example.org/north/2014. (archived copy, captured 2026-11-01)",
    ]


def test_bibliography_cited_by_links_to_passages(html: Build) -> None:
    page = html.html("sources/index")
    entry = page.select_one("#source-north-2014").find_parent("li")
    links = entry.select("p.chron-cited-by a")
    cited_by = [a["href"] for a in links]
    assert len(cited_by) == 4
    assert all("#cite-" in href for href in cited_by)
    assert cited_by[0].startswith("../chronology/2014/2014-07-15-talks-1.html#cite-")
    assert [a.get_text(strip=True) for a in links][-1] == "Security Talks"  # a series page cites it too


def test_bibliography_is_one_list_and_links_archived_copies(html: Build) -> None:
    page = html.html("sources/index")
    assert len(page.select("ul.chron-bibliography")) == 2  # under L and N
    assert [p.get_text(strip=True) for p in page.select("p.chron-letter-heading")] == ["L", "N"]
    entry = page.select_one("#source-north-2014").find_parent("p")
    archive = entry.select_one("a.chron-archive")
    assert archive["href"] == "https://archive.example.org/north/2014"
    assert archive.get_text() == "archived copy, captured 2026-11-01"
    assert "Northland Foreign Office. 2014. “Northland and Southland Hold Security Talks.”" in entry.get_text()


def test_inventory_holds_every_object_type(html: Build) -> None:
    inventory = InventoryFile.loads((html.outdir / "objects.inv").read_bytes(), uri="")
    data = inventory.data
    # Anchors are "<id>-entry": Sphinx's search rebuilds "<type>-<name>" anchors from the displayed name.
    assert data["chron:event"]["talks-2"].uri == f"{EVENT_2}.html#event-talks-2-entry"
    assert data["chron:event"]["talks-2"].display_name == "Second Security Talks"
    assert data["chron:person"]["bo-south"].uri == "chronology/people.html#person-bo-south-entry"
    assert data["chron:series"]["talks"].uri == "chronology/series/talks.html#series-talks-entry"
    assert data["chron:topic"]["crime"].uri == "chronology/topics.html#topic-crime-entry"
    assert data["chron:source"]["north-2014"].uri == "sources/index.html#source-north-2014-entry"
    for kind in ("event", "person", "series", "topic", "source"):
        for item in data[f"chron:{kind}"].values():
            page, anchor = item.uri.split("#")
            assert html.html(page.removesuffix(".html")).find(id=anchor) is not None, item.uri


def test_latex_renders_the_same_views(tmp_path: Path) -> None:
    result = build(copy_root("basic", tmp_path / "src"), "latex")
    assert chronology_warnings(result.warnings) == []
    tex = next(result.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "N. delegation" in tex and "S. delegation" in tex
    assert r"\hyperref[\detokenize{chronology/people:person-ann-north}]" in tex
    assert r"\label{\detokenize{chronology/people:person-ann-north}}" in tex
    assert "Round 3:" in tex and "no record of this round" in tex
    assert "Cited by:" in tex
    # the bibliography stays where the author put it (no thebibliography moved to the end, no empty chapter)
    assert "thebibliography" not in tex
    chapter = tex.index(r"\chapter{Sources}")
    assert chapter < tex.index(r"\label{\detokenize{sources/index:source-north-2014}}") < tex.index(r"\printindex")
    # "cited by" gives the page of each citing passage
    assert r"(p.~\pageref{\detokenize{chronology/2014/2014-07-15-talks-1:cite-2014-07-15-talks-1-north-2014-1}})" in tex
    assert "Dialogue round · In person" in tex


def test_people_sort_by_family_name_whichever_comes_first(tmp_path: Path) -> None:
    """Wu Bangguo under W, Xi Jinping under X, Barack Obama under O, Charles Q. Brown Jr. under B; and the
    book's general index gives "Obama, Barack"."""
    src = copy_root("basic", tmp_path / "src")
    (src / "chronology/registry/sides.yaml").write_text(
        "north: {name: Northland}\nsouth: {name: Southland, family_first: true}\n", encoding="utf-8"
    )
    (src / "chronology/registry/people.yaml").write_text(
        "ann-north: {name: Barack Obama, side: north}\n"
        "cy-north: {name: Charles Q. Brown Jr., side: north}\n"
        "bo-south: {name: Wu Bangguo, side: south}\n"
        "xi: {name: Xi Jinping, name_zh: 习近平}\n"
        "ban: {name: Ban Ki-moon, sort_as: 'Ban, Ki-moon'}\n",
        encoding="utf-8",
    )
    result = build(src)
    names = [s.get_text() for s in result.html("chronology/people").select(".chron-people > li > p > strong")]
    if not names:
        names = [s.get_text() for s in result.html("chronology/people").select(".chron-people strong")]
    order = [
        n
        for n in names
        if n.split(" (")[0] in {"Barack Obama", "Charles Q. Brown Jr.", "Wu Bangguo", "Xi Jinping", "Ban Ki-moon"}
    ]
    assert [n.split(" (")[0] for n in order] == [
        "Ban Ki-moon", "Charles Q. Brown Jr.", "Barack Obama", "Wu Bangguo", "Xi Jinping"
    ]  # fmt: skip
    # under the letter they sort by, which a bar of letters leads to
    page = result.html("chronology/people")
    letters = {
        box.select_one(".chron-letter-heading strong").get_text(): [
            s.get_text() for s in box.select(".chron-people strong")
        ]
        for box in page.select(".chron-letter")
    }
    assert "Barack Obama" in letters["O"] and "Wu Bangguo" in letters["W"] and "Charles Q. Brown Jr." in letters["B"]
    bar = [(a.get_text(), a["href"].split("#")[1]) for a in page.select("p.chron-letters a")]
    assert [letter for letter, _ in bar] == sorted(letters) and all(page.select_one(f"#{a}") for _, a in bar)
    latex = build(src, "latex", builddir=tmp_path / "latex")
    tex = next(Path(latex.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "Obama, Barack" in tex and "Brown, Charles Q., Jr." in tex and "Wu Bangguo" in tex
    assert r"\hyperref[\detokenize{chronology/people:people-O}]" in tex  # the letters lead to their names


def test_year_pages_lead_to_the_years_before_and_after(tmp_path: Path) -> None:
    src = copy_root("basic", tmp_path / "src")
    result = build(src)
    navs = result.html("chronology/2015/index").select(".chron-year-nav")
    assert len(navs) == 2  # above and below the cards
    assert [(a.get_text(), a["href"]) for a in navs[0].select("a")] == [
        ("← 2014", "../2014/index.html"),
        ("2016 →", "../2016/index.html"),
    ]
    assert [a.get_text() for a in result.html("chronology/2014/index").select(".chron-year-nav")[0].select("a")] == [
        "2015 →"
    ]
    # a new year's page is linked from its neighbour on the next build
    (src / "chronology/2017").mkdir()
    (src / "chronology/2017/index.md").write_text("# 2017\n\n```{chronology-year}\n```\n", encoding="utf-8")
    again = build(src)
    assert "chronology/2016/index" in again.written
    assert [a.get_text() for a in again.html("chronology/2016/index").select(".chron-year-nav")[0].select("a")] == [
        "← 2015",
        "2017 →",
    ]


def test_an_event_s_date_leads_to_its_year(html: Build) -> None:
    date = html.html(EVENT_2).select_one(".chron-header dl.field-list > dd")
    assert date is not None
    link = date.select_one("a")
    assert link is not None and link.get_text() == "Events of 2015" and link["href"] == "index.html"
