"""A translated edition: with ``language = "zh_CN"`` the generated labels come from the extension's catalog
and dates are written the way the language writes them."""

from __future__ import annotations

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from helpers import REPO, Build, build, copy_root

PACKAGE = REPO / "_ext" / "sphinx_chronology"
CATALOG = PACKAGE / "locale" / "zh_CN" / "LC_MESSAGES"
EVENT_1 = "chronology/2014/2014-07-15-talks-1"
EVENT_2 = "chronology/2015/2015-08-talks-2"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    src = copy_root("basic", tmp_path_factory.mktemp("zh") / "src")
    return build(src, confoverrides={"language": "zh_CN"}, warningiserror=True)


def test_header_labels_and_dates_are_translated(site: Build) -> None:
    header = " ".join(site.html(EVENT_2).select_one("div.chron-header").get_text(" ").split())
    assert "日期 : 2015年8月" in header
    assert "状态 : 已举行" in header
    assert "类型 : 对话轮次 · 线上" in header
    assert "N.代表团" in header and "代表团团长" in header
    assert "Date" not in header and "delegation" not in header


def test_day_ranges_and_links_carry_localized_dates(site: Build) -> None:
    header = " ".join(site.html(EVENT_1).select_one("div.chron-header").get_text(" ").split())
    assert "2014年7月15日 – 16日" in header
    cards = site.text("chronology/2014/index")
    assert "2014年7月15日" in cards and "对话轮次" in cards


def test_sources_and_figures_are_translated(site: Build) -> None:
    assert "引用于：" in site.text("sources/index")
    svg = site.html("chronology/series/talks").select_one("svg.chron-timeline")
    assert svg is not None and "个事件" in svg["aria-label"]


def _messages(catalog: object) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}  # type: ignore[attr-defined]


def _pairs(catalog: object) -> dict[object, object]:
    def plain(value: object) -> object:
        return value if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]

    return {plain(m.id): plain(m.string) for m in catalog if m.id}  # type: ignore[attr-defined]


def test_the_catalog_translates_every_label_and_is_compiled() -> None:
    """Every message the code marks is in the catalog, translated, and the shipped .mo is the .po compiled."""
    keywords = {"_": None, "plural": (1, 2)}
    used = {m[2] if isinstance(m[2], str) else m[2][0] for m in extract_from_dir(str(PACKAGE), keywords=keywords)}
    with (CATALOG / "sphinx_chronology.po").open("rb") as po_file:
        po = read_po(po_file)
    with (CATALOG / "sphinx_chronology.mo").open("rb") as mo_file:
        mo = read_mo(mo_file)
    assert used - _messages(po) == set(), "run: pybabel extract/update for the missing messages"
    assert all(m.string for m in po if m.id), "every message needs its translation"
    assert _pairs(po) == _pairs(mo), "recompile: pybabel compile -d _ext/sphinx_chronology/locale -D sphinx_chronology"
