"""The index views written straight to HTML (``htmlviews``) are exactly what the HTML writer makes of the
docutils nodes that every other builder gets (``render``), for the test projects and for any data."""

from __future__ import annotations

import html
import os
from typing import Any

import pytest
from docutils import nodes
from docutils.utils import new_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronology import htmlviews, render, viewdata
from chronology.index import EventLink
from chronology.views import resolve_views
from helpers import Build, build, copy_root

VIEWS = ("people", "topics", "bibliography")


def written_by_sphinx(result: Build, docname: str, kind: str, data: Any) -> str:
    """The HTML writer's markup for ``render.view``'s nodes of the view, as a page of ``docname``."""
    builder = result.app.builder
    ctx = render.Context(builder, docname, render.figure_cache(result.app))
    document = new_document(docname, builder.docsettings)  # type: ignore[attr-defined]
    document.extend(render.view(ctx, kind, data))
    translator = builder.create_translator(document, builder)
    document.walkabout(translator)
    return "".join(translator.body)


def written_directly(result: Build, docname: str, kind: str, data: Any) -> str:
    ctx = render.Context(result.app.builder, docname, render.figure_cache(result.app))
    return htmlviews.VIEWS[kind](ctx, data)


@pytest.fixture(scope="module", params=["basic", "disputes", "warnings"])
def result(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root(request.param, tmp_path_factory.mktemp(request.param) / "src"))


@pytest.mark.parametrize("kind", VIEWS)
def test_each_index_view_is_the_markup_of_its_nodes(result: Build, kind: str) -> None:
    index = result.app.env.domains["chron"].index  # type: ignore[attr-defined]
    docname = index.doc_of(kind)
    assert docname, f"the project has no {kind} view"
    data = viewdata.view(index, kind, "")
    direct = written_directly(result, docname, kind, data)
    assert direct == written_by_sphinx(result, docname, kind, data)
    assert direct in (result.outdir / f"{docname}.html").read_text(encoding="utf-8")  # and it is on the page


# -- any data -------------------------------------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
IDS = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
DOCS = st.sampled_from(["chronology/2014/2014-07-15-talks-1", "chronology/people", "sources/index", "index", ""])
EVENTS = st.builds(EventLink, IDS, DOCS, TEXT, TEXT)
FORMATTED = st.lists(st.tuples(st.sampled_from(["", "i", "b", "sup", "sub", "span"]), TEXT), max_size=4).map(
    lambda parts: "".join(f"<{t}>{html.escape(s)}</{t}>" if t else html.escape(s) for t, s in parts)
)
URLS = st.one_of(st.just(""), TEXT.map(lambda s: f"https://example.org/{s}"))
SOURCES = st.builds(viewdata.SourceEntry, IDS, TEXT, FORMATTED, URLS, URLS, TEXT, TEXT)
CITING = st.lists(st.tuples(DOCS.filter(bool), IDS, TEXT), max_size=4).map(tuple)
DATA = {
    "people": st.lists(
        st.tuples(IDS, TEXT, TEXT, st.lists(st.tuples(EVENTS, TEXT, st.booleans()), max_size=3).map(tuple)),
        max_size=3,
    ).map(tuple),
    "topics": st.lists(st.tuples(IDS, TEXT, TEXT, st.lists(EVENTS, max_size=3).map(tuple)), max_size=3).map(tuple),
    "bibliography": st.lists(
        st.tuples(TEXT, st.lists(st.tuples(SOURCES, CITING), min_size=1, max_size=3).map(tuple)), max_size=2
    ).map(tuple),
}


@pytest.fixture(scope="module")
def basic(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root("basic", tmp_path_factory.mktemp("basic") / "src"))


@pytest.mark.parametrize("kind", VIEWS)
def test_any_data_gives_the_markup_of_its_nodes(basic: Build, kind: str) -> None:
    @settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(data=DATA[kind], docname=DOCS.filter(bool))
    def check(data: Any, docname: str) -> None:
        assert written_directly(basic, docname, kind, data) == written_by_sphinx(basic, docname, kind, data)

    check()


def test_resolving_puts_one_raw_node_in_place_of_an_index_view(basic: Build) -> None:
    doctree = basic.app.env.get_doctree("chronology/people")
    resolve_views(basic.app, doctree, "chronology/people")
    raw = [n for n in doctree.findall(nodes.raw) if "chron-people" in n.astext()]
    assert len(raw) == 1 and raw[0]["format"] == "html"
