"""The index views written straight to HTML (``htmlviews``) are exactly what the HTML writer makes of the
docutils nodes that every other builder gets (``render``), for the test projects and for any data."""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from typing import Any

import pytest
from docutils import nodes
from docutils.utils import new_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronology import htmlviews, render, viewdata
from chronology.index import EventLink
from chronology.model import Exchange
from chronology.views import resolve_views
from helpers import Build, build, copy_root

VIEWS = ("people", "topics", "bibliography")


#: Each part written straight to HTML, and the ``render`` function whose nodes it stands for.
PARTS: dict[str, tuple[Callable[..., str], Callable[..., Any]]] = {
    "header": (htmlviews.header, render.render_header),
    "sources": (htmlviews.sources, render.render_sources),
    **{kind: (htmlviews.VIEWS[kind], lambda ctx, data, kind=kind: render.view(ctx, kind, data)) for kind in VIEWS},
}


def _context(result: Build, docname: str) -> render.Context:
    return render.Context(result.app.builder, docname, render.figure_cache(result.app))


def written_by_sphinx(result: Build, docname: str, part: str, *data: Any) -> str:
    """The HTML writer's markup for the nodes ``render`` makes of the part, as a page of ``docname``."""
    builder = result.app.builder
    made = PARTS[part][1](_context(result, docname), *data)
    document = new_document(docname, builder.docsettings)  # type: ignore[attr-defined]
    document.extend(made if isinstance(made, list) else [made])
    translator = builder.create_translator(document, builder)
    document.walkabout(translator)
    return "".join(translator.body)


def written_directly(result: Build, docname: str, part: str, *data: Any) -> str:
    return PARTS[part][0](_context(result, docname), *data)


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


def test_each_event_header_and_source_list_is_the_markup_of_its_nodes(result: Build) -> None:
    index = result.app.env.domains["chron"].index  # type: ignore[attr-defined]
    bib_doc = index.doc_of("bibliography")
    for event in index.events:
        page = (result.outdir / f"{event.docname}.html").read_text(encoding="utf-8")
        header = viewdata.header(index, event)
        direct = written_directly(result, event.docname, "header", header)
        assert direct == written_by_sphinx(result, event.docname, "header", header)
        assert direct in page
        entries = viewdata.event_sources(index, event.docname)
        direct = written_directly(result, event.docname, "sources", entries, bib_doc)
        assert direct == (written_by_sphinx(result, event.docname, "sources", entries, bib_doc) if entries else "")
        assert direct in page


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


LINKS = st.tuples(DOCS, IDS, TEXT)
CARDS = st.builds(
    viewdata.Card,
    EVENTS,
    TEXT,
    st.just(()),
    st.sampled_from(["dialogue-round", "call", "x-y"]),
    st.sampled_from(["held", "cancelled", ""]),
    st.sampled_from(["in-person", "virtual", ""]),
    TEXT,
    TEXT,
    st.booleans(),
)
EXCHANGES = st.builds(
    Exchange,
    st.sampled_from([True, False, None]),
    TEXT,
    st.lists(TEXT, max_size=2).map(tuple),
    st.lists(TEXT, max_size=2).map(tuple),
    st.lists(TEXT, max_size=2).map(tuple),
    st.one_of(st.none(), st.integers(0, 99)),
    TEXT,
    st.sampled_from([True, False, None]),
)
HEADERS = st.builds(
    viewdata.Header,
    CARDS,
    st.one_of(st.none(), LINKS),
    st.one_of(st.none(), EVENTS),
    st.one_of(st.none(), EVENTS),
    TEXT,
    st.lists(
        st.builds(
            viewdata.Delegation, TEXT, st.lists(st.tuples(LINKS, TEXT, st.booleans(), TEXT), max_size=3).map(tuple)
        ),
        max_size=3,
    ).map(tuple),
    st.lists(LINKS, max_size=3).map(tuple),
    st.lists(st.tuples(st.sampled_from(["follow-up-of", "see-also"]), st.one_of(EVENTS, TEXT)), max_size=3).map(tuple),
    st.lists(TEXT, max_size=2).map(tuple),
    st.one_of(st.none(), EXCHANGES),
    st.lists(st.tuples(TEXT, TEXT), max_size=2).map(tuple),
)
ARGUMENTS = {
    **{kind: st.tuples(DATA[kind]) for kind in VIEWS},
    "header": st.tuples(HEADERS),
    "sources": st.tuples(st.lists(SOURCES, min_size=1, max_size=3).map(tuple), st.one_of(st.none(), DOCS)),
}


@pytest.mark.parametrize("part", list(PARTS))
def test_any_data_gives_the_markup_of_its_nodes(basic: Build, part: str) -> None:
    @settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(arguments=ARGUMENTS[part], docname=DOCS.filter(bool))
    def check(arguments: tuple[Any, ...], docname: str) -> None:
        assert written_directly(basic, docname, part, *arguments) == written_by_sphinx(basic, docname, part, *arguments)

    check()


def test_resolving_puts_one_raw_node_in_place_of_an_index_view(basic: Build) -> None:
    doctree = basic.app.env.get_doctree("chronology/people")
    resolve_views(basic.app, doctree, "chronology/people")
    raw = [n for n in doctree.findall(nodes.raw) if "chron-people" in n.astext()]
    assert len(raw) == 1 and raw[0]["format"] == "html"
