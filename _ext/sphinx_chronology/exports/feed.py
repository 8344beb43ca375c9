"""``feed.atom``: an Atom feed (RFC 4287) of the events most recently added or changed, newest first.

An entry's id is a name-based UUID of the project and the event's id, so it stays when the event's file is
renamed. Its ``updated`` is when the event's file last changed: the date of the last commit that touched it
when the project is a git checkout (one ``git log`` for all files), else the file's modification time. So
``updated`` moves when an entry's content does, not on every build, and two builds of one checkout give
the same feed. Written with the standard library's XML escaping; feedparser reads it back in the tests.
"""

from __future__ import annotations

import datetime
import subprocess
import uuid
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

ENTRIES = 50


def last_changed(srcdir: Path, files: dict[str, str]) -> dict[str, str]:
    """Event id -> when its file last changed (RFC 3339, UTC); ``files`` maps ids to paths under ``srcdir``."""
    committed = _git_dates(srcdir)
    found: dict[str, str] = {}
    for ident, path in files.items():
        when = committed.get(path)
        if when is None:
            try:
                stamp = (srcdir / path).stat().st_mtime
            except OSError:
                continue
            when = datetime.datetime.fromtimestamp(int(stamp), datetime.UTC)
        found[ident] = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return found


def _git_dates(srcdir: Path) -> dict[str, datetime.datetime]:
    """Path (relative to ``srcdir``) -> date of the last commit that touched it; empty outside git."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-prefix"], cwd=srcdir, capture_output=True, text=True, check=True, timeout=30
        ).stdout.strip()
        log = subprocess.run(
            ["git", "log", "--format=%x00%cI", "--name-only", "--no-renames", "--", "."],
            cwd=srcdir, capture_output=True, text=True, check=True, timeout=120,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, datetime.datetime] = {}
    when = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            when = datetime.datetime.fromisoformat(line[1:]).astimezone(datetime.UTC)
        elif line and when is not None:
            path = line.removeprefix(top)
            dates.setdefault(path, when)  # the log is newest first
    return dates


def atom_feed(data: dict[str, Any], updated: dict[str, str], baseurl: str) -> str:
    project = str(data["project"])
    dated = [event for event in data["events"] if event["id"] in updated]
    newest = sorted(dated, key=lambda e: (updated[e["id"]], e["id"]), reverse=True)[:ENTRIES]
    feed_updated = updated[newest[0]["id"]] if newest else "1970-01-01T00:00:00Z"
    # links are relative to the site's root: the feed is in data/, so without a base address the root is ../
    base = f" xml:base={quoteattr(baseurl or '../')}"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom"{base}>',
        f"<title>{escape(project)}: events added or changed</title>",
        f"<id>{_id(project, '')}</id>",
        f"<updated>{feed_updated}</updated>",
        f"<author><name>{escape(str(data.get('copyright') or project))}</name></author>",
        '<link rel="self" href="data/feed.atom"/>',
        '<link rel="alternate" href="index.html"/>',
        '<generator uri="https://pypi.org/project/sphinx-chronology/">sphinx-chronology</generator>',
    ]
    for event in newest:
        place = event.get("place") or {}
        where = ", ".join(place[k] for k in ("venue", "city", "region", "country") if place.get(k))
        summary = f"{event['date']}" + (f", {where}" if where else "")
        lines += [
            "<entry>",
            f"<title>{escape(event['title'])}</title>",
            f"<id>{_id(project, event['id'])}</id>",
            f"<updated>{updated[event['id']]}</updated>",
            f'<link rel="alternate" href={quoteattr(event["url"])}/>',
            f"<summary>{escape(summary)}</summary>",
            *(f"<category term={quoteattr(t)}/>" for t in event["topics"]),
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _id(project: str, event: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"sphinx-chronology:{project}:{event}"))
