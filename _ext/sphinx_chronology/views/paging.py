"""Index pages that stay small however large the chronology grows: the people, topics and sources indexes,
split into a page per initial letter on the web when they outgrow ``chronology_index_page_size``.

This is what Sphinx does for its own general index (``html_split_index``: ``genindex.html`` lists the letters,
``genindex-A.html`` holds A), made the same way: the letter pages are extra pages that the html and dirhtml
builders write at ``html-collect-pages`` through the theme's ``page.html``, their content rendered by the
builder's translator (``render_partial``) from the view's own nodes, so that they look like the index page and
are one renderer's output. A letter that alone outgrows the size is cut into numbered pages (``people-p``,
``people-p-2``). The index page keeps its text and gets the letters, with the first and last entry of each
page. Every other builder (the PDF, singlehtml, epub, text) keeps the whole index on its page.

Links keep working: a link to an entry (``people.html#person-x``) is written to the letter page that holds it,
wherever it is made (the views' layouts, their docutils nodes, cross-references); and a link made elsewhere to
the index page's old anchor (a bookmark, the search results, which Sphinx can only point at documents) is
forwarded there by a small script on the index page. Where a part begins depends only on the entries of its
own letter, so adding an entry moves no other letter's pages; every page that links into a split index is
fingerprinted with where its parts begin (``incremental.py``), so none keeps a link to a moved entry.

The size counts lines: an entry and each event or citing passage it lists (about 200 bytes of HTML each).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import new_document
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.osutil import relative_uri

from sphinx_chronology.locale import _
from sphinx_chronology.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx_chronology.store.index import Index
    from sphinx_chronology.views.layout import Para

#: the builders that write an index split into letter pages; the others keep it whole
PAGED_BUILDERS = ("html", "dirhtml")


@dataclass(frozen=True)
class Paging:
    """How a view is split: ``entries(data)`` gives (anchor, letter, label, lines) for each entry in order,
    ``subset(data, start, stop)`` the view's data for entries ``start`` to ``stop``; ``letters`` the prefix
    of the anchors of its letter headings (``people``: ``people-A``), if it has them."""

    entries: Callable[[Any], tuple[tuple[str, str, str, int], ...]]
    subset: Callable[[Any, int, int], Any]
    letters: str = ""


@dataclass(frozen=True)
class Part:
    """A letter page: its document-like name, the letter, its number among the letter's pages, the entries
    it holds (``start`` to ``stop``), the labels of its first and last entry, and the anchors it holds."""

    page: str
    letter: str
    number: int
    of: int
    start: int
    stop: int
    first: str
    last: str
    anchors: tuple[str, ...]

    @property
    def name(self) -> str:
        letter = self.letter if self.letter != "#" else _("Other")
        return f"{letter} ({self.number}/{self.of})" if self.of > 1 else letter


def _slug(letter: str) -> str:
    return letter.lower() if letter.isalpha() else "other"


def split(doc: str, entries: tuple[tuple[str, str, str, int], ...], size: int) -> tuple[Part, ...]:
    """The letter pages of ``doc``'s index, or none when the whole index fits in ``size`` lines. A letter's
    entries (each run of them, where the view's order is not strictly by letter) are cut where they reach the
    size, so a page's extent never depends on another letter's entries."""
    if sum(lines for *_, lines in entries) <= size:
        return ()
    cuts: list[tuple[str, list[int]]] = []
    filled = 0
    for position, (_anchor, letter, _label, lines) in enumerate(entries):
        if not cuts or cuts[-1][0] != letter or filled + lines > size:
            cuts.append((letter, []))
            filled = 0
        cuts[-1][1].append(position)
        filled += lines
    totals = Counter(letter for letter, _ in cuts)
    numbers: Counter[str] = Counter()
    parts = []
    for letter, cut in cuts:
        numbers[letter] += 1
        number = numbers[letter]
        parts.append(
            Part(
                f"{doc}-{_slug(letter)}" + (f"-{number}" if number > 1 else ""),
                letter,
                number,
                totals[letter],
                cut[0],
                cut[-1] + 1,
                entries[cut[0]][2],
                entries[cut[-1]][2],
                tuple(entries[p][0] for p in cut),
            )
        )
    return tuple(parts)


def parts_of(index: Index, kind: str, size: int) -> tuple[Part, ...]:
    """The letter pages of the view ``kind``'s index (none if it is not split), once per build."""
    from sphinx_chronology.views.catalog import KINDS, view_data

    declared = KINDS.get(kind)
    doc = index.doc_of(kind)
    if declared is None or declared.paging is None or not doc:
        return ()
    paging = declared.paging
    return index.memoized(
        ("parts", kind, str(size)),
        lambda: split(doc, paging.entries(view_data(index, kind, "")), size),
    )


def _paged() -> dict[str, Paging]:
    from sphinx_chronology.views.catalog import KINDS

    return {name: kind.paging for name, kind in KINDS.items() if kind.paging is not None}


def placement(index: Index, size: int) -> dict[str, dict[str, str]]:
    """For each split index page: the letter page of each anchor it had (its entries and its letters)."""

    def compute() -> dict[str, dict[str, str]]:
        placed: dict[str, dict[str, str]] = {}
        from sphinx_chronology.views.nodes import search_anchor

        for kind, paging in _paged().items():
            doc = index.doc_of(kind)
            for part in parts_of(index, kind, size):
                anchors = placed.setdefault(doc or "", {})
                for anchor in part.anchors:
                    anchors[anchor] = anchors[search_anchor(anchor)] = part.page
                if paging.letters:
                    letter = part.letter if part.letter.isalpha() else "other"
                    anchors.setdefault(f"{paging.letters}-{letter}", part.page)
        return placed

    return index.memoized(("placement", str(size)), compute)


def pages_digest(index: Index, size: int) -> str:
    """Where every letter page begins and ends: what the pages that link into split indexes depend on."""
    extents = [(p.page, p.anchors[0], p.anchors[-1]) for kind in _paged() for p in parts_of(index, kind, size)]
    return hashlib.sha256(repr(extents).encode("utf-8")).hexdigest()


def pages(builder: Builder) -> bool:
    return builder.name in PAGED_BUILDERS


def page_of(builder: Builder, docname: str, anchor: str) -> str:
    """The page a link to ``docname#anchor`` goes to: the letter page holding the anchor where an index is
    split, else ``docname``."""
    if not anchor or builder.name not in PAGED_BUILDERS:
        return docname
    from sphinx_chronology.store.domain import domain_of

    size = int(builder.config.chronology_index_page_size)
    return placement(domain_of(builder.env).index, size).get(docname, {}).get(anchor, docname)


def size_of(builder: Builder) -> int:
    return int(builder.config.chronology_index_page_size)


def letter_pages(builder: Builder, index: Index, kind: str) -> tuple[Part, ...]:
    """The letter pages the view ``kind``'s index is split into by ``builder`` (none where the builder keeps
    indexes whole, or the index fits one page): what its index page shows in place of its entries."""
    return parts_of(index, kind, size_of(builder)) if pages(builder) else ()


def letters_bar(parts: tuple[Part, ...], current: str = "", up: tuple[str, str] | None = None) -> Para:
    """A link to every letter page (the current one in bold), after a link ``up`` to the index page."""
    from sphinx_chronology.views.layout import Link, Para, Strong

    bar: list[Any] = [Link(up[0], "", f"\u2191 {up[1]}"), " \u00b7"] if up else []
    for part in parts:
        if bar:
            bar.append(" ")
        bar.append(Strong((part.name,)) if part.page == current else Link(part.page, "", part.name))
    return Para(("chron-letters",), tuple(bar))


def directory(ctx: Any, parts: tuple[Part, ...]) -> list[nodes.Node]:
    """What a split index page shows in place of its entries: the letters, each page with its first and last
    entry, and the script that forwards an old link to an entry to the page now holding it (a node the HTML
    translator writes; other builders never split an index, and would leave it out)."""
    from sphinx_chronology.views.layout import Block, Bullets, Link, Para, emit

    rows = []
    for part in parts:
        extent = part.first if part.last == part.first else f"{part.first} \u2013 {part.last}"
        rows.append((Link(part.page, "", part.name), f": {extent}"))
    blocks: tuple[Block, ...] = (
        Para((), (_("This index is in %(count)d pages, by initial letter.") % {"count": len(parts)},)),
        letters_bar(parts),
        Bullets(("chron-index-pages",), tuple(rows)),
    )
    made: list[nodes.Node] = [emit(ctx, blocks[0]), emit(ctx, blocks[1]), emit(ctx, blocks[2])]
    pages = [ctx.builder.get_relative_uri(ctx.docname, part.page) for part in parts]
    where = {anchor: number for number, part in enumerate(parts) for anchor in part.anchors}
    made.append(forwarding(pages=pages, anchors=where))
    return made


class forwarding(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Where the entries of a split index went: ``pages`` (relative addresses of the letter pages) and
    ``anchors`` (an entry's anchor -> the number of the page holding it), for the script that forwards an
    old link."""


def visit_forwarding_html(translator: Any, node: forwarding) -> None:
    data = json.dumps({"p": node["pages"], "a": node["anchors"]}, ensure_ascii=True, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    translator.body.append(
        "<script>(function(){var d=" + data + ";function go(){var h=decodeURIComponent(location.hash.slice(1));"
        "if(!h||document.getElementById(h))return;var n=d.a[h.replace(/-entry$/,'')];"
        "if(n!==undefined)location.replace(d.p[n]+'#'+encodeURIComponent(h));}go();"
        "addEventListener('hashchange',go);})();</script>\n"
    )
    raise nodes.SkipNode


def _index_for_search(builder: Builder, page: str, title: str, words: str) -> None:
    """The letter page's words in the search index, on every build. Sphinx keeps the words of its documents
    alone: it drops every other page's when it loads the index and again when it writes it
    (``prune(env.all_docs)``), and has no hook for extra pages; so the indexer's ``prune`` is told to keep
    the letter pages too. The index records which pages hold a word, not how often: each word is fed once."""
    indexer = getattr(builder, "indexer", None)
    if indexer is None:
        return
    kept: set[str] | None = getattr(indexer, "_chronology_pages", None)
    if kept is None:
        kept = set()
        prune = indexer.prune

        def prune_keeping_pages(docnames: Any) -> None:
            prune([*docnames, *kept])

        indexer.prune = prune_keeping_pages
        indexer._chronology_pages = kept
    kept.add(page)
    document = new_document(page)
    document += nodes.paragraph(words, words)
    indexer.feed(page, f"{page}.html", title, document)


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """At ``html-collect-pages``: the letter pages whose content changed since this builder last wrote them
    (or that are missing), through the theme's ``page.html``. A build in which no document, data file or
    setting changed (a no-op) only gives the search index the words it kept of each page."""
    builder = app.builder
    if builder.name not in PAGED_BUILDERS:
        return
    from sphinx_chronology.exports import inputs_stamp
    from sphinx_chronology.incremental import fingerprint

    env = app.env
    size = size_of(builder)
    manifest = Path(app.doctreedir, f"chronology-pages-{builder.name}.json")
    try:
        stored = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = {}
    if not isinstance(stored, dict) or not isinstance(stored.get("pages"), dict):
        stored = {"pages": {}}
    stamp = fingerprint((inputs_stamp(app), size, env.config.html_title))
    written: dict[str, list[str]] = stored["pages"]
    outfile = builder.get_outfilename  # type: ignore[attr-defined]
    if stored.get("stamp") == stamp and all(Path(outfile(page)).is_file() for page in written):
        for page, (_page_stamp, title, words) in written.items():
            _index_for_search(builder, page, title, words)
        return
    made: dict[str, list[str]] = {}
    pending = []
    for part, page_stamp, make in _letter_pages(app, size):
        kept = written.get(part.page)
        if kept and kept[0] == page_stamp and Path(outfile(part.page)).is_file():
            made[part.page] = kept  # unchanged: neither built nor rendered again
            continue
        context, words = make()
        made[part.page] = [page_stamp, context["title"], words]
        pending.append((part.page, context, "page.html"))
    for page, (_page_stamp, title, words) in made.items():
        _index_for_search(builder, page, title, words)
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps({"stamp": stamp, "pages": made}, sort_keys=True), encoding="utf-8")
    yield from pending


def _letter_pages(app: Sphinx, size: int) -> Iterator[tuple[Part, str, Callable[[], tuple[dict[str, Any], str]]]]:
    """Every letter page: its part, a hash of what it shows, and a function that builds it: its template
    context (``body`` rendered on demand) and its words for the search index. A page whose hash is that of
    the page already written is not built at all (an edit changes a few letter pages, not all of them)."""
    from sphinx_chronology.incremental import fingerprint
    from sphinx_chronology.store.domain import domain_of
    from sphinx_chronology.views.catalog import KINDS, view_data

    env = app.env
    index = domain_of(env).index
    for kind in _paged():
        parts = parts_of(index, kind, size)
        doc = index.doc_of(kind)
        declared = KINDS[kind]
        if not parts or not doc or declared.paging is None:
            continue
        data = view_data(index, kind, "")
        title_node = env.titles.get(doc)
        title = title_node.astext() if title_node is not None else doc
        for number, part in enumerate(parts):
            if part.page in env.found_docs:
                warn(
                    Subtype.config,
                    f"the index {doc!r} is split into letter pages and {part.page!r}, one of its pages, is a "
                    "document of the project: rename the document, or raise chronology_index_page_size.",
                    doc,
                )
                continue
            subset = declared.paging.subset(data, part.start, part.stop)
            stamp = fingerprint((subset, parts, title, env.config.project, env.config.html_title))
            yield part, stamp, functools.partial(_build, app, declared, subset, parts, number, doc, title)


def _build(
    app: Sphinx, declared: Any, subset: Any, parts: tuple[Part, ...], number: int, doc: str, title: str
) -> tuple[dict[str, Any], str]:
    """A letter page's template context and its words for the search index."""
    from sphinx_chronology.figures.cache import figure_cache
    from sphinx_chronology.store.domain import domain_of
    from sphinx_chronology.views.layout import emit
    from sphinx_chronology.views.render import Context

    builder, part = app.builder, parts[number]
    ctx = Context(builder, part.page, figure_cache(app), domain_of(app.env).index, part=True)
    heading = f"{title}: {part.name}"
    section = nodes.section("", nodes.title(heading, heading), ids=[f"{_slug(part.letter)}-{part.number}"])
    section += emit(ctx, letters_bar(parts, part.page, (doc, title)))
    section.extend(declared.render(ctx, subset))
    neighbours = {
        key: {"link": builder.get_relative_uri(part.page, other.page), "title": f"{title}: {other.name}"}
        for key, other in (
            ("prev", parts[number - 1] if number else None),
            ("next", parts[number + 1] if number + 1 < len(parts) else None),
        )
        if other is not None
    }
    context = {
        "title": heading,
        "body": _Body(builder, part.page, section),
        "parents": [{"link": builder.get_relative_uri(part.page, doc), "title": title}],
        **neighbours,
    }
    return context, " ".join(dict.fromkeys(section.astext().split()))


class _Body:
    """A letter page's HTML, rendered by the builder's translator when the template asks for it, so that a
    page that did not change is not rendered. The translator reads what the builder sets for each page it
    writes (``write_doc``): set here for the letter page, which has no numbered sections or figures."""

    def __init__(self, builder: Builder, page: str, section: nodes.section) -> None:
        self.builder, self.page, self.section = builder, page, section

    def __str__(self) -> str:
        builder: Any = self.builder
        where = builder.get_target_uri(self.page)
        builder.secnumbers, builder.fignumbers = {}, {}
        builder.imgpath, builder.dlpath = relative_uri(where, "_images"), relative_uri(where, "_downloads")
        builder.current_docname = self.page
        return str(builder.render_partial(self.section)["fragment"])

    def __html__(self) -> str:
        return str(self)
