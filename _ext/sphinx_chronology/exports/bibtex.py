"""BibTeX both ways: ``sources.bib`` for reference managers (Zotero, JabRef) and LaTeX, and the reading of a
BibTeX file (Better BibTeX's export, or ``sources.bib`` itself) into source records for the import command.

Writing is by hand: the mapping from CSL types and variables to BibTeX entry types and fields is this
project's choice, and a BibTeX library would only add the syntax, which is a few lines (braces balanced,
LaTeX's special characters escaped). Reading uses bibtexparser (the syntax, ``@string`` macros) and pylatexenc
(LaTeX accents and escapes to Unicode), the field's standard libraries for both; names are split here, before
any LaTeX is decoded, because a braced name is an institution's and decoding drops the braces.

The mapping, one table for both directions (:data:`FIELDS`):

- entry type: a newspaper or magazine article is an ``@article`` with biblatex's ``entrysubtype``
  (``newspaper``, ``magazine``); a journal article an ``@article``; a report a ``@techreport``
  (``institution`` = the publisher); a book a ``@book``; anything else ``@misc`` with the CSL type in
  ``entrysubtype`` (``webpage``, ``speech``, ``document`` ...). Reading, an entry without ``entrysubtype``
  gets the CSL type its entry type means (``@online`` a web page, ``@inproceedings`` a conference paper ...).
- the outlet (``container-title``) is ``journal`` in an article, ``booktitle`` in a chapter or paper, and
  ``howpublished`` elsewhere; ``publisher`` is always ``publisher`` (``institution`` in a report).
- dates: ``year`` and ``month`` for BibTeX, and biblatex's ``date`` with the full precision; ``urldate`` is
  the access date.
- an author given as a literal name (an institution) is wrapped in braces so that BibTeX does not split it;
  ``Family, Jr., Given`` keeps a suffix; a name written family name first (CSL's ``static-ordering``, as
  for Chinese names) is listed in ``familyfirst`` by role and position (``author1, author2``).
- CSL variables BibTeX has no field for keep their CSL names (``genre`` is BibTeX's ``type``); the project's
  supporting quotations are ``quote1``, ``quote2`` ..., an archived copy's address ``archiveurl``. BibTeX
  styles ignore such fields and reference managers keep them, so the project's records round-trip.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[?!])(?=`)")
_REPLACE = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

#: CSL type -> (BibTeX entry type, entrysubtype or "")
ENTRY_TYPES = {
    "article-newspaper": ("article", "newspaper"),
    "article-magazine": ("article", "magazine"),
    "article-journal": ("article", ""),
    "report": ("techreport", ""),
    "book": ("book", ""),
    "chapter": ("incollection", ""),
    "paper-conference": ("inproceedings", ""),
    "thesis": ("phdthesis", ""),
    "manuscript": ("unpublished", ""),
}
#: reading: entry type -> CSL type, where no entrysubtype says otherwise
CSL_TYPES = {
    **{entry: csl for csl, (entry, subtype) in ENTRY_TYPES.items() if not subtype},
    "conference": "paper-conference",
    "inbook": "chapter",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "report": "report",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "misc": "document",
}
#: the item types of CSL 1.0.2
CSL_ITEM_TYPES = frozenset(
    [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    ]
)
SUBTYPES = {"newspaper": "article-newspaper", "magazine": "article-magazine"}
#: CSL text or number variable <-> BibTeX field, the same both ways
FIELDS = {
    "title": "title",
    "title-short": "shorttitle",
    "genre": "type",
    "URL": "url",
    "DOI": "doi",
    "ISBN": "isbn",
    "ISSN": "issn",
    "language": "language",
    "note": "note",
    "number": "number",
    "volume": "volume",
    "page": "pages",
    "edition": "edition",
    "publisher-place": "address",
    "abstract": "abstract",
    "keyword": "keywords",
    "archive": "archive",
    "archive_location": "archive_location",
    "medium": "medium",
    "section": "section",
    "dimensions": "dimensions",
    "source": "source",
    "call-number": "call-number",
}
_OUTLETS = ("journal", "journaltitle", "booktitle", "howpublished")
#: fields read into other variables, or only for the entry's shape
_READ_ELSEWHERE = {
    "author",
    "editor",
    "familyfirst",
    "year",
    "month",
    "day",
    "date",
    "urldate",
    "publisher",
    "institution",
    "organization",
    "school",
    "entrysubtype",
    "archiveurl",
    "langid",
    *_OUTLETS,
}
_VERBATIM = {"url", "doi", "archiveurl"}


def sources_bib(items: list[dict[str, Any]]) -> str:
    return "\n".join(_entry(item) for item in items)


def _entry(item: dict[str, Any]) -> str:
    kind = str(item.get("type", ""))
    entry_type, subtype = ENTRY_TYPES.get(kind, ("misc", kind))
    fields: list[tuple[str, str]] = []
    if subtype:
        fields.append(("entrysubtype", subtype))
    family_first = []
    for role in ("author", "editor"):
        people = [a for a in item.get(role) or [] if isinstance(a, dict)]
        if people:
            fields.append((role, " and ".join(_name(a) for a in people)))
        family_first += [f"{role}{n}" for n, a in enumerate(people, start=1) if a.get("static-ordering")]
    if family_first:
        fields.append(("familyfirst", ", ".join(family_first)))
    outlet, publisher = str(item.get("container-title") or ""), str(item.get("publisher") or "")
    if outlet:
        outlet_field = {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle"}
        fields.append((outlet_field.get(entry_type, "howpublished"), escape_latex(outlet)))
    if publisher:
        fields.append(("institution" if entry_type == "techreport" else "publisher", escape_latex(publisher)))
    issued = _parts(item.get("issued"))
    if issued:
        fields.append(("year", str(issued[0])))
        if len(issued) > 1:
            fields.append(("month", MONTHS[issued[1] - 1]))
        fields.append(("date", _iso(issued)))
    accessed = _parts(item.get("accessed"))
    if accessed:
        fields.append(("urldate", _iso(accessed)))
    for variable, field in FIELDS.items():
        if item.get(variable) not in (None, ""):
            value = str(item[variable])
            text = value if field in _VERBATIM else escape_latex(value)
            fields.append((field, "{" + text + "}" if variable == "title" else text))
    custom = item.get("custom") or {}
    if custom.get("archive-url"):
        fields.append(("archiveurl", str(custom["archive-url"])))
    for number, quote in enumerate(custom.get("quotes") or [], start=1):
        fields.append((f"quote{number}", escape_latex(str(quote))))
    body = ",\n".join(f"  {name} = {value if name == 'month' else '{' + value + '}'}" for name, value in fields)
    return f"@{entry_type}{{{item['id']},\n{body}\n}}\n"


def _name(person: dict[str, Any]) -> str:
    if person.get("literal"):
        return "{" + escape_latex(str(person["literal"])) + "}"
    family, given = escape_latex(str(person.get("family", ""))), escape_latex(str(person.get("given", "")))
    suffix = escape_latex(str(person.get("suffix", "")))
    return ", ".join(part for part in (family, suffix, given) if part)  # Family, Jr., Given


def _parts(date: object) -> list[int]:
    if isinstance(date, dict) and date.get("date-parts"):
        return [int(p) for p in date["date-parts"][0]]
    return []


def _iso(parts: list[int]) -> str:
    return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts))


def escape_latex(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters escaped, white space collapsed."""
    escaped = _SPECIAL.sub(lambda m: _REPLACE.get(m.group(1), "\\" + m.group(1)), " ".join(text.split()))
    return _LIGATURE.sub("{}", escaped)  # "--" stays two hyphens, not an en dash


