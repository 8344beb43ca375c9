"""Exports: the chronology as data files beside the HTML site, written at the end of an HTML build.

``data/`` in the output folder holds ``chronology.json`` (everything, with its JSON Schema), ``events.csv``,
``chronology.ics``, ``sources.json`` (CSL-JSON) and ``sources.bib``, and ``schemas/`` the schemas of what
authors write. All are made from the records the pages are made from, in a stable order, and a file is
written only when its content changed: a no-op build rewrites none, and two builds of the same sources give
the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from sphinx_chronology.exports.addresses import page_paths, redirect_pages, sitemap
from sphinx_chronology.exports.bibtex import sources_bib
from sphinx_chronology.exports.calendar import chronology_ics
from sphinx_chronology.exports.data import Edition, chronology_data
from sphinx_chronology.exports.feed import atom_feed, last_changed
from sphinx_chronology.exports.schema import chronology_schema, input_schemas
from sphinx_chronology.exports.tables import events_csv
from sphinx_chronology.exports.timelinejs import timeline_json
from sphinx_chronology.model.vocabulary import Vocabulary
from sphinx_chronology.store.domain import domain_of
from sphinx_chronology.store.index import Index

FOLDER = "data"
#: (file under ``data/``, format, what it holds), as the downloads view lists them
DOWNLOADS: tuple[tuple[str, str, str], ...] = (
    ("chronology.json", "JSON", "every event, series, person, topic, side, period and source, with dates at the "
     "precision known, delegations with the titles held then, relations, citations and disputed points"),
    ("chronology.schema.json", "JSON Schema 2020-12", "the shape of chronology.json"),
    ("events.csv", "CSV", "one row per event: dates, title, kind, status, place, series and round, each side's "
     "leads and delegation, topics and the sources cited"),
    ("chronology.ics", "iCalendar", "the events as all-day calendar entries; an event known only to the month "
     "(or year) spans that month (or year) and says so"),
    ("timeline.json", "TimelineJS", "the events as an interactive timeline's slides (dialogue series as "
     "groups, administrations as eras), for TimelineJS"),
    ("feed.atom", "Atom", "the 50 events most recently added or changed, newest first, for a feed reader"),
    ("sources.json", "CSL-JSON", "the bibliography, for reference managers and citation processors"),
    ("sources.bib", "BibTeX", "the bibliography, for BibTeX, biblatex and reference managers"),
    ("schemas/event.schema.json", "JSON Schema 2020-12", "the front matter of an event page, for editors that "
     "check YAML as it is typed"),
    ("schemas/source.schema.json", "JSON Schema 2020-12", "a source record (CSL-YAML)"),
    ("schemas/people.schema.json", "JSON Schema 2020-12", "the people registry; sides, series, topics and periods "
     "have theirs beside it (sides.schema.json ...)"),
)  # fmt: skip
#: builders whose output is a web site the files sit beside
SITE_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})


def files(app: Sphinx) -> dict[str, str]:
    """Path under ``data/`` -> content, for the project ``app`` has read."""
    config = app.config
    index = domain_of(app.env).index
    return data_files(
        index,
        project=str(config.project),
        release=str(config.release or ""),
        copyright=str(config.copyright or ""),
        baseurl=str(config.html_baseurl or ""),
        page_uri=app.builder.get_target_uri,
        srcdir=Path(app.srcdir),
        doc_paths={e.id: str(app.env.doc2path(e.docname, False)) for e in index.events},
    )


def data_files(
    index: Index,
    *,
    project: str,
    release: str,
    copyright: str,
    baseurl: str,
    page_uri: Callable[[str], str],
    srcdir: Path,
    doc_paths: dict[str, str],
) -> dict[str, str]:
    """Path under ``data/`` -> content (for a build, or for ``sphinx-chronology export`` without one)."""
    edition = Edition(
        project=project,
        release=release,
        copyright=copyright,
        baseurl=baseurl + ("/" if baseurl and not baseurl.endswith("/") else ""),
    )
    data = chronology_data(index, edition, page_uri)
    vocabulary = index.vocabulary
    uid_domain = re.sub(r"[^a-z0-9]+", "-", edition.project.lower()).strip("-") or "chronology"
    written = {
        "chronology.json": _json_records(data),
        "chronology.schema.json": _json(chronology_schema(vocabulary)),
        "events.csv": events_csv(data),
        "chronology.ics": chronology_ics(
            data, vocabulary.first_status, {s.id: str(s.label) for s in vocabulary.statuses}, uid_domain
        ),
        "timeline.json": _json_records(timeline_json(data, {e.id: index.when(e) for e in index.events})),
        "sources.json": _json_records(data["sources"]),
        "sources.bib": sources_bib(data["sources"]),
        "feed.atom": atom_feed(data, last_changed(srcdir, doc_paths), edition.baseurl),
    }
    written.update({f"schemas/{name}": content for name, content in schema_files(vocabulary).items()})
    return written


def schema_files(vocabulary: Vocabulary) -> dict[str, str]:
    """The input files' JSON Schemas (registries, source records, event front matter), by file name."""
    return {name: _json(schema) for name, schema in input_schemas(vocabulary).items()}


