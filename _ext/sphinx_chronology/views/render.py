"""What the views' nodes share: where they are written (``Context``, with its links) and the texts several
views show, decided once (an event link's text, a delegate's role, the archive note, citing pages grouped).

The views (one module each) make ordinary docutils nodes: tables, lists, paragraphs, containers with
sphinx-design classes, so every builder renders them; HTML-only styling is carried by classes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.builders import Builder

from sphinx_chronology.locale import _
from sphinx_chronology.store.index import EventLink, Index
from sphinx_chronology.views.nodes import reference_to, search_anchor, with_anchor
from sphinx_chronology.views.paging import page_of

if TYPE_CHECKING:
    from sphinx_chronology.views.sources import SourceEntry


@dataclass(frozen=True)
class Context:
    """Where the nodes go: the builder, the document they are written into, the figure cache."""

    builder: Builder
    docname: str
    figure_cache: Path
    index: Index | None = None  # the project's lookups, for views that link to pages (figures)
    part: bool = False  # written on one letter page of a split index (``paging.py``)
    #: relative URIs from this page, by target document: a page links to a few pages many times
    _uris: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def html(self) -> bool:
        return self.builder.format == "html"

    @property
    def fast_html(self) -> bool:
        """Whether layouts with web links are written straight through the HTML translator: not for epub,
        whose ``epub_show_urls`` adds the addresses of the links it finds in the doctree."""
        return self.html and self.builder.name != "epub"

    def ref(self, docname: str, anchor: str, text: str, title: str | None = None, page: bool = False) -> nodes.Node:
        """A link to ``docname#anchor`` showing ``text`` (plain text when there is no page).

        With ``page``, the PDF follows the link with the page it leads to."""
        if not docname:
            return nodes.inline(text, text)
        docname = page_of(self.builder, docname, anchor)
        if not self.html:
            return reference_to(
                self.builder, self.docname, docname, anchor, nodes.inline(text, text), title or text, page
            )
        if docname == self.docname and anchor:
            return nodes.reference("", text, internal=True, refid=anchor, reftitle=title or text)
        uri = self._uris.get(docname)
        if uri is None:
            uri = self._uris[docname] = self.builder.get_relative_uri(self.docname, docname)
        return nodes.reference("", text, internal=True, refuri=with_anchor(uri, anchor), reftitle=title or text)

    def event(self, event: EventLink, with_date: bool = False) -> nodes.Node:
        text, title = event_text(event, with_date)
        return self.ref(event.docname, "", text, title, page=True)


def event_text(event: EventLink, with_date: bool) -> tuple[str, str]:
    """A link to an event: its text (the title, and the date if asked) and its title (always with date),
    the date left out where the title already ends with it ("..., July 2013")."""
    return (event.dated if with_date else event.title), event.dated


def role_text(title: str, role: str, lead: bool) -> str:
    """What a delegate was at an event: the title then, the role, and whether they led."""
    return ", ".join(filter(None, (title, role, str(_("head of delegation")) if lead else "")))


def archive_text(entry: SourceEntry) -> str:
    return _("archived copy, captured %s") % entry.archive_date if entry.archive_date else str(_("archived copy"))


def initial(text: str) -> str:
    """The letter a name or entry is listed under: its first letter or digit without accents (Ébert under E,
    “China…” under C), or "#" for a digit or another script."""
    for char in text:
        if char.isalnum():
            letter = unicodedata.normalize("NFKD", char)[:1].upper()
            return letter if "A" <= letter <= "Z" else "#"
    return "#"


def letter_anchor(prefix: str, letter: str) -> str:
    """The anchor of a letter's part of an index (``people-A``); "#" (digits, other scripts) is ``-other``,
    as no anchor can hold it."""
    return f"{prefix}-{letter}" if letter.isalpha() else f"{prefix}-other"


def citing_pages(citing: tuple[tuple[str, str, str], ...]) -> dict[tuple[str, str], list[str]]:
    """Each citing page once, (docname, title), with the anchors of its citing passages in order."""
    pages: dict[tuple[str, str], list[str]] = {}
    for doc, anchor, title in citing:
        pages.setdefault((doc, title), []).append(anchor)
    return pages


def joined(items: list[nodes.Node], separator: str = ", ") -> list[nodes.Node]:
    """``items`` with ``separator`` between them."""
    result: list[nodes.Node] = []
    for position, item in enumerate(items):
        if position:
            result.append(nodes.Text(separator))
        result.append(item)
    return result


def anchor_target(anchor: str) -> nodes.target:
    """A target for ``anchor`` and for its search-index twin (``search_anchor``)."""
    return nodes.target("", "", ids=[anchor, search_anchor(anchor)])
