"""A view's layout: what a generated part of a page shows, as a small tree of plain values (fields, a table,
lists, links), made once from the view's data and written by every builder.

The html, dirhtml and singlehtml builders keep it in one ``layout`` node whose visitor writes it through the
translator: its tables and lists through the translator's own ``visit_table`` and ``visit_bullet_list`` (so
a theme's translator reaches them), everything else with ``starttag`` and ``encode``. Other builders (LaTeX,
text, man, texinfo, and epub for parts with web links, which ``epub_show_urls`` annotates in the doctree)
get ordinary docutils nodes made from the same layout (``to_nodes``). An event header alone is about a hundred
docutils nodes, each dearer to create, walk, search-index and translate than the page's own text: with the
header, source lists, cards and indexes as nodes, a 1,000-event build took 1.4 to 1.6 times the floor's CPU
time; as layouts 1.1 to 1.25 (``make bench``; interleaved runs), with one description of what a page shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Union

from docutils import nodes

from sphinx_chronology.views.nodes import reference_to, with_anchor
from sphinx_chronology.views.paging import page_of


@dataclass(frozen=True)
class Link:
    """A link to ``docname#anchor`` (plain text when ``docname`` is empty); ``page``: the PDF adds its page."""

    docname: str
    anchor: str
    text: str
    title: str = ""
    page: bool = False


@dataclass(frozen=True)
class Strong:
    parts: tuple[Inline, ...]


@dataclass(frozen=True)
class Emphasis:
    parts: tuple[Inline, ...]


@dataclass(frozen=True)
class Literal:
    text: str


@dataclass(frozen=True)
class External:
    """A link to a web address (checked by linkcheck, which gets the docutils nodes)."""

    url: str
    text: str
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Styled:
    """Formatted text (a CSL entry's italics, superscripts ...): ``tag`` is em, strong, sup, sub or span."""

    tag: str
    classes: tuple[str, ...]
    parts: tuple[Inline, ...]


@dataclass(frozen=True)
class Target:
    """Anchors (ids) where links land."""

    ids: tuple[str, ...]


Inline = Union[str, Link, Strong, Emphasis, Literal, External, Styled, Target]  # noqa: UP007 (runtime alias)
Line = tuple[Inline, ...]


@dataclass(frozen=True)
class Fields:
    """Name: value rows (a field list)."""

    classes: tuple[str, ...]
    rows: tuple[tuple[str, Line], ...]


@dataclass(frozen=True)
class Table:
    """One row of columns under their headings, each cell a list of lines."""

    classes: tuple[str, ...]
    heads: tuple[str, ...]
    cells: tuple[tuple[Line, ...], ...]


@dataclass(frozen=True)
class Rubric:
    text: str


@dataclass(frozen=True)
class Entry:
    """A list item whose line has blocks nested under it (a sub-list)."""

    line: Line
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Bullets:
    classes: tuple[str, ...]
    items: tuple[Line | Entry, ...]


@dataclass(frozen=True)
class Para:
    classes: tuple[str, ...]
    line: Line


@dataclass(frozen=True)
class Box:
    """A container (a ``div``) of blocks, with its ids and classes."""

    ids: tuple[str, ...]
    classes: tuple[str, ...]
    blocks: tuple[Block, ...]


Block = Union[Fields, Table, Rubric, Bullets, Para, Box]  # noqa: UP007


# -- the words, for the search index ---------------------------------------------------------------------


def words(block: Block) -> str:
    """The text of a layout, for the search index (which reads the ``layout`` node's text child)."""
    return " ".join(_block_words(block))


def _block_words(block: Block) -> Iterator[str]:
    if isinstance(block, Box):
        for child in block.blocks:
            yield from _block_words(child)
    elif isinstance(block, Fields):
        for name, line in block.rows:
            yield name
            yield from _line_words(line)
    elif isinstance(block, Table):
        yield from block.heads
        for cell in block.cells:
            for line in cell:
                yield from _line_words(line)
    elif isinstance(block, Rubric):
        yield block.text
    elif isinstance(block, Para):
        yield from _line_words(block.line)
    else:
        for item in block.items:
            if isinstance(item, Entry):
                yield from _line_words(item.line)
                for child in item.blocks:
                    yield from _block_words(child)
            else:
                yield from _line_words(item)


def _line_words(line: Line) -> Iterator[str]:
    for part in line:
        if isinstance(part, str):
            yield part
        elif isinstance(part, (Link, Literal, External)):
            yield part.text
        elif isinstance(part, Target):
            continue
        else:
            yield from _line_words(part.parts)


# -- docutils nodes, for builders other than HTML -------------------------------------------------------


