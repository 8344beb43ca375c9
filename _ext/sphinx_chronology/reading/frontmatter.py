"""Reading an event document: its front matter becomes an ``Event`` record and the page gets its title,
header panel and source list (as placeholders, filled in when the page is written).

The front matter is taken out of the source in ``source-read`` (blank lines keep every body line where it
was) and parsed here with line numbers, so each mistake is reported at its own line.
"""

from __future__ import annotations

import posixpath
import re
import sys
from fnmatch import fnmatch
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from sphinx_chronology.config import vocabulary
from sphinx_chronology.model.dates import DateError, PartialDate, ends_before, parse_date
from sphinx_chronology.model.records import Delegate, Event, Exchange, Place, Related, Uncertain
from sphinx_chronology.model.vocabulary import Vocabulary
from sphinx_chronology.reading.schema import ID_PATTERN, event_schema, usable, validate
from sphinx_chronology.reading.yamldata import Loaded, load, split_front_matter
from sphinx_chronology.views.nodes import event_header, event_sources
from sphinx_chronology.warnings import Subtype, start_document, suggest, warn

FRONT_MATTER_KEY = "chronology_front_matter"
_DATE_PREFIX = re.compile(r"^\d{4}(?:-\d{2}){0,2}-?")
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~$&])")


def is_event_doc(patterns: list[str], docname: str) -> bool:
    """Whether ``docname`` is an event: it matches a configured pattern, at the pattern's folder depth (``*``
    in ``fnmatch`` would also match ``/``, so ``chronology/2015/loop/2015/x`` would pass), and is not an
    ``index``."""
    depth = docname.count("/")
    return posixpath.basename(docname) != "index" and any(
        p.count("/") == depth and fnmatch(docname, p) for p in patterns
    )


_EVENT_KEYS = re.compile(r"^(?:date|kind|status):", re.MULTILINE)


def on_read_started(app: Sphinx, docname: str, source: list[str]) -> None:
    """Before anything else reads the document: the warnings given from now on are the document's own,
    kept so that a build which does not read it again gives them again."""
    start_document()


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Take the front matter out of an event's source and put a heading with its title in its place."""
    if not is_event_doc(app.config.chronology_event_docs, docname):
        _warn_if_misplaced_event(app.config.chronology_event_docs, docname, source[0])
        return
    split = split_front_matter(source[0])
    if split is None:
        app.env.current_document[FRONT_MATTER_KEY] = Loaded(None, {(): 1}, [])
        return
    text, body, line_count = split
    loaded = load(text, first_line=2)
    app.env.current_document[FRONT_MATTER_KEY] = loaded
    title = loaded.data.get("title") if isinstance(loaded.data, dict) else None
    if not isinstance(title, str) or not title.strip():
        title = name_id(docname)  # the page keeps a title (the one the event record falls back to)
    heading = "# " + _MARKDOWN_PUNCTUATION.sub(r"\\\1", title)
    source[0] = "\n" * (line_count - 1) + heading + "\n" + body


def _warn_if_misplaced_event(patterns: list[str], docname: str, source: str) -> None:
    """A page whose front matter gives an event's date and kind, outside the event folders, is not read as an
    event: say so, rather than list it nowhere."""
    split = split_front_matter(source)
    if split is None or len(_EVENT_KEYS.findall(split[0])) < 2:
        return
    warn(
        Subtype.filename,
        f"this page has an event's front matter but is not an event: event pages are "
        f"{' or '.join(repr(p) for p in patterns)} (chronology_event_docs); move it into its year's folder.",
        (docname, 1),
    )


class EventReader(SphinxTransform):
    """Build the event record of an event document and place its header and sources placeholders."""

    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        loaded = self.env.current_document.get(FRONT_MATTER_KEY)
        if loaded is None:
            return
        docname = self.env.docname
        event = read_event(docname, loaded, vocabulary(self.config))
        if event is None:
            return
        from sphinx_chronology.store.domain import domain_of

        domain = domain_of(self.env)
        domain.note_event(event)
        _place_placeholders(self.document, event)


def _place_placeholders(document: nodes.document, event: Event) -> None:
    section = next(iter(document.findall(nodes.section)), None)
    header = event_header(docname=event.docname)
    sources = event_sources(docname=event.docname)
    if section is None:
        document.insert(0, header)
        document.append(sources)
        return
    section.insert(1, header)
    section.append(sources)


def name_date(docname: str) -> PartialDate | None:
    """The date the file name starts with (``2015-08-04-ct-dialogue-2``), else the year of its folder."""
    stem = posixpath.basename(docname)
    prefix = _DATE_PREFIX.match(stem)
    for text in (prefix.group(0).rstrip("-") if prefix else "", posixpath.basename(posixpath.dirname(docname))):
        try:
            return parse_date(text)
        except DateError:
            continue
    return None


def name_id(docname: str) -> str:
    """The event id its file name gives: the name without its leading date."""
    return _DATE_PREFIX.sub("", posixpath.basename(docname)) or posixpath.basename(docname)


