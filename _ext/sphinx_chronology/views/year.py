"""The chronology by year: a year page shows its events as cards (with their table of contents, hidden), and
the years' page lists the year pages."""

from __future__ import annotations

import posixpath
import re

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from sphinx_chronology.locale import _
from sphinx_chronology.store.index import Index
from sphinx_chronology.views.base import ViewKind, placeholder
from sphinx_chronology.views.data import Card, card
from sphinx_chronology.views.header import event_link
from sphinx_chronology.views.layout import Block, Box, Inline, Line, Link, Para, Styled, emit
from sphinx_chronology.views.render import Context
from sphinx_chronology.warnings import Subtype, warn

_YEAR = re.compile(r"^\d{4}$")


def _toctree(directive: SphinxDirective, docnames: list[str], hidden: bool) -> nodes.compound:
    """A toctree over ``docnames``; the page is re-read when documents are added to or removed from its folder."""
    env = directive.env
    toc = addnodes.toctree()
    toc["parent"] = env.docname
    toc["entries"] = [(None, docname) for docname in docnames]
    toc["includefiles"] = list(docnames)
    toc["maxdepth"] = 1
    toc["caption"] = None
    toc["glob"] = False
    toc["hidden"] = hidden
    toc["includehidden"] = False
    toc["numbered"] = 0
    toc["titlesonly"] = True
    directive.set_source_info(toc)
    return nodes.compound("", toc, classes=["toctree-wrapper"])


def listed_folder_changed(docname: str, kind: str, changed: set[str]) -> bool:
    """Whether adding or removing ``changed`` documents alters the toctree of a year or years view in
    ``docname`` (so that page, and only that page, is re-read; see ``incremental.on_env_get_outdated``)."""
    folder = posixpath.dirname(docname)
    prefix = f"{folder}/" if folder else ""
    for other in changed:
        if not other.startswith(prefix) or other == docname:
            continue
        rest = other[len(prefix) :]
        if (kind == "year" and "/" not in rest) or (kind == "years" and re.fullmatch(r"\d{4}/index", rest)):
            return True
    return False


class ChronologyYear(SphinxDirective):
    """A year page: the year's events as cards, and (hidden) the table of contents of its event pages.

    The year is the argument, or the name of the folder holding the page (``chronology/2014/index.md``).
    """

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        folder = posixpath.dirname(self.env.docname)
        year = self.arguments[0] if self.arguments else posixpath.basename(folder)
        if not _YEAR.match(year):
            warn(
                Subtype.view,
                f"chronology-year needs a four-digit year, got {year!r}; put the page in a "
                "folder named after the year or give the year as the argument.",
                self.get_location(),
            )
            return []
        prefix = f"{folder}/" if folder else ""
        pages = sorted(
            d
            for d in self.env.found_docs
            if d.startswith(prefix) and "/" not in d[len(prefix) :] and d != self.env.docname
        )
        return [placeholder(self, "year", year), _toctree(self, pages, hidden=True)]


class ChronologyYears(SphinxDirective):
    """The years' table of contents: every ``<yyyy>/index`` page beside this one, in order."""

    def run(self) -> list[nodes.Node]:
        folder = posixpath.dirname(self.env.docname)
        prefix = f"{folder}/" if folder else ""
        pages = sorted(
            d for d in self.env.found_docs if d.startswith(prefix) and re.fullmatch(r"\d{4}/index", d[len(prefix) :])
        )
        return [placeholder(self, "years"), _toctree(self, pages, hidden=False)]


YearLink = tuple[str, str]  # (year, docname of its page)


def year(index: Index, year_text: str) -> tuple[tuple[Card, ...], YearLink | None, YearLink | None]:
    """The year's cards, and the years with pages just before and after it (for the links between years)."""
    pages = sorted((int(arg), doc) for (kind, arg), doc in index.view_docs.items() if kind == "year" and arg.isdigit())
    this = int(year_text)
    earlier = [(str(y), doc) for y, doc in pages if y < this]
    later = [(str(y), doc) for y, doc in pages if y > this]
    cards = tuple(card(index, event) for event in index.by_year.get(this, []))
    return cards, (earlier[-1] if earlier else None), (later[0] if later else None)


def badges(card: Card, html: bool) -> Line:
    """The card's kind, status, format, series and flags: sphinx-design badges in HTML, a dotted line else."""
    labels = [(card.kind, "secondary"), (card.status, card.status_badge)]
    if card.format_badge:
        labels.append((card.format, "info"))
    if card.series:
        labels.append((" ".join(filter(None, (card.series, card.round))), "primary"))
    if card.uncertain:
        labels.append((str(_("Partly unverified")), "warning"))
    if card.invalid:
        labels.append((str(_("Incomplete entry")), "danger"))
    if not html:
        return (" \u00b7 ".join(text for text, _colour in labels),)
    line: list[Inline] = []
    for text, colour in labels:
        classes = ("sd-badge", f"sd-bg-{colour}", f"sd-bg-text-{colour}")
        line += [Styled("span", classes, (text,)), " "]
    return tuple(line)


def card_layout(card: Card, html: bool) -> Box:
    """An event as a card: its title (linked), date and place, the heads of delegation, its badges."""
    blocks: list[Block] = [
        Para(("chron-card-title",), (event_link(card.event),)),
        Para(("chron-card-when",), (" \u00b7 ".join(filter(None, (card.event.when, card.place))),)),
    ]
    if card.leads:
        leads = "; ".join(f"{side}: {', '.join(names)}" for side, names in card.leads)
        blocks.append(Para(("chron-card-leads",), (leads,)))
    blocks.append(Para(("chron-badges",), badges(card, html)))
    # sphinx-design's card, drawn by the stylesheet from one class each: a year of 600 events stays under 500 KB
    body = Box((), ("chron-card-body",), tuple(blocks))
    return Box((), ("chron-card",), (body,))


def render_cards(ctx: Context, cards: tuple[Card, ...], empty: str) -> list[nodes.Node]:
    if not cards:
        return [nodes.paragraph(text=empty, classes=["chron-empty"])]
    return [emit(ctx, Box((), ("chron-cards",), tuple(card_layout(card, ctx.html) for card in cards)))]


def render_year(ctx: Context, data: tuple[tuple[Card, ...], YearLink | None, YearLink | None]) -> list[nodes.Node]:
    cards, earlier, later = data
    line: list[Inline] = []
    if earlier:
        line += [Link(earlier[1], "", f"\u2190 {earlier[0]}", page=True)]
    if earlier and later:
        line += [" \u00b7 "]
    if later:
        line += [Link(later[1], "", f"{later[0]} \u2192", page=True)]

    def around() -> list[nodes.Node]:  # above and below the cards, each its own node
        return [emit(ctx, Para(("chron-year-nav",), tuple(line)))] if line else []

    return [*around(), *render_cards(ctx, cards, _("No events recorded for this year.")), *around()]


YEAR = ViewKind("year", year, render_year, {"chronology-year": ChronologyYear})
YEARS = ViewKind("years", lambda index, arg: (), lambda ctx, data: [], {"chronology-years": ChronologyYears})