def to_nodes(builder: Any, fromdoc: str, block: Block) -> nodes.Element:
    """The layout as ordinary docutils nodes, linked from ``fromdoc``."""
    if isinstance(block, Box):
        box = nodes.container(ids=list(block.ids), classes=list(block.classes))
        box.extend(to_nodes(builder, fromdoc, child) for child in block.blocks)
        return box
    if isinstance(block, Fields):
        fields = nodes.field_list(classes=list(block.classes))
        for name, line in block.rows:
            body = nodes.field_body("", nodes.paragraph("", "", *_inline_nodes(builder, fromdoc, line)))
            fields += nodes.field("", nodes.field_name(name, name), body)
        return fields
    if isinstance(block, Table):
        return _table_nodes(builder, fromdoc, block)
    if isinstance(block, Rubric):
        return nodes.rubric(text=block.text)
    if isinstance(block, Para):
        return nodes.paragraph("", "", *_inline_nodes(builder, fromdoc, block.line), classes=list(block.classes))
    return _bullets_nodes(builder, fromdoc, block.items, block.classes)


def _bullets_nodes(
    builder: Any, fromdoc: str, items: tuple[Line | Entry, ...], classes: tuple[str, ...]
) -> nodes.Element:
    bullets = nodes.bullet_list(classes=list(classes))
    for item in items:
        line, blocks = (item.line, item.blocks) if isinstance(item, Entry) else (item, ())
        entry = nodes.list_item("", nodes.paragraph("", "", *_inline_nodes(builder, fromdoc, line)))
        entry.extend(to_nodes(builder, fromdoc, child) for child in blocks)
        bullets += entry
    return bullets


def _table_nodes(builder: Any, fromdoc: str, block: Table) -> nodes.table:
    table = nodes.table(classes=list(block.classes))
    group = nodes.tgroup(cols=len(block.heads))
    table += group
    group.extend(nodes.colspec(colwidth=36) for _ in block.heads)  # characters, in a text table
    group += nodes.thead("", nodes.row("", *(nodes.entry("", nodes.paragraph(text=h)) for h in block.heads)))
    cells = (nodes.entry("", _bullets_nodes(builder, fromdoc, cell, ())) for cell in block.cells)
    group += nodes.tbody("", nodes.row("", *cells))
    return table


def _inline_nodes(builder: Any, fromdoc: str, line: Line) -> Iterator[nodes.Node]:
    for part in line:
        if isinstance(part, str):
            yield nodes.Text(part)
        elif isinstance(part, Link):
            child = nodes.inline(part.text, part.text)
            if part.docname:
                yield reference_to(
                    builder, fromdoc, part.docname, part.anchor, child, part.title or part.text, part.page
                )
            else:
                yield child
        elif isinstance(part, Literal):
            yield nodes.literal(text=part.text)
        elif isinstance(part, External):
            yield nodes.reference(part.text, part.text, refuri=part.url, classes=list(part.classes))
        elif isinstance(part, Target):
            yield nodes.target("", "", ids=list(part.ids))
        else:
            if isinstance(part, Styled):
                element = _STYLED_NODES[part.tag](classes=list(part.classes))
            else:
                element = nodes.strong() if isinstance(part, Strong) else nodes.emphasis()
            element.extend(_inline_nodes(builder, fromdoc, part.parts))
            yield element


_STYLED_NODES: dict[str, type[nodes.Element]] = {
    "em": nodes.emphasis,
    "strong": nodes.strong,
    "sup": nodes.superscript,
    "sub": nodes.subscript,
    "span": nodes.inline,
}


# -- HTML, through the translator ------------------------------------------------------------------------