def read_event(docname: str, loaded: Loaded, vocabulary: Vocabulary) -> Event | None:
    """Validate front matter and build the record; warn about every problem.

    An event with a mistake stays listed everywhere, flagged ``invalid``, with what could be read: the date
    its file name gives when its own is missing or wrong, its id as title when it has none. Only a page whose
    date can be found nowhere is left out (and reported)."""

    def report(subtype: Subtype, message: str, line: int) -> None:
        warn(subtype, message, (docname, line))

    for line, message in loaded.errors:
        report(Subtype.yaml, f"{message} in the front matter.", line)
    if loaded.data is None and not loaded.errors:
        report(
            Subtype.missing,
            "event page has no front matter; start the file with `---` and the "
            "event's fields (title, date, kind, status), then `---`.",
            1,
        )
    elif loaded.data is not None and not isinstance(loaded.data, dict):
        report(Subtype.yaml, "front matter must be a mapping of `field: value` lines.", 2)
    schema = event_schema(vocabulary)
    data: dict[str, Any] = {}
    invalid = bool(loaded.errors) or not isinstance(loaded.data, dict)
    if isinstance(loaded.data, dict):
        bad = validate(loaded, schema, "front matter", report)
        data = usable(loaded.data, (), bad)
        invalid = invalid or bool(bad) or not {"title", "date"} <= set(data)
    dates = _dates(data, loaded, report)
    if dates is None:
        fallback = name_date(docname)
        if fallback is None:
            report(Subtype.date, "the event has no usable date and its file name gives none; it is left out.", 1)
            return None
        dates, invalid = (fallback, None), True
    start, end = dates
    ident = str(data.get("id") or name_id(docname))
    if "id" not in data and not re.match(ID_PATTERN, ident):
        fixed = re.sub(r"[^A-Za-z0-9_.:-]+", "-", ident).strip("-") or "event"
        report(
            Subtype.filename,
            f"the id {ident!r} taken from the file name is not a valid id (letters, digits, '-', '_' or '.'); "
            f"rename the file to '{start.iso()}-{fixed}.md' or give the event an `id:`.",
            1,
        )
    data.setdefault("title", ident)
    stem = posixpath.basename(docname)
    if not stem.startswith(start.iso()):
        report(
            Subtype.filename,
            f"file name {stem!r} does not start with the event's date {start.iso()!r}; rename it "
            f"to '{start.iso()}-{ident}.md' so the year's contents stay in date order.",
            loaded.line(("date",)),
        )
    folder = posixpath.basename(posixpath.dirname(docname))
    if re.fullmatch(r"\d{4}", folder) and int(folder) != start.year:
        report(
            Subtype.filename,
            f"a {start.year} event in the folder {folder!r}: its year's page lists it, but its page is filed "
            f"under {folder}; move it to the folder {start.year!s}.",
            loaded.line(("date",)),
        )
    _repeated(data, loaded, ident, report)
    _leads(data, loaded, report)
    _series_kind(data, loaded, report, vocabulary)
    _placeholders(data, (), loaded, report)
    for number, item in enumerate(data.get("uncertain") or ()):
        name = str(item.get("field", "")).split(".")[0]
        if name and name not in schema["properties"]:
            report(
                Subtype.value,
                f"uncertain: {name!r} is not a front-matter field.{suggest(name, schema['properties'])} "
                "Name the field whose value is uncertain (e.g. date, place, delegations.cn).",
                loaded.line(("uncertain", number, "field")),
            )
    return _event(docname, ident, data, start, end, loaded, invalid)


def _repeated(data: dict[str, Any], loaded: Loaded, ident: str, report: Any) -> None:
    """A topic listed twice, an event related to itself: each said once, and the repeat dropped."""
    topics = data.get("topics") or []
    for number, topic in enumerate(topics):
        if topic in topics[:number]:
            report(Subtype.duplicate, f"topic {topic!r} is listed twice; remove one.", loaded.line(("topics", number)))
    data["topics"] = list(dict.fromkeys(topics))
    related = data.get("related") or []
    for number, item in enumerate(related):
        if isinstance(item, dict) and item.get("event") == ident:
            report(
                Subtype.value,
                "an event cannot be related to itself; name another event's id.",
                loaded.line(("related", number, "event")),
            )
    data["related"] = [r for r in related if not (isinstance(r, dict) and r.get("event") == ident)]


_PLACEHOLDER = re.compile(
    r"^(?:TODO|TBD|FIXME|XXX|TITLE|CITY|COUNTRY|VENUE|TITLE AT THE TIME|[A-Z]+(?:-[A-Z]+)*-(?:ID|KEY))$|\bTODO\b"
)


def _placeholders(value: Any, path: tuple[str | int, ...], loaded: Loaded, report: Any) -> None:
    """A template's placeholder left in (``title: TITLE``, ``person: PERSON-ID``, ``TODO``) would build as if
    it were the fact."""
    if isinstance(value, dict):
        for key, item in value.items():
            _placeholders(item, (*path, key), loaded, report)
    elif isinstance(value, list):
        for number, item in enumerate(value):
            _placeholders(item, (*path, number), loaded, report)
    elif isinstance(value, str) and _PLACEHOLDER.search(value.strip()):
        field = ".".join(str(p) for p in path)
        report(
            Subtype.value,
            f"{field}: {value!r} is a placeholder; write the real value from a source, or remove the field.",
            loaded.line(path),
        )


