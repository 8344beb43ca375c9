"""The bibliography and the in-text labels in Chicago author-date, formatted by pandoc's citeproc in one pass
over every source record, and turned into docutils nodes so HTML and LaTeX share them.

Why pandoc: a reference list and its labels must be formatted together, or the labels cannot be told apart
(year suffixes, "2015a"/"2015b", given names added where two authors share a family name) and cannot agree
with the entries. pandoc's citeproc (the Haskell implementation of CSL 1.0.2) does disambiguation,
substitution and its suppression, punctuation inside quotation marks for U.S. English, and the style's own
sort; citeproc-py, used before, does none of the first and none of the third. pandoc comes as a wheel with
its binary (``pypandoc_binary``), so installing the package installs it.

The style is the Chicago Manual of Style, 18th edition, author-date (``chicago-author-date.csl``, vendored from
the CSL project's styles repository; by Andrew Dunning and the CSL contributors, licensed CC BY-SA 3.0). The
18th edition repeats an author's name in the list (no 3-em dash) and uses "et al." from three authors.

``format_all`` formats every record: the entries in the style's order and, for each record, the label a
citation of it alone gives ("Smith 2015a", "U.S. Department of State, n.d.-b"), in runs of records that cannot
be confused with one another. The result is cached by the records' content, the style and the language, so
builds that change no record do not run pandoc.
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache, lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from docutils import nodes

from sphinx_chronology.model.dates import DateError, parse_date
from sphinx_chronology.model.records import Source

STYLE = Path(__file__).with_name("chicago-author-date.csl")
_DATE_FIELDS = ("issued", "accessed")
_NOT_CSL = ("custom", "note", "URL")
#: The project's genres that Chicago prints as a description of the source ("Press release."); the others
#: ("news article", "web page", "official statement", ...) say what the entry's form already shows, or are
#: the project's own sorting, so the style is not given them.
PRINTED_GENRES = frozenset({"press release"})
ARTICLES = frozenset({"article", "article-journal", "article-magazine", "article-newspaper", "post", "post-weblog"})

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


def missing_fields(source: Source) -> list[tuple[str, str]]:
    """Fields that the record's genre (or CSL type) needs and it lacks; an undated online source needs the
    date it was consulted, which Chicago prints in place of the date of publication."""
    needs = REQUIRED.get(str(source.get("genre") or ""), ()) + REQUIRED.get(str(source.get("type") or ""), ())
    if source.get("URL") and not source.get("issued"):
        needs += (("accessed", "the date it was consulted (accessed: YYYY-MM-DD), since it shows no date"),)
    return [(name, what) for name, what in dict.fromkeys(needs) if not source.get(name)]


def csl_item(source: Source) -> dict[str, Any]:
    """The record as CSL-JSON (dates as date-parts), without the project's own fields and the URL."""
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


def _name(value: object) -> str:
    return str(value or "").strip().casefold()


def style_item(source: Source) -> dict[str, Any]:
    """What the style is given: the CSL item with its http(s) URL (Chicago prints it, and the access date
    only with it); a genre only where Chicago prints one; a document or speech read on a website as a web page of
    that site (the style would print "In <site>, ..." as for a chapter); no outlet or publisher that repeats
    the author (an article by its own outlet is listed under the outlet)."""
    item = csl_item(source)
    url = web_address(source.get("URL"))  # another scheme (javascript:, file:) is neither printed nor linked
    if url:
        item["URL"] = url
    if str(item.get("genre") or "") not in PRINTED_GENRES:
        item.pop("genre", None)
    if item["type"] in ("document", "speech") and item.get("container-title") and url:
        item["type"] = "webpage"
    authors = item.get("author")
    if not isinstance(authors, list):
        authors = []
    corporate = {_name(a.get("literal")) for a in authors if isinstance(a, dict) and a.get("literal")}
    if item.get("container-title") and _name(item["container-title"]) in corporate:
        if item["type"] in ARTICLES and len(authors) == 1:
            del item["author"]
        else:
            del item["container-title"]
    if item.get("publisher") and _name(item["publisher"]) in corporate | {_name(item.get("container-title"))}:
        del item["publisher"]
    return item


@dataclass(frozen=True)
class Formatted:
    """A record as the style gives it: the in-text label (``Smith 2015a``, HTML) and the list entry (HTML),
    with the entry's place in the style's order."""

    label: str
    entry: str
    position: int


class FormattingError(Exception):
    """pandoc could not format the records (its message says why)."""


@cache
def _pandoc() -> str:
    """The pandoc binary the ``pypandoc_binary`` wheel carries (found without importing pypandoc, which
    takes a tenth of a second), else one on the PATH."""
    spec = importlib.util.find_spec("pypandoc")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder, "files", "pandoc")
        if binary.is_file():
            return str(binary)
    found = shutil.which("pandoc")
    if not found:
        raise FormattingError("pandoc is not installed; reinstall the project (pip install -e .) to get it")
    return found


@cache
def _style_bytes() -> bytes:
    return STYLE.read_bytes()


