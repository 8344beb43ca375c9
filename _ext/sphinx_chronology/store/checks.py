"""Checks that need every document read: ids that must exist, ids that must be unique, rounds that must not
clash. Each problem is reported at the line of the field that holds it, with the closest valid id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sphinx_chronology.model.dates import ends_before
from sphinx_chronology.model.records import Event
from sphinx_chronology.store.index import Index
from sphinx_chronology.warnings import Subtype, suggest, warn


def check_all(index: Index, require_sources: bool, registry_dir: str, sources_dir: str, views: bool = True) -> None:
    """Run every cross-document check, in a stable order; messages name the project's data folders.

    Without ``views`` (a project read without Sphinx knows no view directives), the checks that need them
    (year pages, view arguments) are left out."""
    check_duplicates(index)
    check_same_day(index)
    if require_sources:
        check_sourced(index)
    check_rounds(index)
    empty = check_registries_present(index, registry_dir)
    for event in sorted(index.event_of_doc.values(), key=lambda e: e.docname):
        check_event_ids(index, event, registry_dir, sources_dir, empty)
    if views:
        check_year_pages(index)
    check_references(index, sources_dir, empty)
    if views:
        check_views(index, registry_dir)
    check_uncited(index)
    check_labels(index)


def check_views(index: Index, registry_dir: str) -> None:
    """The ids a view names (a series page's series, a figure's filters) must exist, and a figure's range
    must run forwards: otherwise the page shows an empty or wrong listing without a word."""
    import json

    from sphinx_chronology.figures.data import parse_filters

    registry = index.registry
    seen: set[tuple[str, str, tuple[str, int | None]]] = set()  # a series page's strip names its series too

    def unknown(what: str, value: str, known: Iterable[str], where: tuple[str, int | None], file: str) -> None:
        if (what, value, where) not in seen:
            seen.add((what, value, where))
            _unknown_in_view(what, value, known, where, file)

    for docname in sorted(index.views):
        for view in index.views[docname]:
            where = (docname, view.line)
            if view.kind == "series" and view.arg not in registry.series:
                unknown("series", view.arg, registry.series, where, f"{registry_dir}/series.yaml")
            if view.kind != "figure":
                continue
            filters, _problems = parse_filters(json.loads(view.arg))  # the directive reported its own problems
            for what, values, known, file in (
                ("series", filters.series, registry.series, f"{registry_dir}/series.yaml"),
                ("kind", filters.kinds, index.vocabulary.ids("kinds"), "chronology_vocabulary (conf.py)"),
                ("topic", filters.topics, registry.topics, f"{registry_dir}/topics.yaml"),
                ("person", filters.people, registry.people, f"{registry_dir}/people.yaml"),
            ):
                for value in values:
                    if value not in known:
                        unknown(what, value, known, where, file)
            if filters.start and filters.end and filters.end < filters.start:
                warn(
                    Subtype.view,
                    f"the figure's :to: {filters.end.iso()} is before its :from: {filters.start.iso()}; swap them.",
                    where,
                )


def _unknown_in_view(what: str, value: str, known: Iterable[str], where: tuple[str, int | None], file: str) -> None:
    warn(
        Subtype.view,
        f"this view names an unknown {what} {value!r}.{suggest(value, list(known))} Use an id defined in {file}.",
        where,
    )


def check_uncited(index: Index) -> None:
    """Every source should be cited somewhere; an uncited record is probably a forgotten citation."""
    for key, source in index.registry.sources.items():
        if key not in index.cited_by and not source.unreadable:
            warn(
                Subtype.uncited,
                f"source {key!r} is cited by no page; cite it with {{cite}}`{key}` where it "
                f"supports a statement, or delete {source.path}.",
                f"{source.path}:{source.line}",
            )


def check_labels(index: Index) -> None:
    """Every source's in-text label leads to one entry. The style adds year suffixes and given names to
    tell sources apart, but only where their names are written alike: "china.org.cn" and "China.org.cn"
    print the same and are not told apart."""
    seen: dict[str, str] = {}
    for key in sorted(index.registry.sources):
        label = index.label_text(key)
        other = seen.setdefault(label, key)
        if other != key:
            source, first = index.registry.sources[key], index.registry.sources[other]
            warn(
                Subtype.duplicate,
                f"sources {other!r} and {key!r} are both cited as ({label}), so a reader cannot tell which is "
                f"meant; write the author (or outlet) of {first.path} and {source.path} the same way, letter "
                "for letter, so that the style adds a year suffix, or make them differ.",
                f"{source.path}:{source.line}",
            )


def _unknown(
    subtype: Subtype, what: str, value: str, known: Iterable[str], where: tuple[str, int | None], registry_file: str
) -> None:
    known = list(known)
    warn(
        subtype,
        f"unknown {what} {value!r}.{suggest(value, known)} "
        f"Use an id defined in {registry_file}, or add {value!r} there.",
        where,
    )


def check_duplicates(index: Index) -> None:
    for first, second in index.duplicates:
        warn(
            Subtype.duplicate,
            f"event id {second.id!r} is already used by {first.docname!r}; give one of them another `id:`.",
            (second.docname, second.line("id") or second.line("date")),
        )


def check_same_day(index: Index) -> None:
    """Two events of one series on the same date are almost certainly one event entered twice."""
    for events in index.by_series.values():
        seen: dict[tuple[int, int, int], Event] = {}
        for event in sorted(events, key=lambda e: e.docname):
            if event.date.precision < 3:
                continue
            other = seen.setdefault((event.date.year, event.date.month, event.date.day), event)
            if other is not event:
                warn(
                    Subtype.duplicate,
                    f"event {event.id!r} has the same series and date as {other.id!r} "
                    f"({other.docname}); merge the two entries, or correct the date or series.",
                    (event.docname, event.line("date")),
                )


def check_sourced(index: Index) -> None:
    """Every event cites at least one source."""
    for event in sorted(index.event_of_doc.values(), key=lambda e: e.docname):
        if not index.citations.get(event.docname):
            warn(
                Subtype.unsourced,
                f"event {event.id!r} cites no source; end each statement with {{cite}}`source-key`.",
                (event.docname, event.line("title")),
            )


def check_rounds(index: Index) -> None:
    for events in index.by_series.values():
        claimed: dict[int, Event] = {}
        for event in sorted(events, key=lambda e: e.docname):
            if event.round is None:
                continue
            other = claimed.setdefault(event.round, event)
            if other is not event:
                warn(
                    Subtype.round,
                    f"round {event.round} of series {event.series!r} is also claimed by {other.id!r} "
                    f"({other.docname}); correct one round number, or write `round: interim` for a "
                    "session outside the numbering.",
                    (event.docname, event.line("round")),
                )


def check_registries_present(index: Index, registry_dir: str) -> set[str]:
    """A registry that defines nothing while events use it (its file missing or empty) is said once, not as
    one "unknown id" per use; the names of such registries are returned, and their ids not checked."""
    registry = index.registry
    uses = {
        "series": sum(1 for e in index.events if e.series),
        "people": sum(1 for e in index.events if e.people()),
        "topics": sum(1 for e in index.events if e.topics),
    }
    empty = set()
    for name, used in uses.items():
        if used and not getattr(registry, name):
            empty.add(name)
            warn(
                Subtype.missing,
                f"no {name} are defined ({registry_dir}/{name}.yaml is missing or empty), but {used} "
                f"event{'s' if used != 1 else ''} name {name}; add the file with an entry for each id.",
                f"{registry_dir}/{name}.yaml:1",
            )
    return empty


def check_year_pages(index: Index) -> None:
    """An event in a year that no year page lists is on no year page: say so, where its date is."""
    years = {view.arg for views in index.views.values() for view in views if view.kind == "year"}
    if not years:
        return  # a project without year pages lists its events otherwise
    for event in index.events:
        if str(event.date.year) not in years:
            warn(
                Subtype.date,
                f"no year page lists {event.date.year}, so no year page shows this event; correct the date, or "
                f"add a page for {event.date.year} with the chronology-year view.",
                (event.docname, event.line("date")),
            )


def check_event_ids(
    index: Index, event: Event, registry_dir: str, sources_dir: str, empty: set[str] | None = None
) -> None:
    registry = index.registry
    empty = empty or set()
    doc = event.docname
    if event.series and event.series not in registry.series and "series" not in empty:
        _unknown(
            Subtype.unknown_series,
            "series",
            event.series,
            registry.series,
            (doc, event.line("series")),
            f"{registry_dir}/series.yaml",
        )
    for side, delegates in event.delegations:
        if registry.sides and side not in registry.sides:
            _unknown(
                Subtype.unknown_side,
                "side",
                side,
                registry.sides,
                (doc, event.line(f"delegations.{side}")),
                f"{registry_dir}/sides.yaml",
            )
        for number, delegate in enumerate(delegates):
            if delegate.person not in registry.people and "people" not in empty:
                _unknown(
                    Subtype.unknown_person,
                    "person",
                    delegate.person,
                    registry.people,
                    (doc, event.line(f"delegations.{side}.{number}.person")),
                    f"{registry_dir}/people.yaml",
                )
    for number, topic in enumerate(event.topics):
        if topic not in registry.topics and "topics" not in empty:
            _unknown(
                Subtype.unknown_topic,
                "topic",
                topic,
                registry.topics,
                (doc, event.line(f"topics.{number}")),
                f"{registry_dir}/topics.yaml",
            )
    for number, related in enumerate(event.related):
        if related.event not in index.by_id:
            warn(
                Subtype.unknown_event,
                f"unknown related event {related.event!r}."
                f"{suggest(related.event, index.by_id)} Use the id of an existing event.",
                (doc, event.line(f"related.{number}.event")),
            )
        else:
            _check_order(index, event, number)
    if event.exchange and event.exchange.record and event.exchange.record not in registry.sources:
        warn(
            Subtype.unknown_source,
            f"unknown source {event.exchange.record!r} for the exchange record."
            f"{suggest(event.exchange.record, registry.sources)} Add {sources_dir}/"
            f"{event.exchange.record}.yaml or correct the key.",
            (doc, event.line("exchange.record")),
        )


def _check_order(index: Index, event: Event, number: int) -> None:
    """A follow-up dated before what it follows up (or a preparation after what it prepares) is a wrong date
    or a wrong relation."""
    related = event.related[number]
    relation = index.vocabulary.relation(related.relation)
    other = index.by_id[related.event]
    wrong = (relation.order == "after" and ends_before(other.date, event.date)) or (
        relation.order == "before" and ends_before(event.date, other.date)
    )
    if wrong:
        side = "after" if relation.order == "after" else "before"
        warn(
            Subtype.date,
            f"{relation.label.lower()} {other.id!r} ({other.date.iso()}), but dated {event.date.iso()}: "
            f"it should come {side} it. Correct the date, or choose another relation.",
            (event.docname, event.line(f"related.{number}.relation") or event.line(f"related.{number}.event")),
        )


def check_references(index: Index, sources_dir: str, empty: set[str] | None = None) -> None:
    """Roles in the text (``{event}``, ``{person}``, ``{cite}`` ...) must name existing records (not checked
    for a registry that is ``empty``: that was said once)."""
    registry = index.registry
    skipped = {"people": "person", "series": "series", "topics": "topic"}
    unchecked = {skipped[name] for name in empty or ()}
    known: dict[str, Mapping[str, object]] = {
        "event": index.by_id,
        "person": registry.people,
        "series": registry.series,
        "topic": registry.topics,
    }
    for docname, references in sorted(index.refs.items()):
        for ref in references:
            pool = known.get(ref.type, {})
            if ref.target not in pool and ref.type not in unchecked:
                warn(
                    Subtype(f"unknown-{ref.type}"),
                    f"unknown {ref.type} {ref.target!r} in a {{{ref.type}}} role.{suggest(ref.target, pool)}",
                    (docname, ref.line),
                )
    for docname, cites in sorted(index.citations.items()):
        for citation in cites:
            for key in citation.keys:
                if key not in registry.sources:
                    warn(
                        Subtype.unknown_source,
                        f"unknown source key {key!r} in a {{cite}} role."
                        f"{suggest(key, registry.sources)} Add {sources_dir}/{key}.yaml or correct the key.",
                        (docname, citation.line),
                    )
