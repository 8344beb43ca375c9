"""Global views of the domain's records, computed once per build when first needed.

Records are stored per document (so they purge and merge cleanly); lookups by id, year, series, person,
topic and source are derived here and never stored in the environment.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sphinx_chronology.bibliography import csl
from sphinx_chronology.model.dates import display_range
from sphinx_chronology.model.records import Citation, Delegate, DisputeRecord, Event, Reference, View
from sphinx_chronology.model.vocabulary import Vocabulary
from sphinx_chronology.reading.registry import Registry
from sphinx_chronology.warnings import Subtype, warn

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
        #: the formatted bibliography of the last build that formatted it: ``{stamp, entries}``
        self._formatted: dict[str, Any] = data["formatted"]
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
        """The source's reference-list entry (HTML from the style)."""
        found = self.bibliography().get(key)
        return found.entry if found else html.escape(key)

    def label(self, key: str) -> str:
        """The source's in-text label ("Smith 2015a", HTML from the style): unique, as the style makes it."""
        found = self.bibliography().get(key)
        return found.label if found else html.escape(key)

    def label_text(self, key: str) -> str:
        """The label without its markup, for link titles, search and the index."""
        return csl.plain(self.label(key))

    def bibliography(self) -> dict[str, csl.Formatted]:
        """Every record formatted (``csl.format_all``): once per build at most, and only when a record, the
        style or the language changed since the last build that formatted them."""
        return self.memoized(("bibliography",), self._format_all)

    def _format_all(self) -> dict[str, csl.Formatted]:
        sources = self.registry.sources.values()
        stamp = csl.stamp(sources, self.language)
        if self._formatted.get("stamp") != stamp:
            try:
                entries = csl.format_all(sources, self.language)
            except csl.FormattingError as exc:
                warn(
                    Subtype.value,
                    f"the bibliography could not be formatted ({exc}); the records are listed unformatted "
                    "until the record pandoc names is corrected.",
                    None,
                )
                return {  # each record as its key and title, so that every citation still resolves
                    s.id: csl.Formatted(html.escape(s.id), html.escape(str(s.get("title") or s.id)), n)
                    for n, s in enumerate(sorted(sources, key=lambda s: s.id))
                }
            self._formatted.clear()
            self._formatted.update(stamp=stamp, entries=entries)
        formatted: dict[str, csl.Formatted] = self._formatted["entries"]
        return formatted

    def memoized(self, key: tuple[str, ...], compute: Callable[[], T]) -> T:
        """``compute()``, once per index (so once per build): fingerprinting and writing share the values."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    def doc_of(self, kind: str, arg: str = "") -> str | None:
        """The document holding the view ``kind`` (e.g. the people index), if the project has one."""
        return self.view_docs.get((kind, arg))
