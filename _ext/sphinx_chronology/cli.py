"""``sphinx-chronology``: the authors' command line.

``check`` validates a project the way the build does, without a Sphinx build (``reading.project``): the same
functions, the same messages and subtypes, in seconds. ``new`` creates an event file from a real date, an
unused id and a kind, numbering the next round of a series. ``export`` writes the data files (``exports``)
without building the site.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

from sphinx_chronology.model.dates import DateError, parse_date
from sphinx_chronology.reading.project import Settings, documents, read_project, settings
from sphinx_chronology.reading.schema import ID_PATTERN
from sphinx_chronology.store.checks import check_all
from sphinx_chronology.store.index import Index
from sphinx_chronology.warnings import Problem, recording


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sphinx-chronology", description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=Path("."), help="the project folder (with conf.py)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every event, registry, source and citation")
    check.add_argument("--format", choices=("text", "json"), default="text")
    new = commands.add_parser("new", help="create an event file")
    new.add_argument("date", help="YYYY, YYYY-MM or YYYY-MM-DD")
    new.add_argument("id", help="the event's id (letters, digits, '-')")
    new.add_argument("--title", required=True)
    new.add_argument("--kind", required=True)
    new.add_argument("--series", default="", help="a series id: the next round is numbered")
    intake = commands.add_parser("import", help="source records from a CSL-JSON or BibTeX file (Zotero, Better BibTeX)")
    intake.add_argument("file", type=Path, help="a CSL-JSON file (a list of items) or a BibTeX file (.bib)")
    export = commands.add_parser("export", help="write the data files without building the site")
    export.add_argument("--out", type=Path, default=Path("_build/data"))
    schemas = commands.add_parser("schemas", help="write the JSON Schemas an editor validates the YAML files with")
    schemas.add_argument("--out", type=Path, default=Path("schemas"))
    args = parser.parse_args(argv)
    project = args.project.resolve()
    if args.command == "check":
        return _check(project, args.format)
    if args.command == "new":
        return _new(project, args)
    if args.command == "import":
        return _import(project, args.file)
    if args.command == "schemas":
        return _schemas(project, args.out)
    return _export(project, args.out)


def _quiet() -> None:
    """The warnings are collected and printed here; Sphinx's logger has no handler outside a build."""
    logger = logging.getLogger("sphinx")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False


def read(project: Path) -> tuple[Settings, Index, list[Problem]]:
    _quiet()
    config = settings(project)
    with recording() as problems:
        index = read_project(config)
        check_all(index, config.require_sources, config.registry_dir, config.sources_dir, views=False)
    return config, index, problems


