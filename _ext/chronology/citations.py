"""The ``{cite}`` role and the author-date label of a source.

Full bibliography formatting (CSL styles) belongs to the bibliography module; this module only gives the
short label used in running text, from the record's first author or, failing that, its issuing body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner
from sphinx import addnodes

from .model import Source

_KEY_SPLIT = re.compile(r"\s*[;,]\s*")


def creator(source: Source) -> str:
    """The first author's family name (or literal name), else the publisher or outlet."""
    authors = source.get("author") or []
    if isinstance(authors, list) and authors:
        first = authors[0]
        name = str(first.get("family") or first.get("literal") or "")
        if name:
            return name + (" et al." if len(authors) > 2 else "")
    return str(source.get("publisher") or source.get("container-title") or source.id)


def year(source: Source) -> str:
    issued = source.get("issued")
    return str(issued)[:4] if issued else "n.d."


def label(source: Source) -> str:
    """``Zhang 2017``-style author-date label."""
    return f"{creator(source)} {year(source)}"


def cite_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    /,
    options: dict[str, Any] | None = None,
    content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{cite}`key-a; key-b``` becomes ``(Label A; Label B)``, each label a link to the bibliography."""
    env = inliner.document.settings.env
    keys = tuple(key for key in _KEY_SPLIT.split(text.strip()) if key)
    anchor = f"cite-{env.new_serialno('chronology-cite')}"
    node = nodes.inline(rawtext, "", classes=["chron-cite"], ids=[anchor])
    node["chron_keys"] = keys
    node["chron_line"] = lineno
    node += nodes.Text("(")
    for position, key in enumerate(keys):
        if position:
            node += nodes.Text("; ")
        node += addnodes.pending_xref(
            key,
            nodes.inline(key, key),
            refdomain="chron",
            reftype="source",
            reftarget=key,
            refexplicit=False,
            refwarn=False,
        )
    node += nodes.Text(")")
    return [node], []
