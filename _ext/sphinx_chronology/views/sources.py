"""Sources as readers meet them: the list under each event page (derived from its citations) and the
bibliography, one list in the style's order (Chicago's single alphabetical list) under a bar of its initial
letters, with the passages that cite each source ("cited by")."""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes

from sphinx_chronology.bibliography.csl import Markup, markup_text, parse, plain, to_nodes, web_address
from sphinx_chronology.locale import _
from sphinx_chronology.store.index import Index
from sphinx_chronology.views.base import SimpleView, ViewKind
from sphinx_chronology.views.layout import Box, Bullets, External, Inline, Line, Link, Rubric, Styled, make_layout_node
from sphinx_chronology.views.layout import to_nodes as layout_nodes
from sphinx_chronology.views.nodes import page_reference
from sphinx_chronology.views.paging import Paging
from sphinx_chronology.views.render import (
    Context,
    anchor_target,
    archive_text,
    citing_pages,
    initial,
    joined,
    letter_anchor,
)


@dataclass(frozen=True)
class SourceEntry:
    """A bibliography entry: the label and the formatted reference (HTML from the style, its address in
    it), the archived copy, and the letter the entry is listed under."""

    key: str
    label: str
    label_text: str
    formatted: str
    archive_url: str
    archive_date: str
    initial: str


def source_entry(index: Index, key: str) -> SourceEntry:
    """A source as listed: once per build, however many pages cite it."""
    return index.memoized(("source", key), lambda: _source_entry(index, key))


def _source_entry(index: Index, key: str) -> SourceEntry:
    source = index.registry.sources[key]
    custom = source.get("custom") or {}
    assert isinstance(custom, dict)
    formatted = index.formatted(key)
    return SourceEntry(
        key=key,
        label=index.label(key),
        label_text=index.label_text(key),
        formatted=formatted,
        archive_url=web_address(custom.get("archive-url")),
        archive_date=str(custom.get("archive-date") or ""),
        initial=initial(plain(formatted)),
    )


def event_sources(index: Index, docname: str) -> tuple[SourceEntry, ...]:
    """The sources a page cites, in order of first citation."""
    return index.memoized(("sources", docname), lambda: _event_sources(index, docname))


def _event_sources(index: Index, docname: str) -> tuple[SourceEntry, ...]:
    keys: dict[str, None] = {}
    for citation in index.citations.get(docname, ()):
        keys.update(dict.fromkeys(citation.keys))
    return tuple(source_entry(index, key) for key in keys if key in index.registry.sources)


Bibliography = tuple[str, tuple[tuple[SourceEntry, tuple[tuple[str, str, str], ...]], ...]]


def bibliography(index: Index) -> Bibliography:
    """The bibliography's page and every source in the style's order, with the passages citing it
    (docname, anchor, page title)."""
    formatted = index.bibliography()
    order = sorted(index.registry.sources, key=lambda k: (formatted[k].position if k in formatted else -1, k))
    return index.doc_of("bibliography") or "", tuple(
        (source_entry(index, key), tuple(index.cited_by.get(key, []))) for key in order
    )


class BibliographyView(SimpleView):
    kind = "bibliography"


def source_line(ctx: Context, entry: SourceEntry, bib_doc: str | None, anchor: bool) -> nodes.paragraph:
    """A formatted reference: on the bibliography page with its anchor, elsewhere led by a link to it."""
    para = nodes.paragraph(classes=["chron-source"])
    if anchor:
        para += anchor_target(f"source-{entry.key}")
    else:
        para += ctx.ref(bib_doc or "", f"source-{entry.key}", entry.label_text)
        para += nodes.Text(": ")
    para += to_nodes(entry.formatted)
    if entry.archive_url:
        para += nodes.Text(" (")
        para += nodes.reference("", archive_text(entry), refuri=entry.archive_url, classes=["chron-archive"])
        para += nodes.Text(")")
    return para


def _markup(markup: Markup, classes: tuple[str, ...] = ()) -> Styled:
    """A formatted CSL entry (``csl.parse``) as layout text; its links as links."""
    tag, _href, children = markup
    return Styled(tag, classes, tuple(_part(c) for c in children))


