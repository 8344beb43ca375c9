"""Registries (sides, series, people, topics) and source records: data files read once per build.

They are not documents, so they are validated here, at load time, with warnings located in the data file.
Events are checked against them after all documents are read (see ``checks.py``).
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphinx_chronology.bibliography.csl import missing_fields
from sphinx_chronology.model.dates import DateError, parse_date
from sphinx_chronology.model.records import Period, Person, Series, Side, Source, Topic
from sphinx_chronology.reading.schema import CSL_DATES, REGISTRIES, SOURCE, usable, validate
from sphinx_chronology.reading.yamldata import Loaded, load
from sphinx_chronology.warnings import Subtype, suggest, warn


@dataclass(frozen=True)
class Registry:
    """Everything the project's data files define, keyed by id, in file order."""

    sides: dict[str, Side] = field(default_factory=dict)
    series: dict[str, Series] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    periods: dict[str, Period] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)


REGISTRY_FILES = ("sides", "people", "series", "topics", "periods")


def _source_files(srcdir: Path, sources_dir: str) -> list[Path]:
    directory = srcdir / sources_dir
    return sorted(directory.glob("*.y*ml")) if directory.is_dir() else []


def data_stamp(srcdir: Path, registry_dir: str, sources_dir: str) -> str:
    """A hash of the names and contents of every data file ``load_registry`` reads: while it is unchanged,
    so is the registry. Contents, not modification times, so an edit is never missed."""
    digest = hashlib.sha256()
    paths = [srcdir / registry_dir / f"{name}.yaml" for name in REGISTRY_FILES]
    for path in [*paths, *_source_files(srcdir, sources_dir)]:
        if not path.is_file() and not path.is_symlink():
            continue
        try:
            content = path.read_bytes()
        except OSError:  # reported when the file is loaded; its name alone is hashed
            content = b"\0unreadable"
        digest.update(f"{path.relative_to(srcdir).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def _load_file(path: Path, relpath: str) -> Loaded:
    """A data file's YAML; a file that cannot be read, or is not UTF-8, is a located warning."""
    try:
        content = path.read_bytes()
    except OSError as exc:
        reason = "it is a link to nothing" if path.is_symlink() and not path.exists() else exc.strerror
        warn(Subtype.unreadable, f"cannot read this file ({reason}); fix or remove it.", f"{relpath}:1")
        return Loaded(None)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        warn(
            Subtype.encoding,
            f"byte 0x{content[exc.start]:02x} is not UTF-8 (it shows as \\ufffd); save the file as UTF-8.",
            f"{relpath}:{line}",
        )
        text = content.decode("utf-8-sig", errors="replace")
    loaded = load(text)
    for line, message in loaded.errors:
        warn(Subtype.yaml, f"{message}.", f"{relpath}:{line}")
    return loaded


def _reporter(relpath: str) -> Any:
    def report(subtype: Subtype, message: str, line: int) -> None:
        warn(subtype, message, f"{relpath}:{line}")

    return report


def _entries(srcdir: Path, directory: str, name: str) -> tuple[dict[str, dict[str, Any]], Loaded]:
    """The valid entries of one registry file, and the loaded file (for the lines of later checks)."""
    relpath = f"{directory}/{name}.yaml"
    path = srcdir / relpath
    if not path.is_file():
        return {}, Loaded(None)
    loaded = _load_file(path, relpath)
    if loaded.data is None:
        return {}, loaded
    bad = validate(loaded, REGISTRIES[name], name, _reporter(relpath))
    data = usable(loaded.data, (), bad) or {}
    if not isinstance(data, dict):
        return {}, loaded
    entries = {str(key): value for key, value in data.items() if isinstance(value, dict) and "name" in value}
    return entries, loaded


def load_registry(srcdir: Path, registry_dir: str, sources_dir: str) -> Registry:
    """Read and validate every registry file and source record under ``srcdir``."""
    sides = {k: Side(id=k, **v) for k, v in _entries(srcdir, registry_dir, "sides")[0].items()}
    people_entries, people_file = _entries(srcdir, registry_dir, "people")
    people = {k: _person(k, v) for k, v in people_entries.items()}
    for person in people.values():
        if person.side and sides and person.side not in sides:
            warn(
                Subtype.unknown_side,
                f"person {person.id!r} has unknown side {person.side!r}."
                f"{suggest(person.side, sides)} Known sides: {', '.join(sides)}.",
                f"{registry_dir}/people.yaml:{people_file.line((person.id, 'side'))}",
            )
    sources = _load_sources(srcdir, sources_dir)
    return Registry(
        sides=sides,
        series={k: Series(id=k, **v) for k, v in _entries(srcdir, registry_dir, "series")[0].items()},
        people=people,
        topics={k: Topic(id=k, **v) for k, v in _entries(srcdir, registry_dir, "topics")[0].items()},
        periods=_periods(srcdir, registry_dir, sides, sources, sources_dir),
        sources=sources,
    )


def _person(ident: str, fields: dict[str, Any]) -> Person:
    native = tuple((key[5:].replace("_", "-"), str(value)) for key, value in fields.items() if key.startswith("name_"))
    plain = {key: value for key, value in fields.items() if not key.startswith("name_")}
    return Person(id=ident, native=native, **plain)


def _periods(
    srcdir: Path, registry_dir: str, sides: dict[str, Side], sources: dict[str, Source], sources_dir: str
) -> dict[str, Period]:
    entries, loaded = _entries(srcdir, registry_dir, "periods")
    relpath = f"{registry_dir}/periods.yaml"
    periods: dict[str, Period] = {}
    for key, value in entries.items():
        source = value.get("source")
        if source and source not in sources:
            warn(
                Subtype.unknown_source,
                f"period {key!r} names unknown source {source!r}.{suggest(str(source), sources)} "
                f"Add {sources_dir}/{source}.yaml or correct the key.",
                f"{relpath}:{loaded.line((key, 'source'))}",
            )
        if sides and value.get("side") not in sides:
            warn(
                Subtype.unknown_side,
                f"period {key!r} has unknown side {value.get('side')!r}.{suggest(str(value.get('side')), sides)}",
                f"{relpath}:{loaded.line((key, 'side'))}",
            )
        try:
            start = parse_date(value["start"])
            end = parse_date(value["end"]) if value.get("end") else None
        except DateError as exc:
            warn(Subtype.date, f"period {key!r}: {exc}.", f"{relpath}:{loaded.line((key,))}")
            continue
        periods[key] = Period(id=key, name=value["name"], side=value["side"], start=start, end=end)
    return periods


def _load_sources(srcdir: Path, sources_dir: str) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for path in _source_files(srcdir, sources_dir):
        relpath = f"{sources_dir}/{path.name}"
        loaded = _load_file(path, relpath)
        if isinstance(loaded.data, dict):
            loaded.data = csl_forms(loaded.data)
            bad = validate(loaded, SOURCE, path.stem, _reporter(relpath))
            data = usable(loaded.data, (), bad)
        else:  # unreadable or malformed (already said): kept under its file name, so citations still resolve
            data = {}
        # a record missing its title (said by the schema) shows its key instead; its citations still resolve
        data.setdefault("title", path.stem)
        key = str(data.get("id", path.stem))
        if key != path.stem:
            warn(
                Subtype.value,
                f"source id {key!r} differs from its file name {path.stem!r}; rename one so they match.",
                f"{relpath}:{loaded.line(('id',))}",
            )
        if key in sources:
            # the record whose file is named after the key keeps it; the other one is reported
            keeps_new = path.stem == key
            loser, owner = (sources[key].path, relpath) if keeps_new else (relpath, sources[key].path)
            message = f"source key {key!r} is already used by {owner}; give this record another id (and file name)."
            warn(Subtype.duplicate, message, f"{loser}:1")
            if not keeps_new:
                continue
        source = Source(
            id=key, fields=tuple(data.items()), path=relpath, line=1, unreadable=not isinstance(loaded.data, dict)
        )
        _check_source(data, loaded, relpath)
        kind = str(data.get("genre") or data.get("type"))
        for name, what in missing_fields(source):
            anchor = "genre" if "genre" in data else "type"
            warn(
                Subtype.missing,
                f"source {key!r} has no {name!r}; {_article(kind)} {kind} record needs {what}.",
                f"{relpath}:{loaded.line((anchor,))}",
            )
        sources[key] = source
    return sources


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def csl_forms(record: dict[str, Any]) -> dict[str, Any]:
    """A record as CSL-JSON writes it, in the forms the records use: a date given as ``{date-parts: [[2015,
    8, 4]]}`` (or ``{raw: ...}``) becomes ``2015-08-04``; Zotero's ``shortTitle`` is CSL's ``title-short``."""
    record = dict(record)
    for name in CSL_DATES:
        value = record.get(name)
        if isinstance(value, dict):
            parts = value.get("date-parts")
            if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
                with contextlib.suppress(TypeError, ValueError):
                    record[name] = "-".join(f"{int(p):02d}" if i else f"{int(p):04d}" for i, p in enumerate(parts[0]))
            elif isinstance(value.get("raw") or value.get("literal"), str):
                record[name] = value.get("raw") or value.get("literal")
    if "shortTitle" in record and "title-short" not in record:
        record["title-short"] = record.pop("shortTitle")
    return record


def _check_source(data: dict[str, Any], loaded: Loaded, relpath: str) -> None:
    """Dates must be real and links must be web links; a bad URL is kept out of the output."""
    for name in ("issued", "accessed"):
        if name in data:
            try:
                parse_date(data[name])
            except DateError as exc:
                warn(Subtype.date, f"{name}: {exc}.", f"{relpath}:{loaded.line((name,))}")
    custom = data.get("custom") or {}
    for name, value, path in (
        ("URL", data.get("URL"), ("URL",)),
        ("archive-url", custom.get("archive-url"), ("custom", "archive-url")),
    ):
        if value and not str(value).startswith(("http://", "https://")):
            warn(
                Subtype.value,
                f"{name} {value!r} is not an http(s) address, so no link is made; "
                "give the web address starting with https:// or http://.",
                f"{relpath}:{loaded.line(path)}",
            )