def stamp(sources: Iterable[Source], language: str) -> str:
    """What the formatted bibliography depends on: every record as the style sees it, the style, the language."""
    digest = hashlib.sha256(_style_bytes())
    digest.update(language.encode())
    for source in sorted(sources, key=lambda s: s.id):
        digest.update(json.dumps(style_item(source), sort_keys=True, default=str).encode())
    return digest.hexdigest()


def pandoc_language(language: str) -> str:
    """Sphinx's language code (``zh_CN``) as the BCP 47 tag CSL locales use (``zh-CN``); English is U.S."""
    tag = (language or "en").replace("_", "-")
    return "en-US" if tag == "en" else tag


_CITATION = re.compile(r'<span class="citation" data-cites="([^"]*)">\((.*?)\)</span>', re.S)
_ENTRY = re.compile(r'<div id="ref-([^"]*)" class="csl-entry"[^>]*>\s*(.*?)\s*</div>', re.S)


#: The most records one run of pandoc formats. Its disambiguation takes time that grows much faster than the
#: number of records formatted together (1,666 records: 260 s in one run, against 2 s without disambiguation),
#: so records are formatted in groups that can never be confused with one another (``_first_element``).
#: Each run also costs about 0.15 s to start, and more than one run needs one more for the order: pandoc's CPU
#: for the benchmark's records in one run was 0.46 s (200 records), 0.88 (400), 1.61 (600), 2.8 (800), 4.5
#: (1,000); the project's 501 records took 1.2 s in one run and 1.7-2.2 s in runs of at most 200 and 400.
CHUNK = 600


