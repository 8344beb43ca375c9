"""Global views of the domain's records, computed once per build when first needed.

Records are stored per document (so they purge and merge cleanly); lookups by id, year, series, person,
topic and source are derived here and never stored in the environment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sphinx_chronology.bibliography import csl as bibliography
from sphinx_chronology.model.dates import display_range
from sphinx_chronology.model.records import Citation, Delegate, DisputeRecord, Event, Reference, View
from sphinx_chronology.model.vocabulary import Vocabulary
from sphinx_chronology.reading.registry import Registry

T = TypeVar("T")


@dataclass(frozen=True)
class EventLink:
    """What a link to an event shows and where it points."""

    id: str
    docname: str
    title: str
    when: str

    @property
    def dated(self) -> str:
        return dated_title(self.title, self.when)


def dated_title(title: str, when: str) -> str:
    """ "Title (July 2013)", or the title alone where it already ends with its date ("..., July 2013")."""
    return title if title.rstrip(" .").endswith(when) else f"{title} ({when})"


def link(event: Event, language: str = "en") -> EventLink:
    return EventLink(
        event.id, event.docname, event.title, display_range(event.date, event.end, event.approximate, language)
    )


class Index:
    """Lookups over all events, views and citations of the project."""

    def __init__(self, data: Mapping[str, Any], vocabulary: Vocabulary, language: str = "en") -> None:
        """Build the lookups from the domain's data (see ``ChronologyDomain.initial_data``)."""
        self.vocabulary = vocabulary
        self.language = language
        events: dict[str, Event] = data["events"]
        views: dict[str, tuple[View, ...]] = data["views"]
        citations: dict[str, tuple[Citation, ...]] = data["citations"]
        self.registry: Registry = data["registry"]
        self.citations = citations
        self.views = views
        self.refs: dict[str, tuple[Reference, ...]] = data["refs"]
        self.disputes: dict[str, tuple[DisputeRecord, ...]] = data["disputes"]
        self._formatted: dict[str, tuple[str, str]] = data["formatted"]
        self._memo: dict[tuple[str, ...], object] = {}
        self.events = sorted(events.values(), key=lambda e: e.sort_key)
        self.by_id: dict[str, Event] = {}
        self.duplicates: list[tuple[Event, Event]] = []
        for event in sorted(events.values(), key=lambda e: e.docname):
            if event.id in self.by_id:
                self.duplicates.append((self.by_id[event.id], event))
            else:
                self.by_id[event.id] = event
        self.by_year: dict[int, list[Event]] = defaultdict(list)
        self.by_series: dict[str, list[Event]] = defaultdict(list)
        self.by_person: dict[str, list[tuple[Event, Delegate]]] = defaultdict(list)
        self.by_topic: dict[str, list[Event]] = defaultdict(list)
        #: event id -> (relation, event) of the events that name it in ``related`` (read from its end)
        self.referenced_by: dict[str, list[tuple[str, Event]]] = defaultdict(list)
        for event in self.events:
            for related in event.related:
                self.referenced_by[related.event].append((related.relation, event))
            self.by_year[event.date.year].append(event)
            if event.series:
                self.by_series[event.series].append(event)
            for delegate in event.people():
                self.by_person[delegate.person].append((event, delegate))
            for topic in event.topics:
                self.by_topic[topic].append(event)
        self.view_docs: dict[tuple[str, str], str] = {}
        for docname in sorted(views):
            for view in views[docname]:
                self.view_docs.setdefault((view.kind, view.arg), docname)
        self.cited_by: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for docname in sorted(citations):
            for citation in citations[docname]:
                for key in citation.keys:
                    self.cited_by[key].append((docname, citation.anchor, citation.page_title))
        self.event_of_doc = {event.docname: event for event in events.values()}
        #: What a link to each event shows (by docname), made once: an event is linked from many pages.
        self.links = {event.docname: link(event, language) for event in events.values()}
        self._round_position = {
            id(event): position for rounds in self.by_series.values() for position, event in enumerate(rounds)
        }

    def when(self, event: Event) -> str:
        """The event's date as shown, in the project's language."""
        return self.links[event.docname].when

    def neighbours(self, event: Event) -> tuple[Event | None, Event | None]:
        """The previous and next event of the same series, in date order."""
        at = self._round_position.get(id(event))
        if at is None:
            return None, None
        rounds = self.by_series[event.series]
        return (rounds[at - 1] if at else None, rounds[at + 1] if at + 1 < len(rounds) else None)

    def formatted(self, key: str) -> str:
        """The source's bibliography entry (citeproc's HTML), formatted once per version of the record."""
        return self.memoized(("formatted", key), lambda: self._format(key))

    def _format(self, key: str) -> str:
        source = self.registry.sources[key]
        stamp = bibliography.fingerprint(source)
        cached = self._formatted.get(key)
        if cached is None or cached[0] != stamp:
            cached = (stamp, bibliography.format_html(source))
            self._formatted[key] = cached
        return cached[1]

    def memoized(self, key: tuple[str, ...], compute: Callable[[], T]) -> T:
        """``compute()``, once per index (so once per build): fingerprinting and writing share the values."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    def doc_of(self, kind: str, arg: str = "") -> str | None:
        """The document holding the view ``kind`` (e.g. the people index), if the project has one."""
        return self.view_docs.get((kind, arg))