def _part(child: Markup | str) -> Inline:
    if isinstance(child, str):
        return child
    if child[0] == "a":
        return External(child[1], markup_text(child[2]))
    return _markup(child)


def source_layout(entry: SourceEntry, bib_doc: str | None) -> Line:
    """A source as an event page lists it: a link to its bibliography entry, the formatted reference, its
    address and its archived copy."""
    line: list[Inline] = [
        Link(bib_doc or "", f"source-{entry.key}", entry.label_text),
        ": ",
        _markup(parse(entry.formatted), ("chron-csl",)),
    ]
    if entry.archive_url:
        line += [" (", External(entry.archive_url, archive_text(entry), ("chron-archive",)), ")"]
    return tuple(line)


def render_sources(ctx: Context, entries: tuple[SourceEntry, ...], bib_doc: str | None) -> list[nodes.Node]:
    """An event page's sources, in order of first citation: a layout (``layout.py``), as its header is."""
    if not entries:
        return []
    made = Box(
        (),
        ("chron-sources",),
        (Rubric(_("Sources")), Bullets((), tuple(source_layout(entry, bib_doc) for entry in entries))),
    )
    return [make_layout_node(made, ctx.docname) if ctx.fast_html else layout_nodes(ctx.builder, ctx.docname, made)]


def _cited_by(ctx: Context, citing: tuple[tuple[str, str, str], ...]) -> nodes.paragraph:
    """Each citing page once, linked to its first citing passage, then numbered links to its other passages;
    the PDF adds the page of every passage."""
    para = nodes.paragraph(classes=["chron-cited-by"])
    para += nodes.Text(_("Cited by: "))
    for position, ((doc, title), anchors) in enumerate(citing_pages(citing).items()):
        if position:
            para += nodes.Text("; ")
        para += ctx.ref(doc, anchors[0], title)
        if len(anchors) > 1:
            para += nodes.Text(_(" (%(count)d passages: ") % {"count": len(anchors)})
            para.extend(
                joined(
                    [
                        ctx.ref(doc, a, str(n), _("%(page)s, passage %(number)d") % {"page": title, "number": n})
                        for n, a in enumerate(anchors, start=1)
                    ],
                )
            )
            para += nodes.Text(")")
        if ctx.builder.format == "latex":
            para += page_reference(doc, *anchors)
    return para


def render_bibliography(ctx: Context, listed: Bibliography) -> list[nodes.Node]:
    """One list in the style's order, under headings of the letters its entries begin with, and a bar of
    those letters that leads to each."""
    page, rows = listed
    groups: dict[str, list[tuple[SourceEntry, tuple[tuple[str, str, str], ...]]]] = {}
    for entry, citing in rows:
        groups.setdefault(entry.initial, []).append((entry, citing))
    result: list[nodes.Node] = []
    if len(groups) > 1 and not ctx.part:  # a letter page has the pages' bar
        bar = nodes.paragraph(classes=["chron-letters"])
        for position, letter in enumerate(groups):
            if position:
                bar += nodes.Text(" ")
            bar += ctx.ref(page, letter_anchor("sources", letter), letter)
        result.append(bar)
    for letter, entries in groups.items():
        heading = nodes.paragraph(classes=["chron-letter-heading"])
        heading += anchor_target(letter_anchor("sources", letter))
        heading += nodes.strong(letter, letter)
        items = nodes.bullet_list(classes=["chron-bibliography"])
        for entry, citing in entries:
            item = nodes.list_item("", source_line(ctx, entry, None, True))
            if citing:
                item += _cited_by(ctx, citing)
            items += item
        result.append(nodes.container("", heading, items, classes=["chron-letter"]))
    return result


BIBLIOGRAPHY = ViewKind(
    "bibliography",
    lambda index, arg: bibliography(index),
    render_bibliography,
    {"chronology-bibliography": BibliographyView},
    Paging(
        lambda data: tuple((f"source-{e.key}", e.initial, e.label_text, 2 + len(c)) for e, c in data[1]),
        lambda data, start, stop: (data[0], data[1][start:stop]),
        "sources",
    ),
)
