"""Partial dates (year, month or day precision) with total ordering and honest display.

The standard library's ``datetime.date`` checks calendars; this module only adds precision, which no
maintained library models the way a chronology needs (a month-precision date must never print a fake day).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")

# English month names, whatever the machine's locale (``calendar.month_name`` follows the locale and is slow).
MONTHS = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class DateError(ValueError):
    """A date string that is malformed or names no real day."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day; ``month``/``day`` are 0 when unknown."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> int:
        """1 for year, 2 for month, 3 for day precision."""
        return 1 + bool(self.month) + bool(self.day)

    def iso(self) -> str:
        """The date as written in front matter: ``2014``, ``2014-07`` or ``2014-07-15``."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def display(self, language: str = "en") -> str:
        """Reader-facing form: ``2014``, ``July 2014`` or ``July 15, 2014`` (in English; another language
        gets its own forms from the CLDR data, ``2014年7月15日``)."""
        if not _english(language):
            return _cldr(self, language)
        if not self.month:
            return str(self.year)
        month = MONTHS[self.month]
        if not self.day:
            return f"{month} {self.year}"
        return f"{month} {self.day}, {self.year}"


def parse_date(value: object) -> PartialDate:
    """Parse ``2014``, ``"2014-07"``, ``"2014-07-15"`` (or a ``datetime.date``) into a PartialDate."""
    if isinstance(value, datetime.date):
        return PartialDate(value.year, value.month, value.day)
    text = str(value).strip()
    match = _DATE_RE.match(text)
    if isinstance(value, bool) or not match:
        raise DateError(f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if match.group(2) and not 1 <= month <= 12:
        raise DateError(f"{text!r} has no month {month}; months run from 01 to 12")
    if match.group(3):
        try:
            datetime.date(year, month, day)
        except ValueError:
            raise DateError(f"{text!r} is not a day of the calendar") from None
    return PartialDate(year, month, day)


def sort_key(start: PartialDate, ident: str) -> tuple[int, int, int, int, str]:
    """Total, stable order: date, then precision (coarser first), then id."""
    return (start.year, start.month, start.day, start.precision, ident)


def ends_before(start: PartialDate, end: PartialDate) -> bool:
    """True when ``end`` is certainly earlier than ``start`` at the precision both give."""
    shared = min(start.precision, end.precision)
    return (end.year, end.month, end.day)[:shared] < (start.year, start.month, start.day)[:shared]


def display_range(start: PartialDate, end: PartialDate | None, approximate: bool = False, language: str = "en") -> str:
    """``July 24–27, 2016``, ``June 30 – July 2, 2017``, ``July 2017`` and so on (in ``language``)."""
    if not _english(language):
        return _cldr_range(start, end, approximate, language)
    prefix = "c. " if approximate else ""
    if end is None or end == start:
        return prefix + start.display()
    same_day_precision = start.precision == end.precision == 3
    if same_day_precision and (start.year, start.month) == (end.year, end.month):
        month = MONTHS[start.month]
        return f"{prefix}{month} {start.day}\u2013{end.day}, {start.year}"
    if same_day_precision and start.year == end.year:
        first = f"{MONTHS[start.month]} {start.day}"
        return f"{prefix}{first} \u2013 {end.display()}"
    return f"{prefix}{start.display()} \u2013 {end.display()}"


def _english(language: str) -> bool:
    return not language or language == "en" or language.startswith(("en_", "en-"))


_SKELETONS = {1: "y", 2: "yMMMM", 3: "yMMMMd"}


def _cldr(date: PartialDate, language: str) -> str:
    """The date in ``language`` at its own precision, from the CLDR data Babel carries (Sphinx's own
    dependency): a month-precision date prints no day in any language."""
    from babel.dates import format_skeleton

    day = datetime.date(date.year, date.month or 1, date.day or 1)
    return str(format_skeleton(_SKELETONS[date.precision], day, locale=language))


def _cldr_range(start: PartialDate, end: PartialDate | None, approximate: bool, language: str) -> str:
    from babel.dates import format_interval

    from sphinx_chronology.locale import _

    prefix = str(_("c. ")) if approximate else ""
    if end is None or end == start:
        return prefix + _cldr(start, language)
    if start.precision != end.precision:
        return f"{prefix}{_cldr(start, language)} \u2013 {_cldr(end, language)}"
    first, last = (datetime.date(d.year, d.month or 1, d.day or 1) for d in (start, end))
    return prefix + str(format_interval(first, last, _SKELETONS[start.precision], locale=language))
