"""The ``chron`` domain: plain records per document, purged and merged per document, cross-references for
events, people, series, topics and sources, and all of them in ``objects.inv``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Set
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.nodes import Element
from sphinx import addnodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole

from sphinx_chronology.bibliography import citations
from sphinx_chronology.bibliography.csl import to_nodes
from sphinx_chronology.config import vocabulary
from sphinx_chronology.model.records import Citation, DisputeRecord, Event, Reference, View
from sphinx_chronology.reading.lines import role_line
from sphinx_chronology.reading.registry import Registry, data_stamp, load_registry
from sphinx_chronology.store.depends import given
from sphinx_chronology.store.index import Index, dated_title
from sphinx_chronology.views.disputes import check_stray_accounts
from sphinx_chronology.views.nodes import chronology_view, reference_to, search_anchor
from sphinx_chronology.warnings import document_problems, recording, replay

PER_DOC_STORES = ("events", "views", "refs", "citations", "disputes", "problems")


class LocatedXRefRole(XRefRole):
    """A cross-reference that keeps its own line, not its paragraph's, for warnings about its target."""

    def result_nodes(
        self, document: nodes.document, env: BuildEnvironment, node: Element, is_ref: bool
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        node.line = role_line(self.inliner.parent, self.rawtext, self.lineno)
        return [node], []


class ChronologyDomain(Domain):
    """Events, their vocabularies and sources."""

    name = "chron"
    label = "Chronology"
    object_types = {
        "event": ObjType("event", "event"),
        "person": ObjType("person", "person"),
        "series": ObjType("series", "series"),
        "topic": ObjType("topic", "topic"),
        "source": ObjType("source", "cite"),
    }
    roles = {
        "event": LocatedXRefRole(),
        "person": LocatedXRefRole(),
        "series": LocatedXRefRole(),
        "topic": LocatedXRefRole(),
        "cite": citations.cite_role,
    }
    initial_data: ClassVar[dict[str, Any]] = {
        "events": {},  # docname -> Event
        "views": {},  # docname -> tuple[View, ...]
        "refs": {},  # docname -> tuple[Reference, ...]
        "citations": {},  # docname -> tuple[Citation, ...]
        "disputes": {},  # docname -> tuple[DisputeRecord, ...]
        # docname -> the warnings reading it gave, given again when a later build does not read it again
        "problems": {},
        "checked": None,  # the warnings the last consistency checks gave (``check``)
        # builder name -> docname -> hash of everything its rendering uses: per builder, since builders
        # sharing one environment (``sphinx-build -M``) each have their own output to keep fresh
        "fingerprints": {},
        # how many times a build changed the inputs (read or removed a document, or loaded changed data files),
        # and per builder the count and the shared inputs' hash at its last fingerprinting: a builder whose
        # last pass was at the current count has nothing to fingerprint (``incremental.on_env_get_updated``)
        "state": 0,
        "passes": {},
        # Sphinx's links between pages (parent, previous, next) at the last fingerprinting
        "relations": {},
        "formatted": {},  # the formatted bibliography, {stamp, entries} (``Index.bibliography``): pandoc runs once
        "registry": Registry(),
        "registry_stamp": "",  # hash of the data files the registry was loaded from (``registry.data_stamp``)
        "registry_problems": (),  # the warnings that loading gave, given again whenever it is reused
    }
    data_version = 7

    _index: Index | None = None
    _reading: frozenset[str] = frozenset()
    #: Whether a document was read or removed, or the data files changed, in this build
    #: (``incremental.on_env_get_updated``).
    inputs_changed = True
    #: Whether the data files changed (were loaded anew) in this build.
    registry_changed = True
    _purged: set[str] | None = None

    # -- storage ---------------------------------------------------------------------------------------

    def _changed(self) -> None:
        self._index = None
        self.inputs_changed = True

    @property
    def registry(self) -> Registry:
        registry: Registry = self.data["registry"]
        return registry

    def load_registry(self, srcdir: Path, registry_dir: str, sources_dir: str) -> None:
        """At the start of a build, before any document is read: the registries and source records, loaded
        anew only when a data file changed (the last load's warnings are given again otherwise)."""
        stamp = data_stamp(srcdir, registry_dir, sources_dir)
        self._index = None
        self._purged = set()
        self.inputs_changed = self.registry_changed = stamp != self.data["registry_stamp"]
        if not self.inputs_changed:
            replay(self.data["registry_problems"])
            return
        with recording() as problems:
            self.data["registry"] = load_registry(srcdir, registry_dir, sources_dir)
        self.data["registry_stamp"], self.data["registry_problems"] = stamp, tuple(problems)

    def note_event(self, event: Event) -> None:
        self.data["events"][event.docname] = event
        self._changed()

    def clear_doc(self, docname: str) -> None:
        if self._purged is None:
            self._purged = set()
        self._purged |= given(docname, self.data["events"].get(docname))
        for store in PER_DOC_STORES:
            self.data[store].pop(docname, None)
        for fingerprints in self.data["fingerprints"].values():
            fingerprints.pop(docname, None)
        self._changed()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for store in PER_DOC_STORES:
            for docname, value in otherdata[store].items():
                if docname in docnames:
                    self.data[store][docname] = value
        self._changed()

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Record the views, cross-references and citations a document contains."""
        views = tuple(View(node["kind"], node["arg"], _line(node)) for node in document.findall(chronology_view))
        refs = tuple(
            Reference(node["reftype"], node["reftarget"], _line(node))
            for node in document.findall(addnodes.pending_xref)
            if node.get("refdomain") == self.name and node["reftype"] != "source"
        )
        first_title = next(iter(document.findall(nodes.title)), None)
        page_title = first_title.astext() if first_title is not None else docname
        cites = tuple(
            Citation(tuple(node["chron_keys"]), node["chron_anchor"], node.get("chron_line"), page_title)
            for node in document.findall(nodes.inline)
            if "chron_keys" in node
        )
        check_stray_accounts(document, docname)
        disputes = tuple(
            DisputeRecord(
                node["chron_dispute"],
                node["chron_anchor"],
                node["chron_accounts"],
                page_title,
                _line(node),
                node.get("chron_account_sources", ()),
            )
            for node in document.findall(nodes.container)
            if "chron_dispute" in node
        )
        problems = document_problems()
        stores = (
            ("views", views),
            ("refs", refs),
            ("citations", cites),
            ("disputes", disputes),
            ("problems", problems),
        )
        for store, value in stores:
            if value:
                self.data[store][docname] = value
            else:
                self.data[store].pop(docname, None)
        self._changed()

    # -- lookups ---------------------------------------------------------------------------------------

    @property
    def index(self) -> Index:
        if self._index is None:
            config = self.env.config
            self._index = Index(self.data, vocabulary(config), config.language or "en")
        return self._index

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        index = self.index
        for event in index.events:
            if index.by_id.get(event.id) is event:
                yield event.id, event.title, "event", event.docname, search_anchor(f"event-{event.id}"), 1
        people_doc = index.doc_of("people")
        if people_doc:
            for person in self.registry.people.values():
                yield person.id, person.name, "person", people_doc, search_anchor(f"person-{person.id}"), 1
        for series in self.registry.series.values():
            series_doc = index.doc_of("series", series.id)
            if series_doc:
                yield series.id, series.name, "series", series_doc, search_anchor(f"series-{series.id}"), 1
        topics_doc = index.doc_of("topics")
        if topics_doc:
            for topic in self.registry.topics.values():
                yield topic.id, topic.name, "topic", topics_doc, search_anchor(f"topic-{topic.id}"), 1
        bibliography_doc = index.doc_of("bibliography")
        if bibliography_doc:
            for source in self.registry.sources.values():
                yield (
                    source.id,
                    index.label_text(source.id),
                    "source",
                    bibliography_doc,
                    search_anchor(f"source-{source.id}"),
                    1,
                )

    def target(self, typ: str, target: str) -> tuple[str, str, str] | None:
        """``(docname, anchor, text)`` of a cross-reference target, or None if unknown or unplaced."""
        index, registry = self.index, self.registry
        if typ == "event" and target in index.by_id:
            event = index.by_id[target]
            return event.docname, "", dated_title(event.title, index.when(event))
        pools: dict[str, Mapping[str, Any]] = {
            "person": registry.people,
            "series": registry.series,
            "topic": registry.topics,
            "source": registry.sources,
        }
        found = pools.get(typ, {}).get(target)
        if found is None:
            return None
        if typ == "person":
            return index.doc_of("people") or "", f"person-{target}", found.display()
        if typ == "series":
            return index.doc_of("series", target) or "", "", found.name
        if typ == "topic":
            return index.doc_of("topics") or "", f"topic-{target}", found.name
        return index.doc_of("bibliography") or "", f"source-{target}", index.label_text(target)

    def resolve_xref(  # type: ignore[override]
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | nodes.inline | None:
        # An inline (plain text) for a known target that has no page to link to, e.g. a person in a
        # project without a people index: Sphinx puts any returned node in place of the reference.
        found = self.target(typ, target)
        if found is None:
            return None
        docname, anchor, text = found
        child: Element = (
            contnode
            if node.get("refexplicit")
            else to_nodes(self.index.label(target), "chron-label")
            if typ == "source"
            else nodes.inline(text, text)
        )
        if not docname:
            return nodes.inline("", "", child)
        tooltip = node.get("chron_quote")  # a citation's supporting quote shows on hover
        title = f"\u201c{tooltip}\u201d" if tooltip else text
        # in the PDF an event reference gives its page
        return reference_to(builder, fromdocname, docname, anchor, child, title, page=typ == "event")

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        results = []
        for typ in self.object_types:
            ref = self.resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
            if isinstance(ref, nodes.reference):
                results.append((f"{self.name}:{typ}", ref))
        return results

    def note_reading(self, docnames: Set[str]) -> None:
        """At ``env-before-read-docs``: which documents this build reads (their warnings come anew)."""
        self._reading = frozenset(docnames)

    def touched(self) -> set[str]:
        """The keys (``store.depends``) given by the documents this build read or removed, before and after."""
        keys = set(self._purged or ())
        for docname in self._reading:
            keys |= given(docname, self.data["events"].get(docname))
        return keys

    def check(self) -> None:
        """At ``env-updated``, on every build: the checks that need every document, and what reading gave
        for the documents this build did not read, so that ``-W`` answers on an incremental build as on a
        fresh one. (Sphinx runs ``check_consistency`` only when a document changed.) The checks run again only
        when an input changed; otherwise their last warnings are given again."""
        from sphinx_chronology.store.checks import check_all

        for docname in sorted(set(self.data["problems"]) - self._reading):
            replay(self.data["problems"][docname])
        if not self.inputs_changed and self.data["checked"] is not None:
            replay(self.data["checked"])
            return
        config = self.env.config
        with recording() as problems:
            check_all(
                self.index,
                config.chronology_require_sources,
                config.chronology_registry_dir,
                config.chronology_sources_dir,
            )
        self.data["checked"] = tuple(problems)


def domain_of(env: BuildEnvironment) -> ChronologyDomain:
    """The project's ``chron`` domain."""
    domain = env.domains[ChronologyDomain.name]
    assert isinstance(domain, ChronologyDomain)
    return domain


def _line(node: Element) -> int | None:
    """The node's line, or its nearest ancestor's (inline nodes often have none)."""
    current: Element | None = node
    while current is not None:
        if current.line:
            return int(current.line)
        current = current.parent
    return None