def read_bibtex(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    """CSL-JSON items (with ``citation-key``) from BibTeX text, and what could not be read or mapped."""
    from bibtexparser.entrypoint import parse_string

    library = parse_string(text)
    problems = [f"line {(block.start_line or 0) + 1}: not a BibTeX entry; skipped" for block in library.failed_blocks]
    items = []
    for entry in library.entries:
        fields = {field.key.lower(): str(field.value) for field in entry.fields}
        item, left_out = _item(entry.entry_type.lower(), fields)
        items.append({"citation-key": entry.key, **item})
        if left_out:
            problems.append(f"{entry.key}: left out what no CSL variable holds: {', '.join(sorted(left_out))}")
    return items, problems


def _item(entry_type: str, fields: dict[str, str]) -> tuple[dict[str, Any], set[str]]:
    subtype = fields.get("entrysubtype", "").strip()
    item: dict[str, Any] = {
        "type": SUBTYPES.get(subtype) or _csl_type(subtype) or CSL_TYPES.get(entry_type, "document")
    }
    for variable, field in FIELDS.items():
        if field in fields:
            item[variable] = fields[field].strip() if field in _VERBATIM else _text(fields[field])
    family_first = set(re.findall(r"(author|editor)(\d+)", fields.get("familyfirst", "")))
    for role in ("author", "editor"):
        if fields.get(role, "").strip():
            item[role] = [_person(name) for name in _split_names(fields[role])]
            for n, person in enumerate(item[role], start=1):
                if (role, str(n)) in family_first:
                    person["static-ordering"] = True
    outlet = next((fields[f] for f in _OUTLETS if fields.get(f, "").strip()), "")
    if outlet:
        item["container-title"] = _text(outlet)
    publisher = next((fields[f] for f in ("publisher", "institution", "organization", "school") if fields.get(f)), "")
    if publisher:
        item["publisher"] = _text(publisher)
    if "language" not in item and fields.get("langid"):
        item["language"] = _text(fields["langid"])
    issued = fields.get("date", "").strip() or _date(fields)
    if issued:
        item["issued"] = issued
    if fields.get("urldate", "").strip():
        item["accessed"] = fields["urldate"].strip()
    custom: dict[str, Any] = {}
    quotes = sorted((int(k[5:]), v) for k, v in fields.items() if re.fullmatch(r"quote\d+", k))
    if quotes:
        custom["quotes"] = [_text(v) for _, v in quotes]
    if fields.get("archiveurl", "").strip():
        custom["archive-url"] = fields["archiveurl"].strip()
    if custom:
        item["custom"] = custom
    known = _READ_ELSEWHERE | set(FIELDS.values())
    left_out = {k for k in fields if k not in known and not re.fullmatch(r"quote\d+", k)}
    return item, left_out


def _csl_type(subtype: str) -> str:
    return subtype if subtype in CSL_ITEM_TYPES else ""


def _date(fields: dict[str, str]) -> str:
    year = fields.get("year", "").strip()
    if not re.fullmatch(r"\d{4}", year):
        return ""
    month = fields.get("month", "").strip().lower()[:3]
    number = MONTHS.index(month) + 1 if month in MONTHS else int(month) if month.isdigit() else 0
    if not 1 <= number <= 12:
        return year
    day = fields.get("day", "").strip()
    return f"{year}-{number:02d}" + (f"-{int(day):02d}" if day.isdigit() else "")


def _split_names(value: str) -> list[str]:
    """``A and {B and C}``: split on ``and`` outside braces."""
    names, depth, start = [], 0, 0
    for match in re.finditer(r"[{}]|\sand\s", value):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            names.append(value[start : match.start()])
            start = match.end()
    names.append(value[start:])
    return [name.strip() for name in names if name.strip()]


def _person(name: str) -> dict[str, str]:
    """``{Literal Name}``, ``Family, Given``, ``Family, Jr., Given`` or ``Given Family``."""
    if name.startswith("{") and name.endswith("}") and _balanced(name[1:-1]):
        return {"literal": _text(name[1:-1])}
    parts = [part.strip() for part in _split_commas(name)]
    if len(parts) == 3:
        return {"family": _text(parts[0]), "given": _text(parts[2]), "suffix": _text(parts[1])}
    if len(parts) == 2:
        return {"family": _text(parts[0]), "given": _text(parts[1])} if parts[1] else {"family": _text(parts[0])}
    words = name.split()
    if len(words) == 1:
        return {"family": _text(name)}
    return {"family": _text(words[-1]), "given": _text(" ".join(words[:-1]))}


def _split_commas(name: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in name:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _text(value: str) -> str:
    """LaTeX to Unicode text: accents, escapes and protective braces; white space collapsed."""
    text = _latex_to_text().latex_to_text(value)
    return " ".join(text.replace("\u02c6", "^").split())


@cache
def _latex_to_text() -> Any:
    """One converter for every field (building one reads pylatexenc's tables of macros)."""
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)
