"""Reading a chronology project without Sphinx: its ``conf.py`` values, every page's front matter and
roles, the registries and source records, then the build's own cross-document checks, for the
``sphinx-chronology check`` and ``export`` commands.

The validation is the build's: the same functions read each event (``frontmatter.read_event``), the
registries and records (``registry.load_registry``), and check the whole (``checks.check_all``), and give the
same warnings. What only a Sphinx parse can see is left to the build: roles are found with a pattern (not in
code blocks, which authors do not cite in), and view directives and disputes are not checked.
"""

from __future__ import annotations

import re
import runpy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphinx.util.matching import Matcher

from sphinx_chronology.model.records import Citation, Event, Reference
from sphinx_chronology.model.vocabulary import Vocabulary, defaults, make_vocabulary, term_problems
from sphinx_chronology.reading.frontmatter import _warn_if_misplaced_event, is_event_doc, read_event
from sphinx_chronology.reading.registry import load_registry
from sphinx_chronology.reading.yamldata import Loaded, load, split_front_matter
from sphinx_chronology.store.index import Index
from sphinx_chronology.warnings import Subtype, warn

ROLE = re.compile(r"\{(?:chron:)?(event|person|series|topic|cite)\}`([^`]*)`")
DEFAULT_EVENTS = ["chronology/[0-9][0-9][0-9][0-9]/*"]


@dataclass
class Settings:
    """The ``conf.py`` values the chronology reads."""

    srcdir: Path
    event_docs: list[str] = field(default_factory=lambda: list(DEFAULT_EVENTS))
    registry_dir: str = "chronology/registry"
    sources_dir: str = "sources/records"
    require_sources: bool = True
    vocabulary: dict[str, Any] = field(default_factory=defaults)
    exclude: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)


def settings(srcdir: Path) -> Settings:
    """The project's settings, from its ``conf.py`` (run as Sphinx runs it, without its ``setup``)."""
    values: dict[str, Any] = {}
    conf = srcdir / "conf.py"
    if conf.is_file():
        values = runpy.run_path(str(conf))
    found = Settings(srcdir, values=values)
    found.event_docs = list(values.get("chronology_event_docs", found.event_docs))
    found.registry_dir = str(values.get("chronology_registry_dir", found.registry_dir))
    found.sources_dir = str(values.get("chronology_sources_dir", found.sources_dir))
    found.require_sources = bool(values.get("chronology_require_sources", True))
    found.exclude = ["_build", *values.get("exclude_patterns", [])]
    vocabulary = values.get("chronology_vocabulary")
    if vocabulary is not None and not term_problems(vocabulary):
        found.vocabulary = vocabulary
    return found


def documents(config: Settings) -> list[str]:
    """Every Markdown page of the project (document names), as Sphinx would find them."""
    excluded = Matcher(config.exclude)
    names = []
    for path in sorted(config.srcdir.rglob("*.md")):
        relative = path.relative_to(config.srcdir).as_posix()
        if not excluded(relative) and not any(excluded(str(parent)) for parent in Path(relative).parents):
            names.append(relative.removesuffix(".md"))
    return names


def read_project(config: Settings) -> Index:
    """Read and check the whole project; the warnings go where ``warnings.warn`` sends them."""
    vocabulary: Vocabulary = make_vocabulary(config.vocabulary)
    events: dict[str, Event] = {}
    refs: dict[str, tuple[Reference, ...]] = {}
    citations: dict[str, tuple[Citation, ...]] = {}
    for docname in documents(config):
        text = _read(config.srcdir / f"{docname}.md", docname)
        title = docname
        if is_event_doc(config.event_docs, docname):
            split = split_front_matter(text)
            loaded = load(split[0], first_line=2) if split else Loaded(None, {(): 1}, [])
            event = read_event(docname, loaded, vocabulary)
            if event is not None:
                events[docname] = event
                title = event.title
        else:
            _warn_if_misplaced_event(config.event_docs, docname, text)
        found_refs, found_cites = _roles(text, title)
        if found_refs:
            refs[docname] = found_refs
        if found_cites:
            citations[docname] = found_cites
    data = {
        "events": events,
        "views": {},
        "refs": refs,
        "citations": citations,
        "disputes": {},
        "formatted": {},
        "registry": load_registry(config.srcdir, config.registry_dir, config.sources_dir),
    }
    return Index(data, vocabulary, str(config.values.get("language") or "en"))


def _read(path: Path, docname: str) -> str:
    content = path.read_bytes()
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        warn(
            Subtype.encoding,
            f"byte 0x{content[exc.start]:02x} is not UTF-8 (it shows as \\ufffd); save the file as UTF-8.",
            (docname, line),
        )
        return content.decode("utf-8-sig", errors="replace")


def _roles(text: str, title: str) -> tuple[tuple[Reference, ...], tuple[Citation, ...]]:
    from sphinx_chronology.bibliography.citations import parse_cites

    refs, cites = [], []
    for match in ROLE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        kind, content = match.groups()
        if kind == "cite":
            keys = tuple(item.key for item in parse_cites(content) if item.key)
            cites.append(Citation(keys, "", line, title))
        else:
            target = content.rsplit("<", 1)[-1].rstrip(">").strip() if "<" in content else content.strip()
            refs.append(Reference(kind, target, line))
    return tuple(refs), tuple(cites)
