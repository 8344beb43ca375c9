"""The ``{cite}`` role: its keys and pinpoints, read into pending references that resolve to each source's
label (made by the style with the whole bibliography, ``csl.format_all``) linked to its entry."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner
from sphinx import addnodes

from sphinx_chronology.reading.lines import role_line
from sphinx_chronology.warnings import Subtype, warn


@dataclass(frozen=True)
class Cited:
    """One key of a ``{cite}`` role with its optional pinpoint: a locator (``para. 3``) or a quoted phrase."""

    key: str
    locator: str = ""
    quote: str = ""
    unclosed: bool = False  # the phrase's closing quotation mark is missing


_QUOTE = re.compile(r'["\u201c]([^"\u201d]*)["\u201d]')


def parse_cites(text: str) -> list[Cited]:
    """``key-a; key-b, para. 3; key-c "a short quote"`` into its keys and pinpoints."""
    cited = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        quote = _QUOTE.search(part)
        rest = _QUOTE.sub("", part).strip()
        phrase = quote.group(1).strip() if quote else ""
        stray = re.search(r'["\u201c\u201d]', rest)
        if stray:  # an opening quotation mark with no closing one: the phrase runs to the end
            rest, phrase = rest[: stray.start()].strip(), phrase or rest[stray.end() :].strip()
        key, _, locator = rest.replace(",", " ", 1).partition(" ")
        cited.append(Cited(key.strip(), locator.strip(" ,"), phrase, unclosed=bool(stray)))
    return cited


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
    """``{cite}`key-a; key-b, para. 3```: ``(Label A; Label B, para. 3)``, each label linked to the
    bibliography; a quoted phrase after a key shows on hover in HTML and as a footnote in LaTeX.

    The citation's anchor (``cite-<page>-<first key>-<n>``, the page's file name in it so that anchors stay
    unique when every page is one, as with singlehtml) counts only earlier citations of the same key on the
    page, so "cited by" links survive edits elsewhere on the page."""
    env = inliner.document.settings.env
    lineno = role_line(getattr(inliner, "parent", None), rawtext, lineno)
    cited = parse_cites(text)
    if not cited or any(not item.key for item in cited):
        warn(
            Subtype.unknown_source,
            f"{{cite}}`{text}` names no source key; write {{cite}}`key` with a key from the source records.",
            (env.docname, lineno),
        )
        cited = [item for item in cited if item.key]
        if not cited:
            return [], []
    if any(item.unclosed for item in cited):
        warn(
            Subtype.value,
            f'{{cite}}`{text}`: a quoted phrase has no closing quotation mark; close it ("...").',
            (env.docname, lineno),
        )
    first = cited[0].key if cited else "none"
    page = env.docname.rpartition("/")[2]
    anchor = nodes.make_id(f"cite-{page}-{first}-{env.new_serialno(f'chronology-cite-{first}') + 1}")
    node = nodes.inline(rawtext, "", classes=["chron-cite"])
    node["chron_keys"] = tuple(c.key for c in cited)
    node["chron_line"] = lineno
    node["chron_anchor"] = anchor
    node += nodes.Text("(")
    for position, item in enumerate(cited):
        if position:
            node += nodes.Text("; ")
        xref = addnodes.pending_xref(
            item.key,
            nodes.inline(item.key, item.key),
            refdomain="chron",
            reftype="source",
            reftarget=item.key,
            refexplicit=False,
            refwarn=False,
        )
        if item.quote:
            xref["chron_quote"] = item.quote
        node += xref
        if item.locator:
            node += nodes.Text(f", {item.locator}")
        if item.quote:
            node += quote_note(item.quote, item.quote)
    node += nodes.Text(")")
    return [nodes.target("", "", ids=[anchor]), node], []


class quote_note(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils node naming)
    """A supporting quote: a tooltip in HTML (on the preceding link), a footnote in LaTeX."""


def visit_quote_note_latex(translator: Any, node: quote_note) -> None:
    translator.body.append(r"\footnote{\sphinxAtStartPar " + "\u201c" + translator.encode(node.astext()) + "\u201d}")
    raise nodes.SkipNode


def visit_quote_note_text(translator: Any, node: quote_note) -> None:
    translator.add_text(f' "{node.astext()}"')
    raise nodes.SkipNode
