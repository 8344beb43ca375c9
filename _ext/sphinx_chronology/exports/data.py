"""The chronology as one JSON document (``chronology.json``): every event, series, person, topic, side, period
and source, from the same records the pages are made from.

Dates keep the precision they were written with (``"2014"``, ``"2014-07"``, ``"2014-07-15"``). A person's
title is the one held at the event (in the delegation), not in the registry. Sources are CSL-JSON items,
with their URL, note and custom fields kept. The shape is published as a JSON Schema (``schema.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sphinx_chronology.bibliography.csl import csl_item
from sphinx_chronology.model.records import Event, Source
from sphinx_chronology.store.index import Index

FORMAT_VERSION = "1.0"


@dataclass(frozen=True)
class Edition:
    """What names the edition the exports come from (conf.py's ``project``, ``release``, ``copyright``)."""

    project: str
    release: str
    copyright: str
    baseurl: str  #: ``html_baseurl``, ending in "/", or "" (then page addresses are relative to the site)


def chronology_data(index: Index, edition: Edition, page_uri: Callable[[str], str]) -> dict[str, Any]:
    """The whole chronology as plain JSON data; ``page_uri`` gives a document's address in the site."""
    registry = index.registry
    return {
        "format": FORMAT_VERSION,
        "project": edition.project,
        "edition": edition.release,
        "copyright": edition.copyright,
        "events": [_event(index, event, edition.baseurl + page_uri(event.docname)) for event in index.events],
        "sides": {k: _fields(side, "name", "short", "long") for k, side in registry.sides.items()},
        "series": {
            k: _fields(series, "name", "short", "level", "description", "first_round")
            for k, series in registry.series.items()
        },
        "people": {
            k: {**_fields(person, "name", "side", "note"), **({"names": dict(person.native)} if person.native else {})}
            for k, person in registry.people.items()
        },
        "topics": {k: _fields(topic, "name", "description") for k, topic in registry.topics.items()},
        "periods": {
            k: {
                "name": period.name,
                "side": period.side,
                "start": period.start.iso(),
                **({"end": period.end.iso()} if period.end else {}),
            }
            for k, period in registry.periods.items()
        },
        "sources": [csl_json(registry.sources[key]) for key in sorted(registry.sources)],
    }


def _event(index: Index, event: Event, url: str) -> dict[str, Any]:
    people = index.registry.people
    data: dict[str, Any] = {
        "id": event.id,
        "title": event.title,
        "url": url,
        "date": event.date.iso(),
    }
    if event.end:
        data["end"] = event.end.iso()
    if event.approximate:
        data["approximate"] = True
    if event.timezone:
        data["timezone"] = event.timezone
    data.update(kind=event.kind, status=event.status)
    if event.format:
        data["format"] = event.format
    if event.place:
        data["place"] = _fields(event.place, "venue", "city", "region", "country")
    if event.series:
        data["series"] = event.series
    if event.round is not None or event.round_label:
        data["round"] = event.round if event.round is not None else event.round_label
    data["delegations"] = {
        side: [
            {
                "person": d.person,
                "name": people[d.person].name if d.person in people else d.person,
                **({"title": d.title} if d.title else {}),
                **({"lead": True} if d.lead else {}),
                **({"role": d.role} if d.role else {}),
            }
            for d in delegates
        ]
        for side, delegates in event.delegations
    }
    data["topics"] = list(event.topics)
    data["related"] = [{"event": r.event, "relation": r.relation} for r in event.related]
    data["outcomes"] = list(event.outcomes)
    data["uncertain"] = [{"field": u.field, **({"note": u.note} if u.note else {})} for u in event.uncertain]
    cited = dict.fromkeys(key for citation in index.citations.get(event.docname, ()) for key in citation.keys)
    data["sources"] = [key for key in cited if key in index.registry.sources]
    data["disputes"] = [
        {
            "point": d.point,
            "anchor": d.anchor,
            "accounts": [
                {"by": account, "sources": list(d.sources[n]) if n < len(d.sources) else []}
                for n, account in enumerate(d.accounts)
            ],
        }
        for d in index.disputes.get(event.docname, ())
    ]
    if event.invalid:
        data["incomplete"] = True
    return data


def csl_json(source: Source) -> dict[str, Any]:
    """A source record as a CSL-JSON item, everything kept (citeproc is given fewer fields)."""
    item = csl_item(source)
    for name in ("URL", "note", "custom"):
        value = source.get(name)
        if value:
            item[name] = value
    return item


def _fields(record: object, *names: str) -> dict[str, Any]:
    """The named attributes that are set (an empty string or a default of 1 round is left out)."""
    found = {name: getattr(record, name) for name in names}
    return {
        name: value for name, value in found.items() if value not in ("", None) and (name, value) != ("first_round", 1)
    }