class layout(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A layout (``layout``) written by the HTML translator, linked from ``fromdoc``; its only child is its
    text, which the search index reads and the HTML visitor skips."""


def make_layout_node(block: Block, fromdoc: str) -> layout:
    return layout("", nodes.Text(words(block)), layout=block, fromdoc=fromdoc)


_PLAIN = nodes.Element()  # for ``starttag`` on elements that have no node of their own (and no ids)


def emit(ctx: Any, block: Block) -> nodes.Element:
    """The layout for the builder at hand (``ctx`` a ``render.Context``): one node that the HTML translator
    writes, or docutils nodes (the PDF, text, epub ...)."""
    if ctx.fast_html:
        return make_layout_node(block, ctx.docname)
    return to_nodes(ctx.builder, ctx.docname, block)


def visit_layout_html(translator: Any, node: layout) -> None:
    _HtmlWriter(translator, node).block(node["layout"])
    raise nodes.SkipNode


class _HtmlWriter:
    def __init__(self, translator: Any, node: layout) -> None:
        self.t = translator
        self.node = node
        self.fromdoc: str = node["fromdoc"]
        self.uris: dict[str, str] = {}

    def block(self, block: Block) -> None:
        t = self.t
        if isinstance(block, Box):
            classes = " ".join(("docutils container", *block.classes))
            # a node of its own: the writer's ``starttag`` adds the ``ids`` argument to the node's ids
            t.body.append(t.starttag(nodes.Element(ids=list(block.ids)), "div", CLASS=classes))
            for child in block.blocks:
                self.block(child)
            t.body.append("</div>\n")
        elif isinstance(block, Fields):
            self.fields(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Rubric):
            t.body.append(t.starttag(_PLAIN, "p", "", CLASS="rubric") + t.encode(block.text) + "</p>\n")
        elif isinstance(block, Para):
            t.body.append(t.starttag(_PLAIN, "p", "", CLASS=" ".join(block.classes)) if block.classes else "<p>")
            self.line(block.line)
            t.body.append("</p>\n")
        else:
            self.bullets(block.items, block.classes)

    def fields(self, block: Fields) -> None:
        t = self.t
        t.body.append(t.starttag(_PLAIN, "dl", CLASS=" ".join(("field-list simple", *block.classes))))
        for name, line in block.rows:
            t.body.append(f'<dt>{t.encode(name)}<span class="colon">:</span></dt>\n<dd><p>')
            self.line(line)
            t.body.append("</p>\n</dd>\n")
        t.body.append("</dl>\n")

    def table(self, block: Table) -> None:
        t = self.t
        table = nodes.table(classes=list(block.classes))
        t.visit_table(table)  # the translator's own: a theme's table classes reach this table too
        t.body.append("<thead>\n<tr>")
        for head in block.heads:
            t.body.append(f'<th class="head"><p>{t.encode(head)}</p></th>')
        t.body.append("</tr>\n</thead>\n<tbody>\n<tr>")
        for cell in block.cells:
            t.body.append("<td>")
            self.bullets(cell, ())
            t.body.append("</td>")
        t.body.append("</tr>\n</tbody>\n")
        t.depart_table(table)

    def bullets(self, items: tuple[Line | Entry, ...], classes: tuple[str, ...]) -> None:
        t = self.t
        bullets = nodes.bullet_list(classes=list(classes))
        bullets.parent = self.node  # the writer looks at a list's parent to decide whether it is compact
        t.visit_bullet_list(bullets)  # the translator's own list, as for tables
        for entry in items:
            item = nodes.list_item()
            t.visit_list_item(item)
            if isinstance(entry, Entry):
                self.line(entry.line)
                for child in entry.blocks:
                    self.block(child)
            else:
                self.line(entry)
            t.depart_list_item(item)
        t.depart_bullet_list(bullets)

    def line(self, line: Line) -> None:
        t = self.t
        for part in line:
            if isinstance(part, str):
                t.body.append(t.encode(part))
            elif isinstance(part, Link):
                self.link(part)
            elif isinstance(part, Literal):
                t.body.append(f'<code class="docutils literal notranslate">{t.encode(part.text)}</code>')
            elif isinstance(part, Target):
                first, *others = part.ids
                inner = "".join(f'<span id="{t.attval(other)}"></span>' for other in others)
                t.body.append(f'<span class="target" id="{t.attval(first)}">{inner}</span>')
            elif isinstance(part, External):
                names = " ".join(("reference external", *part.classes))
                t.body.append(t.starttag(_PLAIN, "a", "", CLASS=names, href=part.url) + t.encode(part.text) + "</a>")
            else:
                tag = part.tag if isinstance(part, Styled) else "strong" if isinstance(part, Strong) else "em"
                styled = " ".join(part.classes) if isinstance(part, Styled) else ""
                t.body.append(t.starttag(_PLAIN, tag, "", CLASS=styled) if styled else f"<{tag}>")
                self.line(part.parts)
                t.body.append(f"</{tag}>")

    def link(self, link: Link) -> None:
        t = self.t
        if not link.docname:
            t.body.append(t.encode(link.text))
            return
        t.body.append(
            t.starttag(_PLAIN, "a", "", CLASS="reference internal", href=self.href(link), title=link.title or link.text)
            + t.encode(link.text)
            + "</a>"
        )

    def href(self, link: Link) -> str:
        """The link's address from this page (relative URIs computed once per target page)."""
        docname = page_of(self.t.builder, link.docname, link.anchor)
        if docname == self.fromdoc and link.anchor:
            return f"#{link.anchor}"
        uri = self.uris.get(docname)
        if uri is None:
            uri = self.uris[docname] = self.t.builder.get_relative_uri(self.fromdoc, docname)
        return with_anchor(uri, link.anchor)