def _check(project: Path, form: str) -> int:
    started = time.perf_counter()
    _config, index, problems = read(project)
    found = [_located(problem) for problem in problems]
    if form == "json":
        print(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        for item in found:
            where = (
                f"{item['file']}:{item['line']}: " if item["line"] else (f"{item['file']}: " if item["file"] else "")
            )
            print(f"{where}WARNING: {item['message']} [chronology.{item['subtype']}]")
        seconds = time.perf_counter() - started
        print(f"{len(index.events)} events checked in {seconds:.1f} s: {len(found)} problem(s).", file=sys.stderr)
    return 1 if found else 0


def _located(problem: Problem) -> dict[str, Any]:
    subtype, message, location = problem
    file, line = "", 0
    if isinstance(location, tuple):
        file, line = f"{location[0]}.md", int(location[1] or 0)
    elif isinstance(location, str):
        file, _, number = location.rpartition(":")
        if not number.isdigit():
            file, number = location, "0"
        line = int(number)
    return {"file": file, "line": line, "subtype": str(subtype), "message": message}


def _new(project: Path, args: argparse.Namespace) -> int:
    import re

    config, index, _problems = read(project)
    problems = []
    try:
        date = parse_date(args.date)
    except DateError as exc:
        problems.append(f"date: {exc}")
        date = None
    if not re.match(ID_PATTERN, args.id):
        problems.append(f"id {args.id!r} is not a valid id; use letters, digits, '-', '_' or '.'")
    elif args.id in index.by_id:
        problems.append(f"id {args.id!r} is already used by {index.by_id[args.id].docname}.md")
    if args.kind not in index.vocabulary.ids("kinds"):
        problems.append(f"unknown kind {args.kind!r}; the kinds are {', '.join(index.vocabulary.ids('kinds'))}")
    if args.series and args.series not in index.registry.series:
        problems.append(f"unknown series {args.series!r}; see {config.registry_dir}/series.yaml")
    if not args.title.strip():
        problems.append("give the event's title with --title")
    if problems or date is None:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    pattern = next((p for p in config.event_docs if "[0-9][0-9][0-9][0-9]" in p), "chronology/[0-9][0-9][0-9][0-9]/*")
    folder = project / pattern.rpartition("/")[0].replace("[0-9][0-9][0-9][0-9]", str(date.year))
    path = folder / f"{date.iso()}-{args.id}.md"
    if path.exists():
        print(f"error: {path.relative_to(project)} exists", file=sys.stderr)
        return 2
    lines = ["---", f"title: {json.dumps(args.title, ensure_ascii=False)}", f"date: {date.iso()}", f"kind: {args.kind}"]
    lines.append(f"status: {index.vocabulary.first_status}")
    if args.series:
        rounds = [e.round for e in index.by_series.get(args.series, []) if e.round is not None]
        first = index.registry.series[args.series].first_round
        lines += [f"series: {args.series}", f"round: {max(rounds, default=first - 1) + 1}"]
    lines += ["delegations: {}", "topics: []", "---", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    year_page = folder / "index.md"
    if not year_page.exists():  # a new year: its page, with the year view
        year_page.write_text(f"# {date.year}\n\n```{{chronology-year}}\n```\n", encoding="utf-8")
        print(f"created {year_page.relative_to(project)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"created {path.relative_to(project)}: add the delegations, topics and what happened, each statement")
    print("followed by its source ({cite}`key`); `sphinx-chronology check` says what is still missing.")
    _suggest(index, args.series)
    return 0


def _suggest(index: Index, series: str) -> None:
    """The people and topics an author is likely to need: those of the series' last round, else the most used."""
    rounds = index.by_series.get(series, []) if series else []
    if rounds:
        last = rounds[-1]
        people = [f"{side}: {d.person}" for side, delegates in last.delegations for d in delegates]
        topics = list(last.topics)
        print(f"as in {last.id}:")
    else:
        people = sorted(index.by_person, key=lambda p: (-len(index.by_person[p]), p))[:12]
        topics = sorted(index.by_topic, key=lambda t: (-len(index.by_topic[t]), t))[:12]
        print("the most cited in the chronology:")
    if people:
        print(f"  people: {', '.join(people)}")
    if topics:
        print(f"  topics: {', '.join(topics)}")


def _import(project: Path, file: Path) -> int:
    """One record per item, under its citation key (or its id when that is a valid key); an existing record
    with the same key is left alone when it differs (said), and not rewritten when it is the same."""
    import re

    import yaml

    from sphinx_chronology.reading.registry import csl_forms
    from sphinx_chronology.reading.schema import SOURCE

    config = settings(project)
    folder = project / config.sources_dir
    try:
        text = file.read_text(encoding="utf-8")
        if file.suffix.lower() in (".bib", ".bibtex") or text.lstrip().startswith(("@", "%")):
            from sphinx_chronology.exports.bibtex import read_bibtex

            items, problems = read_bibtex(text)
            for problem in problems:
                print(problem, file=sys.stderr)
        else:
            items = json.loads(text)
    except (OSError, ValueError) as exc:
        print(f"error: cannot read {file}: {exc}", file=sys.stderr)
        return 2
    if isinstance(items, dict):
        items = [items]
    known = set(SOURCE["properties"])
    status = 0
    for number, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            print(f"item {number + 1}: not an object; skipped", file=sys.stderr)
            continue
        key = str(item.get("citation-key") or item.get("id") or "")
        if not re.match(ID_PATTERN, key):
            key = _key(item)
        record = csl_forms({name: value for name, value in item.items() if name not in ("id", "citation-key")})
        dropped = sorted(set(record) - known)
        record = {"id": key, **{name: value for name, value in record.items() if name in known}}
        if dropped:
            print(f"{key}: left out what no CSL variable holds: {', '.join(dropped)}", file=sys.stderr)
        path = folder / f"{key}.yaml"
        text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=120)
        if path.exists():
            if yaml.safe_load(path.read_text(encoding="utf-8")) == yaml.safe_load(text):
                print(f"{key}: unchanged")
                continue
            print(f"error: {path.relative_to(project)} exists and differs; not overwritten", file=sys.stderr)
            status = 1
            continue
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"{key}: written to {path.relative_to(project)}")
    return status


def _key(item: dict[str, Any]) -> str:
    """A key for an item without a usable one: author (or outlet), year and the title's first words."""
    import re

    authors = item.get("author") or [{}]
    first = authors[0] if isinstance(authors, list) and authors and isinstance(authors[0], dict) else {}
    who = str(first.get("family") or first.get("literal") or item.get("container-title") or "source")
    parts = (item.get("issued") or {}).get("date-parts") if isinstance(item.get("issued"), dict) else None
    year = str(parts[0][0]) if parts and parts[0] else "nd"
    words = re.findall(r"[a-z0-9]+", str(item.get("title", "")).lower())[:4]
    return "-".join([*re.findall(r"[a-z0-9]+", who.lower())[:2], year, *words]) or "source"


def _schemas(project: Path, out: Path) -> int:
    """The registries' and source records' schemas, for the project's editor settings; they follow the
    project's vocabulary (its kinds, statuses, formats), so they are written again when it changes."""
    from sphinx_chronology.exports import schema_files

    _config, index, _problems = read(project)
    folder = out if out.is_absolute() else project / out
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in schema_files(index.vocabulary).items():
        (folder / name).write_text(content, encoding="utf-8")
    print(f"wrote the schemas to {folder}")
    return 0


def _export(project: Path, out: Path) -> int:
    from sphinx_chronology.exports import data_files

    config, index, problems = read(project)
    folder = out if out.is_absolute() else project / out
    values = config.values
    written = data_files(
        index,
        project=str(values.get("project", "Project name not set")),  # Sphinx's defaults
        release=str(values.get("release", "")),
        copyright=str(values.get("copyright", "")),
        baseurl=str(values.get("html_baseurl", "")),
        page_uri=lambda docname: f"{docname}.html",
        srcdir=project,
        doc_paths={e.id: f"{e.docname}.md" for e in index.events},
    )
    for name, content in written.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    print(f"wrote {len(written)} files to {folder} ({len(problems)} problem(s); run check to see them)")
    return 0


__all__ = ["documents", "main"]

if __name__ == "__main__":
    sys.exit(main())
