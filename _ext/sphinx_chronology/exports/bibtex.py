"""``sources.bib``: the source records as BibTeX, for reference managers (Zotero, JabRef) and LaTeX.

Written by hand: the mapping from CSL types and fields to BibTeX entry types and fields is this project's
choice, and a BibTeX library (pybtex) would only add the syntax, which is a few lines (braces balanced,
LaTeX's special characters escaped). bibtexparser reads it back in the tests.

The mapping: a newspaper or magazine article is an ``@article`` (``journal`` = the outlet); a report a
``@techreport`` (``institution`` = the publisher); a book a ``@book``; anything else ``@misc`` with
``howpublished`` (the outlet or publisher). An author given as a literal name (an institution) is wrapped in
braces so that BibTeX does not split it. ``url``, ``urldate`` (the access date) and ``note`` are kept;
dates keep their precision (``year`` and, when known, ``month``).
"""

from __future__ import annotations

import re
from typing import Any

_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_REPLACE = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def sources_bib(items: list[dict[str, Any]]) -> str:
    return "\n".join(_entry(item) for item in items)


def _entry(item: dict[str, Any]) -> str:
    kind = item.get("type", "")
    entry_type = {
        "article-newspaper": "article",
        "article-magazine": "article",
        "article-journal": "article",
        "report": "techreport",
        "book": "book",
    }.get(kind, "misc")
    fields: list[tuple[str, str]] = []
    authors = [_name(a) for a in item.get("author") or [] if isinstance(a, dict)]
    if authors:
        fields.append(("author", " and ".join(authors)))
    fields.append(("title", "{" + escape_latex(str(item.get("title", ""))) + "}"))
    outlet = str(item.get("container-title") or "")
    publisher = str(item.get("publisher") or "")
    if entry_type == "article" and outlet:
        fields.append(("journal", escape_latex(outlet)))
    elif entry_type == "techreport" and publisher:
        fields.append(("institution", escape_latex(publisher)))
    elif entry_type == "misc" and (outlet or publisher):
        fields.append(("howpublished", escape_latex(outlet or publisher)))
    if publisher and entry_type in ("book", "article") and publisher != outlet:
        fields.append(("publisher", escape_latex(publisher)))
    issued = _parts(item.get("issued"))
    if issued:
        fields.append(("year", str(issued[0])))
        if len(issued) > 1:
            fields.append(("month", MONTHS[issued[1] - 1]))
    if item.get("URL"):
        fields.append(("url", str(item["URL"])))
    accessed = _parts(item.get("accessed"))
    if accessed:
        fields.append(("urldate", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(accessed))))
    if item.get("language"):
        fields.append(("language", escape_latex(str(item["language"]))))
    if item.get("note"):
        fields.append(("note", escape_latex(str(item["note"]))))
    body = ",\n".join(f"  {name} = {value if name == 'month' else '{' + value + '}'}" for name, value in fields)
    return f"@{entry_type}{{{item['id']},\n{body}\n}}\n"


def _name(author: dict[str, Any]) -> str:
    if author.get("literal"):
        return "{" + escape_latex(str(author["literal"])) + "}"
    family, given = escape_latex(str(author.get("family", ""))), escape_latex(str(author.get("given", "")))
    return f"{family}, {given}" if given else family


def _parts(date: object) -> list[int]:
    if isinstance(date, dict) and date.get("date-parts"):
        return [int(p) for p in date["date-parts"][0]]
    return []


def escape_latex(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters escaped, white space collapsed."""
    return _SPECIAL.sub(lambda m: _REPLACE.get(m.group(1), "\\" + m.group(1)), " ".join(text.split()))
