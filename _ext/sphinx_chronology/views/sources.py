"""Sources as readers meet them: the list under each event page (derived from its citations) and the
bibliography, every source grouped by type with the passages that cite it ("cited by")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docutils import nodes

from sphinx_chronology.bibliography.citations import label
from sphinx_chronology.bibliography.csl import GROUPS, Markup, group_of, parse, to_nodes
from sphinx_chronology.locale import _
from sphinx_chronology.store.index import Index
from sphinx_chronology.views.base import SimpleView, ViewKind
from sphinx_chronology.views.layout import Box, Bullets, External, Inline, Line, Link, Rubric, Styled, make_layout_node
from sphinx_chronology.views.layout import to_nodes as layout_nodes
from sphinx_chronology.views.nodes import page_reference
from sphinx_chronology.views.render import Context, anchor_target, archive_text, citing_pages, joined


@dataclass(frozen=True)
class SourceEntry:
    """A bibliography entry: the formatted reference, its links and its group on the bibliography page."""

    key: str
    label: str
    formatted: str
    url: str
    archive_url: str
    archive_date: str
    group: str


def _web(value: object) -> str:
    text = str(value or "")
    return text if text.startswith(("http://", "https://")) else ""


def source_entry(index: Index, key: str) -> SourceEntry:
    """A source as listed: once per build, however many pages cite it."""
    return index.memoized(("source", key), lambda: _source_entry(index, key))


def _source_entry(index: Index, key: str) -> SourceEntry:
    source = index.registry.sources[key]
    custom = source.get("custom") or {}
    assert isinstance(custom, dict)
    return SourceEntry(
        key=key,
        label=label(source),
        formatted=index.formatted(key),
        url=_web(source.get("URL")),
        archive_url=_web(custom.get("archive-url")),
        archive_date=str(custom.get("archive-date") or ""),
        group=group_of(source),
    )


def event_sources(index: Index, docname: str) -> tuple[SourceEntry, ...]:
    """The sources a page cites, in order of first citation."""
    return index.memoized(("sources", docname), lambda: _event_sources(index, docname))


def _event_sources(index: Index, docname: str) -> tuple[SourceEntry, ...]:
    keys: dict[str, None] = {}
    for citation in index.citations.get(docname, ()):
        keys.update(dict.fromkeys(citation.keys))
    return tuple(source_entry(index, key) for key in keys if key in index.registry.sources)


def bibliography(
    index: Index,
) -> tuple[tuple[str, tuple[tuple[SourceEntry, tuple[tuple[str, str, str], ...]], ...]], ...]:
    """Groups of sources (in ``GROUPS`` order), each sorted by label, with the passages citing each source
    (docname, anchor, page title)."""
    rows: dict[str, list[tuple[SourceEntry, tuple[tuple[str, str, str], ...]]]] = {g[0]: [] for g in GROUPS}
    for key in sorted(index.registry.sources, key=lambda k: (label(index.registry.sources[k]).lower(), k)):
        entry = source_entry(index, key)
        rows[entry.group].append((entry, tuple(index.cited_by.get(key, []))))
    return tuple((group, tuple(entries)) for group, entries in rows.items() if entries)


class Bibliography(SimpleView):
    kind = "bibliography"


def source_line(ctx: Context, entry: SourceEntry, bib_doc: str | None, anchor: bool) -> nodes.paragraph:
    """A formatted reference: on the bibliography page with its anchor, elsewhere led by a link to it."""
    para = nodes.paragraph(classes=["chron-source"])
    if anchor:
        para += anchor_target(f"source-{entry.key}")
    else:
        para += ctx.ref(bib_doc or "", f"source-{entry.key}", entry.label)
        para += nodes.Text(": ")
    para += to_nodes(entry.formatted)
    if entry.url:
        para += nodes.Text(" ")
        para += nodes.reference(entry.url, entry.url, refuri=entry.url)
        para += nodes.Text(".")
    if entry.archive_url:
        para += nodes.Text(" (")
        para += nodes.reference("", archive_text(entry), refuri=entry.archive_url, classes=["chron-archive"])
        para += nodes.Text(")")
    return para


def _markup(markup: Markup, classes: tuple[str, ...] = ()) -> Styled:
    """A formatted CSL entry (``csl.parse``) as layout text."""
    tag, children = markup
    return Styled(tag, classes, tuple(c if isinstance(c, str) else _markup(c) for c in children))


def source_layout(entry: SourceEntry, bib_doc: str | None) -> Line:
    """A source as an event page lists it: a link to its bibliography entry, the formatted reference, its
    address and its archived copy."""
    line: list[Inline] = [
        Link(bib_doc or "", f"source-{entry.key}", entry.label),
        ": ",
        _markup(parse(entry.formatted), ("chron-csl",)),
    ]
    if entry.url:
        line += [" ", External(entry.url, entry.url), "."]
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
            para += nodes.Text(_(" (passages "))
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


def render_bibliography(ctx: Context, groups: Any) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for heading, rows in groups:
        result.append(nodes.rubric(text=heading, classes=["chron-bibliography-group"]))
        items = nodes.bullet_list(classes=["chron-bibliography"])
        for entry, citing in rows:
            item = nodes.list_item("", source_line(ctx, entry, None, True))
            if citing:
                item += _cited_by(ctx, citing)
            items += item
        result.append(items)
    return result


BIBLIOGRAPHY = ViewKind(
    "bibliography",
    lambda index, arg: bibliography(index),
    render_bibliography,
    {"chronology-bibliography": Bibliography},
)