def format_all(sources: Iterable[Source], language: str = "en") -> dict[str, Formatted]:
    """Every record formatted by pandoc's citeproc, each cited alone once, so that its label is the one a
    citation gives; the entries in the style's order.

    Two records can only get the same label, and so need telling apart, when they begin with the same name
    (or, without one, the same outlet or title). Records are grouped by that first element and the groups
    packed into runs of at most ``CHUNK`` records (run side by side); with more than one run, one more run
    without disambiguation gives the style's order of the whole list."""
    items = [style_item(source) for source in sources]
    if not items:
        return {}
    named = {str(item["id"]): item.get("author") for item in items}
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        groups.setdefault(_first_element(item), []).append(item)
    runs: list[list[dict[str, Any]]] = [[]]
    for group in sorted(groups.values(), key=len, reverse=True):
        if runs[-1] and len(runs[-1]) + len(group) > CHUNK:
            runs.append([])
        runs[-1].extend(group)
    workers = min(len(runs), os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        done = list(pool.map(lambda run: _run(run, language, disambiguate=True), runs))
    labels = {key: label for run_labels, _entries in done for key, label in run_labels.items()}
    entries = {key: entry for _labels, run_entries in done for key, entry in run_entries}
    order = [key for key, _entry in done[0][1]] if len(runs) == 1 else [k for k, _ in _run(items, language)[1]]
    return {
        key: Formatted(
            _family_first_label(labels.get(key, html.escape(key)), named[key]),
            _family_first(entries[key], named[key]),
            position,
        )
        for position, key in enumerate(order)
    }


def _first_element(item: dict[str, Any]) -> str:
    """What an entry begins with, as far as telling entries apart goes: the first author's (or editor's)
    family name, else the outlet or title that stands for the author, in lower case."""
    for role in ("author", "editor"):
        names = item.get(role)
        if isinstance(names, list) and names and isinstance(names[0], dict):
            return str(names[0].get("family") or names[0].get("literal") or "").casefold()
    return str(item.get("container-title") or item.get("title") or "").casefold()


@cache
def _undisambiguated_style() -> str:
    """The style without its disambiguation: it sorts the whole list the same way, in a fraction of the time."""
    style = _style_bytes().decode("utf-8")
    return re.sub(r'\s(?:disambiguate-add-[a-z]+|givenname-disambiguation-rule)="[^"]*"', "", style)


def _run(
    items: list[dict[str, Any]], language: str, disambiguate: bool = False
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """One run of pandoc: each item's label and, in the style's order, its entry (by record key)."""
    # a key pandoc's citation syntax cannot carry is cited by its position instead
    aliases = {f"k{n}": str(item["id"]) for n, item in enumerate(items)}
    text = "\n\n".join(f"[@{alias}]" for alias in aliases)
    with tempfile.TemporaryDirectory() as tmp:
        records, style = Path(tmp, "records.json"), Path(tmp, "style.csl")
        aliased = [{**item, "id": alias} for alias, item in zip(aliases, items, strict=True)]
        records.write_text(json.dumps(aliased, ensure_ascii=False, default=str), encoding="utf-8")
        if not disambiguate:
            style.write_text(_undisambiguated_style(), encoding="utf-8")
        command = [_pandoc(), "--citeproc", "--csl", str(STYLE if disambiguate else style)]
        command += ["--bibliography", str(records), "--from", "markdown", "--to", "html", "--wrap", "none"]
        command += ["-M", f"lang={pandoc_language(language)}"]
        done = subprocess.run(command, input=text, capture_output=True, text=True, encoding="utf-8", check=False)
    if done.returncode != 0:
        raise FormattingError(done.stderr.strip() or f"pandoc exited with status {done.returncode}")
    labels = {aliases[found.group(1)]: found.group(2) for found in _CITATION.finditer(done.stdout)}
    return labels, [(aliases[found.group(1)], found.group(2)) for found in _ENTRY.finditer(done.stdout)]


def _family_first_names(authors: object) -> Iterator[tuple[str, str, str]]:
    """The names marked ``static-ordering`` among ``authors``, each as (family, given, written): the two parts
    as they appear in pandoc's HTML, regex-escaped, and the name written family name first ("Chen Weihua")."""
    for name in authors if isinstance(authors, list) else []:
        if isinstance(name, dict) and name.get("static-ordering") and name.get("family") and name.get("given"):
            family, given = html.escape(str(name["family"]), False), html.escape(str(name["given"]), False)
            yield re.escape(family), re.escape(given), f"{family} {given}"


def _family_first_label(label: str, authors: object) -> str:
    """A label that the style told apart by the given name or its initials ("W. Chen 2014", "Jiayao Li
    2017") gives a name marked ``static-ordering`` whole, family name first ("Chen Weihua 2014"), as Chicago
    writes it."""
    initials = r"(?:\b[A-Z][a-z]?\.[ -]?)+\s?"
    for family, given, written in _family_first_names(authors):
        label = re.sub(rf"(?:{initials}|\b{given} ){family}\b", written, label)
    return label


def _family_first(entry: str, authors: object) -> str:
    """The entry with the names marked ``static-ordering`` (Chinese names, say) written family name first and
    without a comma, "Chen Weihua", wherever the style wrote "Chen, Weihua" or "Weihua Chen". pandoc's
    citeproc does not apply the flag to names in Latin script, though CSL and Chicago (8.15) ask for it."""
    for family, given, written in _family_first_names(authors):
        entry = re.sub(rf"\b(?:{family}, {given}|{given} {family})\b", written, entry)
    if isinstance(authors, list) and len(authors) == 2:  # the comma after the first of two followed an inversion
        for _family, _given, written in _family_first_names(authors[:1]):
            entry = entry.replace(f"{written}, and ", f"{written} and ", 1)
    return entry


#: A formatted text as a tree: (tag, address, children), children being text or trees; tags are the HTML the
#: docutils writer gives for the nodes ``to_nodes`` makes (``em``, ``strong``, ``sup``, ``sub``, ``span``),
#: and ``a`` for a link, whose address is the second element (empty for the other tags).
Markup = tuple[str, str, tuple["Markup | str", ...]]

_TAGS = {"i": "em", "em": "em", "b": "strong", "strong": "strong", "sup": "sup", "sub": "sub", "a": "a"}
_NODES: dict[str, type[nodes.Element]] = {
    "em": nodes.emphasis,
    "strong": nodes.strong,
    "sup": nodes.superscript,
    "sub": nodes.subscript,
    "span": nodes.inline,
}


def web_address(value: object) -> str:
    """The address if it is one a reader can follow (http or https), else ''."""
    text = str(value or "")
    return text if text.startswith(("http://", "https://")) else ""


class _Parser(HTMLParser):
    """pandoc's HTML (em, strong, span, sup, sub, a) as a ``Markup`` tree; any other tag becomes a plain span,
    and a link to anything but an http(s) address plain text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, list[Any]]] = [("span", "", [])]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = _TAGS.get(tag, "span")
        href = web_address(dict(attrs).get("href")) if name == "a" else ""
        element: tuple[str, str, list[Any]] = ("a" if href else "span" if name == "a" else name, href, [])
        self.stack[-1][2].append(element)
        self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1][2].append(data)


def _frozen(element: tuple[str, str, list[Any]]) -> Markup:
    tag, href, children = element[0], element[1], tuple(c if isinstance(c, str) else _frozen(c) for c in element[2])
    if tag == "em" and _CJK.search(markup_text(children)):
        tag = "span"  # Chinese, Japanese and Korean characters are never set in italics (no such face exists)
    return tag, href, children


_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def markup_text(children: tuple[Markup | str, ...]) -> str:
    """The text of formatted parts (a ``Markup`` tree's children), without their markup."""
    return "".join(c if isinstance(c, str) else markup_text(c[2]) for c in children)


@lru_cache(maxsize=8192)
def parse(formatted: str) -> Markup:
    """The tree of a formatted entry or label, parsed once however many pages show it."""
    parser = _Parser()
    parser.feed(formatted)
    parser.close()
    return _frozen(parser.stack[0])


def plain(formatted: str) -> str:
    """The text of a formatted entry or label, without its markup."""
    return markup_text(parse(formatted)[2])


def _element(markup: Markup) -> nodes.Element:
    tag, href, children = markup
    element: nodes.Element = nodes.reference("", "", refuri=href) if tag == "a" else _NODES[tag]()
    for child in children:
        element += nodes.Text(child) if isinstance(child, str) else _element(child)
    return element


def to_nodes(formatted: str, css_class: str = "chron-csl") -> nodes.Element:
    """The entry (or label) as docutils inline nodes, in a span of class ``css_class``."""
    root = _element(parse(formatted))
    root["classes"].append(css_class)
    return root
