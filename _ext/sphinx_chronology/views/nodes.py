"""Builder-neutral placeholder nodes, replaced by ordinary docutils nodes when a page is written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.builders import Builder
from sphinx.util.nodes import make_refnode

from sphinx_chronology.views.paging import page_of


class chronology_view(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A generated listing (``kind``: year, years, series, people, topics, bibliography; ``arg``)."""


class event_header(nodes.General, nodes.Element):  # noqa: N801
    """The header panel of an event page (``eventid``)."""


class event_sources(nodes.General, nodes.Element):  # noqa: N801
    """The list of sources an event page cites, derived from its citations."""


def reference_to(
    builder: Builder, fromdoc: str, docname: str, anchor: str, child: nodes.Node, title: str, page: bool = False
) -> nodes.reference | nodes.inline:
    """A link to ``docname#anchor``; with ``page``, the PDF follows it with the page it leads to.

    LaTeX resolves the whole book as its root document, so a link "within the same document" would become a
    refid that the writer prefixes with the wrong page: LaTeX always gets a full ``%doc#anchor`` URI."""
    latex = builder.format == "latex"
    docname = page_of(builder, docname, anchor)
    if latex:
        refnode = make_refnode(builder, "", docname, anchor or None, child, title)
    elif docname == fromdoc and anchor:
        refnode = nodes.reference("", "", child, internal=True, refid=anchor, reftitle=title)
    else:
        uri = with_anchor(builder.get_relative_uri(fromdoc, docname), anchor)
        refnode = nodes.reference("", "", child, internal=True, refuri=uri, reftitle=title)
    if latex and page:
        return nodes.inline("", "", refnode, page_reference(docname, anchor))
    return refnode


def with_anchor(uri: str, anchor: str) -> str:
    """``uri#anchor``; when every page is one (singlehtml gives ``#document-<name>``), the anchor alone, as
    Sphinx's own link fixing did before Sphinx 9 left it out."""
    if not anchor:
        return uri
    return f"#{anchor}" if "#" in uri else f"{uri}#{anchor}"


class page_ref(nodes.Inline, nodes.Element):  # noqa: N801 (docutils node naming)
    """`` (p. N)`` in the PDF for each anchor (``anchors``) of ``docname`` (its start when an anchor is empty);
    LaTeX writes it (``visit_page_ref_latex``), every other builder leaves it out."""


def page_reference(docname: str, *anchors: str) -> page_ref:
    return page_ref("", docname=docname, anchors=list(anchors))


def visit_page_ref_latex(translator: Any, node: page_ref) -> None:
    """The page after a link: " (p. 131)"; for several passages, each page once (``\\chronpages`` of
    ``sphinxchronology.sty``)."""
    docname = node["docname"]
    labels = [rf"\detokenize{{{docname}:{anchor or ':doc'}}}" for anchor in node["anchors"]]
    if len(labels) == 1:
        translator.body.append(rf" (p.~\pageref{{{labels[0]}}})")
    else:
        translator.body.append(" (p.~\\chronpages{" + "".join(f"{{{label}}}" for label in labels) + "})")
    raise nodes.SkipNode


def skip(translator: Any, node: nodes.Element) -> None:
    """What a builder without a visitor of its own does with one of the extension's nodes: leave it out."""
    raise nodes.SkipNode


BUILDER_FORMATS = ("html", "latex", "text", "man", "texinfo")


def add_node(app: Any, node: type[nodes.Element], **visitors: Callable[[Any, Any], None]) -> None:
    """Register ``node`` with a visit function per builder format (``html=...``); every other format of
    ``BUILDER_FORMATS`` leaves it out."""
    handlers = {fmt: (visitors.get(fmt, skip), None) for fmt in BUILDER_FORMATS}
    app.add_node(node, **handlers)


def search_anchor(anchor: str) -> str:
    """A second id for what the object inventory and the search index point at.

    Sphinx's search rebuilds an anchor of the form ``<type>-<name>`` from the *displayed* name ("person-Cheng
    Guoping") and an empty one as the displayed name itself; an anchor of neither form is kept as written."""
    return f"{anchor}-entry"
