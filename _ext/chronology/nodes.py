"""Builder-neutral placeholder nodes, replaced by ordinary docutils nodes when a page is written."""

from __future__ import annotations

from docutils import nodes


class chronology_view(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A generated listing (``kind``: year, years, series, people, topics, bibliography; ``arg``)."""


class event_header(nodes.General, nodes.Element):  # noqa: N801
    """The header panel of an event page (``eventid``)."""


class event_sources(nodes.General, nodes.Element):  # noqa: N801
    """The list of sources an event page cites, derived from its citations."""


def page_reference(docname: str, *anchors: str) -> nodes.raw:
    """`` (p. N)`` in the PDF for each anchor of ``docname`` (its start when the anchor is empty)."""
    labels = ", ".join(rf"\pageref{{\detokenize{{{docname}:{anchor or ':doc'}}}}}" for anchor in anchors)
    return nodes.raw("", f" (p.~{labels})", format="latex")


def search_anchor(anchor: str) -> str:
    """A second id for what the object inventory and the search index point at.

    Sphinx's search rebuilds an anchor of the form ``<type>-<name>`` from the *displayed* name ("person-Cheng
    Guoping") and an empty one as the displayed name itself; an anchor of neither form is kept as written."""
    return f"{anchor}-entry"
