"""Disputed facts: attributed accounts side by side in HTML, in sequence in LaTeX, and listed on one page."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import Build, build, copy_root

EVENT_2 = "chronology/2015/2015-08-talks-2"


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(copy_root("disputes", tmp_path_factory.mktemp("disputes") / "src"))
    assert result.warnings.strip() == ""
    return result


def test_accounts_stand_side_by_side_with_their_sources(html: Build) -> None:
    dispute = html.html(EVENT_2).select_one("div.chron-dispute")
    # the anchor is a target at the top of the box (LaTeX writes labels for targets, not for containers)
    assert dispute.select_one(":scope > p.chron-dispute-point")["id"] == "dispute-who-led-the-northern-delegation"
    assert "Disputed: Who led the northern delegation" in " ".join(dispute.get_text(" ").split())
    row = dispute.select_one("div.sd-row")
    columns = row.select(":scope > div.sd-col")
    assert len(columns) == 2 and "sd-row-cols-md-2" in row["class"]
    texts = [" ".join(c.get_text(" ").split()) for c in columns]
    assert texts[0].startswith("According to the Northland Foreign Office: Ann North led it")
    assert "Northland Foreign Office 2014" in texts[0]
    assert texts[1].startswith("According to Southland Daily: Cy North led it ( Li 2015 , para. 4)")


def test_disputes_page_lists_every_disputed_point(html: Build) -> None:
    items = html.html("chronology/disputes").select("ul.chron-disputes li")
    assert len(items) == 1
    link = items[0].select_one("a")
    assert link["href"] == "2015/2015-08-talks-2.html#dispute-who-led-the-northern-delegation"
    text = " ".join(items[0].get_text(" ").split())
    accounts = "Accounts: the Northland Foreign Office; Southland Daily."
    assert text.endswith(f"— Second Security Talks (August 2015). {accounts}")


def test_accounts_read_in_sequence_in_latex(tmp_path: Path) -> None:
    result = build(copy_root("disputes", tmp_path / "src"), "latex")
    assert result.warnings.strip() == ""
    tex = next(result.outdir.glob("*.tex")).read_text(encoding="utf-8")
    first = tex.index("According to the Northland Foreign Office:")
    second = tex.index("According to Southland Daily:")
    assert first < tex.index("Ann North led it") < second < tex.index("Cy North led it")
    assert r"\hyperref[\detokenize{chronology/2015/2015-08-talks-2:dispute-who-led-the-northern-delegation}]" in tex


def test_editing_an_account_updates_the_disputes_page(tmp_path: Path) -> None:
    src = copy_root("disputes", tmp_path / "src")
    build(src)
    page = src / f"{EVENT_2}.md"
    page.write_text(
        page.read_text().replace("{chronology-account} Southland Daily", "{chronology-account} the Southland Daily")
    )
    result = build(src)
    assert {EVENT_2, "chronology/disputes"} <= result.written
    assert "Accounts: the Northland Foreign Office; the Southland Daily." in result.text("chronology/disputes")


def test_cited_by_names_each_page_once_with_links_to_each_passage(html: Build) -> None:
    entry = html.html("sources/index").select_one("#source-north-2014").find_parent("li")
    cited_by = entry.select_one("p.chron-cited-by")
    text = " ".join(cited_by.get_text(" ").split())
    assert text.count("Second Security Talks") == 1
    assert "Second Security Talks (2 passages: 1 , 2 )" in text
    hrefs = [a["href"] for a in cited_by.select("a") if "2015-08-talks-2" in a["href"]]
    assert hrefs == [
        f"../{EVENT_2}.html#cite-2015-08-talks-2-south-2015-1",
        f"../{EVENT_2}.html#cite-2015-08-talks-2-south-2015-1",
        f"../{EVENT_2}.html#cite-2015-08-talks-2-north-2014-1",
    ]


def test_the_data_export_gives_each_account_with_its_sources(html: Build) -> None:
    import json

    data = json.loads((html.outdir / "data/chronology.json").read_text(encoding="utf-8"))
    (event,) = [e for e in data["events"] if e["id"] == "talks-2"]
    assert event["disputes"] == [
        {
            "point": "Who led the northern delegation",
            "anchor": "dispute-who-led-the-northern-delegation",
            "accounts": [
                {"by": "the Northland Foreign Office", "sources": ["north-2014"]},
                {"by": "Southland Daily", "sources": ["south-2015"]},
            ],
        }
    ]
