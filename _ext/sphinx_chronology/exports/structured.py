"""What an event page says about itself to machines: a ``description`` and OpenGraph tags (for link
previews), and a schema.org ``Event`` in JSON-LD (for search engines and harvesters): its dates at the
precision known, status and attendance mode (from the vocabulary's ``schema`` fields), place, the two sides
as organizers and the delegations as attendees with the titles they held then.

The JSON is made safe to sit in a ``<script>`` element: ``<``, ``>`` and ``&`` are written as JSON escapes,
so no value from the chronology can close the element.
"""

from __future__ import annotations

import html
import json
from typing import Any

from sphinx.application import Sphinx

from sphinx_chronology.model.records import Event
from sphinx_chronology.store.domain import domain_of
from sphinx_chronology.store.index import Index


def add_page_metadata(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """At ``html-page-context``: the tags of an event page."""
    if app.builder.format != "html":
        return
    index = domain_of(app.env).index
    event = index.event_of_doc.get(pagename)
    if event is None:
        return
    baseurl = str(app.config.html_baseurl or "")
    url = (baseurl.rstrip("/") + "/" + app.builder.get_target_uri(pagename)) if baseurl else ""
    description = _description(index, event)
    tags = [
        _meta("name", "description", description),
        _meta("property", "og:type", "article"),
        _meta("property", "og:title", event.title),
        _meta("property", "og:description", description),
        _meta("property", "og:site_name", str(app.config.project)),
    ]
    if url:
        tags.append(_meta("property", "og:url", url))
    tags.append(f'<script type="application/ld+json">{_safe_json(event_json_ld(index, event, url))}</script>')
    context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"


def event_json_ld(index: Index, event: Event, url: str = "") -> dict[str, Any]:
    registry, vocabulary = index.registry, index.vocabulary
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": event.date.iso(),
        "description": _description(index, event),
    }
    if event.end:
        data["endDate"] = event.end.iso()
    status = vocabulary.status(event.status).schema if event.status else ""
    if status:
        data["eventStatus"] = f"https://schema.org/{status}"
    attendance = vocabulary.format(event.format).schema if event.format else ""
    if attendance:
        data["eventAttendanceMode"] = f"https://schema.org/{attendance}"
    if event.place:
        address = {
            key: value
            for key, value in (
                ("addressLocality", event.place.city),
                ("addressRegion", event.place.region),
                ("addressCountry", event.place.country),
            )
            if value
        }
        data["location"] = {
            "@type": "Place",
            "name": event.place.display(),
            **({"address": {"@type": "PostalAddress", **address}} if address else {}),
        }
    sides = registry.sides
    data["organizer"] = [
        {"@type": "Organization", "name": sides[side].name if side in sides else side} for side, _ in event.delegations
    ]
    data["attendee"] = [
        {
            "@type": "Person",
            "name": registry.people[d.person].name if d.person in registry.people else d.person,
            **({"jobTitle": d.title} if d.title else {}),
            "affiliation": {"@type": "Organization", "name": sides[side].name if side in sides else side},
        }
        for side, delegates in event.delegations
        for d in delegates
    ]
    if url:
        data["url"] = url
    return data


def _description(index: Index, event: Event) -> str:
    parts = [index.when(event)]
    if event.place:
        parts.append(event.place.display())
    kind = index.vocabulary.kind(event.kind).label if event.kind else ""
    return f"{kind}, " * bool(kind) + ", ".join(parts) + "."


def _meta(attribute: str, name: str, content: str) -> str:
    return f'<meta {attribute}="{name}" content="{html.escape(content)}">'


def _safe_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
