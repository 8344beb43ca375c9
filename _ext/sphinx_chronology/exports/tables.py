"""``events.csv``: one row per event, for a spreadsheet. Written with the standard library's csv module.

The flattening (documented in the README): dates as written (``2014-07``); ``place`` as one "venue, city,
region, country" text; for each side, ``<side>_leads`` (the heads of its delegation) and ``<side>_delegation``
(everyone, "Name (title at the time)", separated by "; "); topics and cited source keys as ids separated by
"; ". The full structure is in ``chronology.json``.
"""

from __future__ import annotations

import csv
import io
from typing import Any

COLUMNS = ["id", "date", "end", "title", "kind", "status", "format", "place", "series", "round"]
TAIL = ["topics", "sources", "related", "uncertain", "incomplete", "url"]


def events_csv(data: dict[str, Any]) -> str:
    sides = list(data["sides"]) or sorted({side for event in data["events"] for side in event["delegations"]})
    side_columns = [f"{side}_{what}" for side in sides for what in ("leads", "delegation")]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*COLUMNS, *side_columns, *TAIL], lineterminator="\r\n")
    writer.writeheader()
    for event in data["events"]:
        row: dict[str, Any] = {name: event.get(name, "") for name in COLUMNS}
        place = event.get("place") or {}
        row["place"] = ", ".join(place[k] for k in ("venue", "city", "region", "country") if place.get(k))
        for side in sides:
            delegates = event["delegations"].get(side, [])
            row[f"{side}_leads"] = "; ".join(d["name"] for d in delegates if d.get("lead"))
            row[f"{side}_delegation"] = "; ".join(
                f"{d['name']} ({d['title']})" if d.get("title") else d["name"] for d in delegates
            )
        row["topics"] = "; ".join(event["topics"])
        row["sources"] = "; ".join(event["sources"])
        row["related"] = "; ".join(f"{r['relation']} {r['event']}" for r in event["related"])
        row["uncertain"] = "; ".join(u["field"] for u in event["uncertain"])
        row["incomplete"] = "yes" if event.get("incomplete") else ""
        row["url"] = event["url"]
        writer.writerow(row)
    return out.getvalue()
