"""The extension's warnings: every subtype listed once, and one function that emits them.

Each warning has ``type="chronology"`` and one of these subtypes, a location (file and line) and a message
that says what is wrong and how to fix it, so ``suppress_warnings = ["chronology.<subtype>"]`` silences one kind.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import StrEnum

from sphinx.util import logging

logger = logging.getLogger("chronology")

WARNING_TYPE = "chronology"


class Subtype(StrEnum):
    """Warning subtypes, one per kind of author mistake."""

    yaml = "yaml"  #: front matter or data file is not valid YAML
    field = "field"  #: unknown field (likely a typo)
    value = "value"  #: a value of the wrong type or outside its vocabulary
    missing = "missing"  #: a required field is missing
    date = "date"  #: missing, malformed or impossible date, or end before start
    filename = "filename"  #: the file name does not start with the event's date
    duplicate = "duplicate"  #: two records claim the same id
    round = "round"  #: two events claim the same round of a series
    unknown_series = "unknown-series"
    unknown_person = "unknown-person"
    unknown_topic = "unknown-topic"
    unknown_side = "unknown-side"
    unknown_event = "unknown-event"
    unknown_source = "unknown-source"
    view = "view"  #: a view directive with a bad argument
    config = "config"  #: a bad ``chronology_*`` configuration value
    link = "link"  #: a folder link that leads back into a folder holding it
    encoding = "encoding"  #: a file that is not UTF-8
    markup = "markup"  #: raw HTML in an event page (left out unless the project allows it)
    unreadable = "unreadable"  #: a data file that cannot be read (a link to nothing, no permission)
    uncited = "uncited"  #: a source record that no page cites
    unsourced = "unsourced"  #: an event page that cites no source


Location = str | tuple[str, int | None]
Problem = tuple[Subtype, str, Location | None]

_recording: ContextVar[list[Problem] | None] = ContextVar("chronology_recording", default=None)
#: the warnings given while the document being read is read (``start_document``/``document_problems``)
_document: ContextVar[list[Problem] | None] = ContextVar("chronology_document", default=None)


def warn(subtype: Subtype, message: str, location: Location | None) -> None:
    """Emit one typed, located chronology warning."""
    for store in (_recording.get(), _document.get()):
        if store is not None:
            store.append((subtype, message, location))
    logger.warning(_one_line(message), type=WARNING_TYPE, subtype=subtype.value, location=location)


@contextmanager
def recording() -> Iterator[list[Problem]]:
    """The warnings emitted inside the block, kept as well, so that work cached between builds can give
    them again (``replay``) and a reused result reports what computing it reported."""
    problems: list[Problem] = []
    token = _recording.set(problems)
    try:
        yield problems
    finally:
        _recording.reset(token)


def start_document() -> None:
    """A document starts being read: the warnings given from now on are its own (``document_problems``)."""
    _document.set([])


def document_problems() -> tuple[Problem, ...]:
    """The warnings given while the document now read was read; the document's reading ends here."""
    problems = tuple(_document.get() or ())
    _document.set(None)
    return problems


def replay(problems: Iterable[Problem]) -> None:
    for subtype, message, location in problems:
        warn(subtype, message, location)


def _one_line(message: str) -> str:
    """The message on one line: an author's line breaks and control characters are shown escaped."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in message)


def suggest(name: str, candidates: Iterable[str]) -> str:
    """A ' Did you mean ...?' hint naming the closest candidate, or '' when none is close."""
    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f" Did you mean {close[0]!r}?" if close else ""
