"""``timeline.json``: the chronology in TimelineJS's JSON format (https://timeline.knightlab.com/docs/json-format.html),
for an interactive timeline: each event a slide, dialogue series as groups, periods (administrations,
leaderships) as eras.

TimelineJS shows ``headline`` and ``text`` as HTML, so every value from the chronology is escaped. Its dates
take the precision known (a month-precision event has no ``day``); ``display_date`` is the date as the
chronology shows it. An era must end: a period still lasting ends with the last event's year.
"""

from __future__ import annotations

import html
from typing import Any

from sphinx_chronology.model.dates import parse_date


def timeline_json(data: dict[str, Any], display_dates: dict[str, str]) -> dict[str, Any]:
    series = data["series"]
    events = data["events"]
    last_year = max((parse_date(e.get("end") or e["date"]).year for e in events), default=0)
    return {
        "title": {"text": {"headline": html.escape(data["project"]), "text": html.escape(data.get("edition", ""))}},
        "events": [_slide(event, series, display_dates.get(event["id"], event["date"])) for event in events],
        "eras": [
            {
                "start_date": _date(period["start"]),
                "end_date": _date(period.get("end") or str(last_year)),
                "text": {"headline": html.escape(period["name"])},
            }
            for _key, period in sorted(data["periods"].items(), key=lambda item: (item[1]["start"], item[0]))
        ],
    }


def _slide(event: dict[str, Any], series: dict[str, Any], display_date: str) -> dict[str, Any]:
    place = event.get("place") or {}
    where = ", ".join(place[k] for k in ("venue", "city", "region", "country") if place.get(k))
    text = (f"<p>{html.escape(where)}</p>" if where else "") + (
        f'<p><a href="{html.escape(event["url"])}">The entry, with its sources</a></p>'
    )
    slide: dict[str, Any] = {
        "unique_id": event["id"],
        "start_date": _date(event["date"]),
        "display_date": display_date,
        "text": {"headline": html.escape(event["title"]), "text": text},
        "group": html.escape(series[event["series"]]["name"]) if event.get("series") in series else "",
    }
    if event.get("end"):
        slide["end_date"] = _date(event["end"])
    if not slide["group"]:
        del slide["group"]
    return slide


def _date(value: str) -> dict[str, str]:
    date = parse_date(value)
    parts = {"year": str(date.year)}
    if date.month:
        parts["month"] = str(date.month)
    if date.day:
        parts["day"] = str(date.day)
    return parts