def _leads(data: dict[str, Any], loaded: Loaded, report: Any) -> None:
    """The convention for `lead` (README, "Conventions"): each side's delegation has one head, two where the
    sources name two co-chairs, none only where `uncertain:` says the sources name none."""
    delegations = data.get("delegations") or {}
    uncertain = {str(u.get("field", "")) for u in data.get("uncertain") or () if isinstance(u, dict)}
    for side, delegates in delegations.items():
        leads = [d for d in delegates or () if isinstance(d, dict) and d.get("lead") is True]
        if len(leads) > 2:
            report(
                Subtype.value,
                f"{len(leads)} officials marked `lead` on side {side!r}: mark only the head of the delegation "
                "(two where the sources name two co-chairs); list the officials met without `lead`.",
                loaded.line(("delegations", side)),
            )
        elif delegates and not leads and not {"delegations", f"delegations.{side}"} & uncertain:
            report(
                Subtype.missing,
                f"no official marked `lead` on side {side!r}: mark the head of the delegation with `lead: true`, "
                f"or say under `uncertain:` (field: delegations.{side}) that the sources name none.",
                loaded.line(("delegations", side)),
            )


def _series_kind(data: dict[str, Any], loaded: Loaded, report: Any, vocabulary: Vocabulary) -> None:
    """The convention for `kind` (README, "Conventions"): a kind for sessions of a series (the vocabulary's
    ``series: true``) names its series, unless `uncertain:` says the sources do not place it in one."""
    kind = str(data.get("kind") or "")
    uncertain = {str(u.get("field", "")) for u in data.get("uncertain") or () if isinstance(u, dict)}
    named = data.get("series") or {"series", "round"} & uncertain
    if kind in vocabulary.ids("kinds") and vocabulary.kind(kind).series and not named:
        report(
            Subtype.missing,
            f"a {kind!r} event is a session of a series, but names none: add `series:` (an id from the series "
            "registry) and `round:`, give a meeting outside any series another kind, or say under "
            "`uncertain:` (field: round) that the sources do not place it in a series.",
            loaded.line(("kind",)),
        )


def _dates(data: dict[str, Any], loaded: Loaded, report: Any) -> tuple[PartialDate, PartialDate | None] | None:
    if "date" not in data:
        return None
    try:
        start = parse_date(data["date"])
    except DateError as exc:
        report(Subtype.date, f"date: {exc}.", loaded.line(("date",)))
        return None
    end = None
    if "end" in data:
        try:
            end = parse_date(data["end"])
        except DateError as exc:
            report(Subtype.date, f"end: {exc}.", loaded.line(("end",)))
        if end is not None and ends_before(start, end):
            report(
                Subtype.date,
                f"end {end.iso()} is before date {start.iso()}; swap them or correct the end date.",
                loaded.line(("end",)),
            )
            end = None
    return start, end


def _event(
    docname: str,
    ident: str,
    data: dict[str, Any],
    start: PartialDate,
    end: PartialDate | None,
    loaded: Loaded,
    invalid: bool = False,
) -> Event:
    round_value = data.get("round")
    return Event(
        docname=docname,
        id=ident,
        title=data["title"],
        date=start,
        end=end,
        approximate=bool(data.get("approximate", False)),
        timezone=data.get("timezone", ""),
        kind=data.get("kind", ""),
        status=data.get("status", ""),
        format=data.get("format", ""),
        place=Place(**data["place"]) if data.get("place") else None,
        series=data.get("series", ""),
        round=round_value if isinstance(round_value, int) else None,
        round_label=round_value if isinstance(round_value, str) else "",
        delegations=tuple(
            (side, tuple(Delegate(**d) for d in delegates if d and "person" in d))
            for side, delegates in (data.get("delegations") or {}).items()
        ),
        topics=tuple(data.get("topics") or ()),
        related=tuple(Related(**r) for r in data.get("related") or () if r and "event" in r),
        outcomes=tuple(data.get("outcomes") or ()),
        exchange=_exchange(data.get("exchange")),
        uncertain=tuple(Uncertain(**u) for u in data.get("uncertain") or () if u and "field" in u),
        invalid=invalid,
        redirect_from=tuple(str(name).removesuffix(".md") for name in data.get("redirect_from") or ()),
        # the paths repeat from event to event: interned, the saved environment holds each once (at 5,000
        # events the events store pickles to 3.8 MB instead of 6.3 MB)
        lines=tuple(
            (sys.intern(".".join(str(p) for p in path)), line)
            for path, line in sorted(loaded.lines.items(), key=lambda item: [str(p) for p in item[0]])
        ),
    )


def _exchange(data: dict[str, Any] | None) -> Exchange | None:
    if not data:
        return None
    values = dict(data)
    for key in ("partners", "sponsors", "participant_types"):
        values[key] = tuple(values.get(key) or ())
    return Exchange(**values)
