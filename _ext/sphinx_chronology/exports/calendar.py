"""``chronology.ics``: the events as an iCalendar file (RFC 5545), all-day events.

Written by hand: what is needed is 50 lines of RFC 5545 (text escaping, lines folded at 75 octets, dates),
and the output must be byte-identical from build to build; ``icalendar``, the field's standard library,
parses it back in the tests.

Honest dates. An event known to the day runs from its first to its last day. An event known only to the
month (or the year) runs over that whole month (or year), and its summary says so ("date known only to the
month: July 2013"), so that a calendar never shows a day the sources do not give. An approximate date is
said in the description. An event that did not take place as planned (any status but the vocabulary's first,
"held") keeps its date and says its status in the summary. DTSTAMP, which the standard requires, is the
event's first day, so that two builds of the same sources give the same file.
"""

from __future__ import annotations

import datetime
from typing import Any

from sphinx_chronology.model.dates import PartialDate, parse_date


def chronology_ics(data: dict[str, Any], usual_status: str, status_labels: dict[str, str], uid_domain: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//sphinx-chronology//{_text(data['project'])}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_text(data['project'])}",
    ]
    for event in data["events"]:
        lines.extend(_event(event, usual_status, status_labels, uid_domain))
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _event(event: dict[str, Any], usual_status: str, labels: dict[str, str], uid_domain: str) -> list[str]:
    start = parse_date(event["date"])
    end = parse_date(event["end"]) if event.get("end") else start
    first, after = _first_day(start), _day_after(end)
    summary = event["title"]
    if start.precision < 3:
        known = "month" if start.precision == 2 else "year"
        summary += f" (date known only to the {known}: {start.display()})"
    if event["status"] != usual_status:
        summary = f"[{labels.get(event['status'], event['status'])}] {summary}"
    description = [event["url"]]
    if event.get("approximate"):
        description.insert(0, "The date is approximate.")
    place = event.get("place") or {}
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event['id']}@{uid_domain}",
        f"DTSTAMP:{first:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
        f"DTEND;VALUE=DATE:{after:%Y%m%d}",
        f"SUMMARY:{_text(summary)}",
    ]
    if place:
        where = ", ".join(place[k] for k in ("venue", "city", "region", "country") if place.get(k))
        lines.append(f"LOCATION:{_text(where)}")
    lines.append(f"DESCRIPTION:{_text(chr(10).join(description))}")
    if event["url"].startswith(("http://", "https://")):
        lines.append(f"URL:{event['url']}")
    lines.append(f"CATEGORIES:{_text(event['kind'])}")
    if event["status"] == usual_status:
        lines.append("STATUS:CONFIRMED")
    lines.append("TRANSP:TRANSPARENT")
    lines.append("END:VEVENT")
    return lines


def _first_day(date: PartialDate) -> datetime.date:
    return datetime.date(date.year, date.month or 1, date.day or 1)


def _day_after(date: PartialDate) -> datetime.date:
    """The day after the last day ``date`` may stand for (iCalendar's DTEND is exclusive)."""
    if date.day:
        return datetime.date(date.year, date.month, date.day) + datetime.timedelta(days=1)
    if date.month:
        return datetime.date(date.year + date.month // 12, date.month % 12 + 1, 1)
    return datetime.date(date.year + 1, 1, 1)


def _text(value: str) -> str:
    """An iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets folded (CRLF and a space), never inside a UTF-8 character."""
    octets = len(line.encode("utf-8"))
    if octets <= 75:
        return line
    if octets == len(line):  # ASCII, one octet a character: cut by slicing
        return "\r\n ".join([line[:75], *(line[at : at + 74] for at in range(75, len(line), 74))])
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not parts else 74):
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)
