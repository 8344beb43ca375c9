"""Plain, immutable records: what the environment stores (never doctrees).

Each event record carries its docname and the line of each front-matter field, so checks made after all
documents are read can still point at the right line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sphinx_chronology.locale import _
from sphinx_chronology.model.dates import PartialDate, display_range, sort_key


@dataclass(frozen=True)
class Place:
    venue: str = ""
    city: str = ""
    region: str = ""
    country: str = ""

    def display(self) -> str:
        return ", ".join(part for part in (self.venue, self.city, self.region, self.country) if part)


@dataclass(frozen=True)
class Delegate:
    person: str
    title: str = ""
    lead: bool = False
    role: str = ""


@dataclass(frozen=True)
class Related:
    event: str
    relation: str = "see-also"


@dataclass(frozen=True)
class Uncertain:
    """A fact of the entry that its sources do not settle: which field, and why."""

    field: str
    note: str = ""


@dataclass(frozen=True)
class Exchange:
    """The fields of an exchange-database record, so such a record converts without loss."""

    government: bool | None = None
    type: str = ""
    partners: tuple[str, ...] = ()
    sponsors: tuple[str, ...] = ()
    participant_types: tuple[str, ...] = ()
    participants: int | None = None
    level: str = ""
    continuing: bool | None = None
    record: str = ""


@dataclass(frozen=True)
class Event:
    docname: str
    id: str
    title: str
    date: PartialDate
    end: PartialDate | None = None
    approximate: bool = False
    timezone: str = ""
    kind: str = ""
    status: str = ""
    format: str = ""  # not recorded unless the front matter says
    place: Place | None = None
    series: str = ""
    round: int | None = None
    round_label: str = ""
    delegations: tuple[tuple[str, tuple[Delegate, ...]], ...] = ()
    topics: tuple[str, ...] = ()
    related: tuple[Related, ...] = ()
    outcomes: tuple[str, ...] = ()
    exchange: Exchange | None = None
    uncertain: tuple[Uncertain, ...] = ()
    #: the front matter had errors: the record holds what could be read (see ``read_event``)
    invalid: bool = False
    #: earlier document names of the page, each given a page that leads here (``redirect_from``)
    redirect_from: tuple[str, ...] = ()
    lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)

    @property
    def sort_key(self) -> tuple[int, int, int, int, str]:
        return sort_key(self.date, self.id)

    @property
    def when(self) -> str:
        """The date as shown, in English (``Index.when`` gives it in the project's language)."""
        return display_range(self.date, self.end, self.approximate)

    @property
    def round_text(self) -> str:
        return _("round %d") % self.round if self.round is not None else self.round_label

    def line(self, path: str) -> int | None:
        """Line of a front-matter field (``"series"``, ``"delegations.us.0.person"``) or of its parent."""
        found = dict(self.lines)
        while path:
            if path in found:
                return found[path]
            path = path.rpartition(".")[0]
        return found.get("")

    def people(self) -> tuple[Delegate, ...]:
        return tuple(delegate for _side, delegates in self.delegations for delegate in delegates)

    def leads(self) -> tuple[tuple[str, tuple[Delegate, ...]], ...]:
        """Per side, the delegates marked ``lead`` (or the first delegate when none is)."""
        result = []
        for side, delegates in self.delegations:
            leads = tuple(d for d in delegates if d.lead) or delegates[:1]
            result.append((side, leads))
        return tuple(result)


@dataclass(frozen=True)
class Side:
    id: str
    name: str
    short: str = ""
    long: str = ""
    #: its people's names are written family name first (a person's own ``family_first`` overrides it)
    family_first: bool = False


@dataclass(frozen=True)
class Series:
    id: str
    name: str
    short: str = ""
    level: str = ""
    description: str = ""
    first_round: int = 1  #: the number of the series' first round (a series may start at 30)


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    side: str = ""
    note: str = ""
    #: (language tag, name) for each ``name_<language>`` field: the name in other scripts or languages
    native: tuple[tuple[str, str], ...] = ()
    #: whether ``name`` is written family name first ("Wu Bangguo"); unset: so when the person has a
    #: Chinese, Japanese or Korean name (``name_zh``, ``name_ja``, ``name_ko``)
    family_first: bool | None = None
    #: how the name sorts and stands in an index, when the rules get it wrong ("Ban Ki-moon": "Ban, Ki-moon")
    sort_as: str = ""

    def inverted(self, side_family_first: bool = False) -> str:
        """The name as an index gives it: family name first. "Obama, Barack", "Brown, Charles Q., Jr.", and
        "Wu Bangguo" as written (its family name already leads: the person's ``family_first``, else their
        side's, else whether they have a Chinese, Japanese or Korean name)."""
        if self.sort_as:
            return self.sort_as
        family_first = self.family_first
        if family_first is None:
            family_first = side_family_first or any(tag.split("-")[0] in ("zh", "ja", "ko") for tag, _ in self.native)
        words = self.name.replace(",", " ").split()
        if family_first or len(words) < 2:
            return self.name
        suffix: list[str] = []
        while len(words) > 2 and words[-1].rstrip(".").lower() in _SUFFIXES:
            suffix.insert(0, words.pop())
        return f"{words[-1]}, {' '.join(words[:-1])}" + (f", {' '.join(suffix)}" if suffix else "")

    def sort_key(self, side_family_first: bool = False) -> tuple[str, str]:
        return (self.inverted(side_family_first).casefold(), self.id)

    def display(self) -> str:
        """The name, with its other forms in brackets: "Cheng Guoping (程国平)"."""
        others = " / ".join(name for _lang, name in self.native)
        return f"{self.name} ({others})" if others else self.name


@dataclass(frozen=True)
class Period:
    """A period of office (an administration, a leadership) drawn as a band on the overview figure."""

    id: str
    name: str
    side: str
    start: PartialDate
    end: PartialDate | None = None


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Source:
    """A bibliographic record (CSL fields kept as read) and where it came from."""

    id: str
    fields: tuple[tuple[str, object], ...]
    path: str
    line: int = 1
    unreadable: bool = False  # its file could not be read or parsed (said once): kept so citations resolve

    def get(self, name: str, default: object = None) -> object:
        return dict(self.fields).get(name, default)


@dataclass(frozen=True)
class Citation:
    """One ``{cite}`` occurrence: the keys it cites, its anchor and line, and the title of its page."""

    keys: tuple[str, ...]
    anchor: str
    line: int | None
    page_title: str = ""


@dataclass(frozen=True)
class Reference:
    """One cross-reference role occurrence (checked once every document is read)."""

    type: str
    target: str
    line: int | None


@dataclass(frozen=True)
class DisputeRecord:
    """A disputed point on a page: where it is and whose accounts it gives."""

    point: str
    anchor: str
    accounts: tuple[str, ...]
    page_title: str
    line: int | None = None
    #: the source keys each account cites, in the order of ``accounts``
    sources: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class View:
    """A view directive placed in a document: what it lists (kind and argument)."""

    kind: str
    arg: str = ""
    line: int | None = None