def site_files(app: Sphinx) -> dict[str, str]:
    """Path in the output folder -> content: the data files (unless turned off), the redirect pages and,
    with ``html_baseurl``, the sitemap."""
    written = (
        {f"{FOLDER}/{name}": content for name, content in files(app).items()} if app.config.chronology_exports else {}
    )
    written.update(redirect_pages(domain_of(app.env).index, app.builder))
    if app.config.html_baseurl:
        written["sitemap.xml"] = sitemap(app.builder, str(app.config.html_baseurl))
    return written


def write_exports(app: Sphinx, exception: BaseException | None) -> None:
    """At ``build-finished``: write the files whose content changed, and remove those an earlier build wrote
    that are no longer made (the page of a deleted event's id), unless a page of the project is there now."""
    if exception is not None or app.builder.name not in SITE_BUILDERS:
        return
    manifest = Path(app.doctreedir, f"chronology-written-{app.builder.name}.json")
    try:
        stored = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = {}
    if not isinstance(stored, dict):  # the form before the stamp: a list of the files
        stored = {"files": stored if isinstance(stored, list) else []}
    before = set(stored.get("files", ()))
    stamp = inputs_stamp(app)
    if stored.get("stamp") == stamp and all(Path(app.outdir, name).is_file() for name in before):
        return  # made from the same documents, data files and settings as the files written last time
    made = site_files(app)
    pages = page_paths(app.builder)
    for stale in sorted(before - set(made) - pages):
        Path(app.outdir, stale).unlink(missing_ok=True)
    for name, content in made.items():
        path = Path(app.outdir, name)
        encoded = content.encode("utf-8")
        if path.exists() and path.read_bytes() == encoded:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(encoded)
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps({"stamp": stamp, "files": sorted(made)}), encoding="utf-8")


def inputs_stamp(app: Sphinx) -> str:
    """What the site files are made from: every document as last read (Sphinx's read times), the data files
    (their stamp), the settings the files show, and this extension's version. Equal stamps give equal files,
    so a build that changed none of it (a no-op) does not make them again: at 1,000 events that took a third
    of a no-op build."""
    from sphinx_chronology import __version__

    config = app.config
    settings = (config.project, config.release, config.copyright, config.html_baseurl, config.language)
    parts = (__version__, app.builder.name, repr(settings), config.chronology_exports)
    digest = hashlib.sha256(repr(parts).encode("utf-8"))
    digest.update(str(domain_of(app.env).data["registry_stamp"]).encode("utf-8"))
    for docname, read in sorted(app.env.all_docs.items()):
        digest.update(f"{docname}\0{read}\n".encode())
    return digest.hexdigest()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def _json_records(value: Any) -> str:
    """A data file as JSON with one record a line: the top-level object's members, and the items of its
    lists, each on a line of its own. As readable in a diff as indented JSON, and written by the json
    module's C encoder (indentation makes it use the Python one, five times slower on chronology.json)."""

    def compact(item: Any) -> str:
        return json.dumps(item, ensure_ascii=False)

    def member(item: Any) -> str:
        if isinstance(item, list) and item:
            return "[\n" + ",\n".join(f"  {compact(entry)}" for entry in item) + "\n ]"
        return compact(item)

    if isinstance(value, dict):
        return "{\n" + ",\n".join(f" {compact(key)}: {member(item)}" for key, item in value.items()) + "\n}\n"
    return member(value).replace("\n ]", "\n]").replace("\n  ", "\n ") + "\n"
