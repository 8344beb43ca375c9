"""The vocabulary events are described with: kinds, statuses, formats and relations, each with what
readers see (a label) and how figures and badges show it. It is project data: ``chronology_vocabulary`` in
``conf.py`` gives a category's terms (in order); a category it leaves out keeps the default terms below.
The schema of the front matter is generated from it, so a project's own kinds validate.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from sphinx_chronology.locale import _


@dataclass(frozen=True)
class Kind:
    """A kind of event: its label, and its colour, marker, marker size and hatch in figures; ``series``: an
    event of this kind is a session of a series, so it names its series (and round)."""

    id: str
    label: str
    colour: str = "#666666"
    marker: str = "o"
    size: int = 40
    hatch: str = ""
    series: bool = False


@dataclass(frozen=True)
class Status:
    """What became of an event: its label, its badge colour (a sphinx-design colour name) and how its
    marker is drawn (``fill``: filled or hollow; ``line``: solid or dotted; ``overlay``: a marker over it);
    ``schema`` is the schema.org ``eventStatus`` it stands for (EventScheduled, EventCancelled ...), if any."""

    id: str
    label: str
    badge: str = "info"
    fill: str = "filled"
    line: str = "solid"
    overlay: str = ""
    legend: str = ""
    schema: str = ""


@dataclass(frozen=True)
class Format:
    """How an event was held; ``badge`` says whether cards show it (the usual format goes without saying);
    ``schema`` is the schema.org ``eventAttendanceMode`` it stands for, if any."""

    id: str
    label: str
    badge: bool = True
    schema: str = ""


@dataclass(frozen=True)
class Relation:
    """How an event relates to another, read from either end (B is a follow-up of A; A is followed up by B).

    ``order`` says where the related event must lie in time: ``after`` (a follow-up comes after what it
    follows up), ``before`` (a preparation comes before what it prepares), or empty for no constraint."""

    id: str
    label: str
    inverse: str = ""
    order: str = ""


TERM_TYPES: dict[str, type[Kind] | type[Status] | type[Format] | type[Relation]] = {
    "kinds": Kind,
    "statuses": Status,
    "formats": Format,
    "relations": Relation,
}


def defaults() -> dict[str, dict[str, dict[str, Any]]]:
    """Today's vocabulary, the default of every category (labels translated when the vocabulary is made).

    Colours are the Okabe–Ito palette with distinct marker shapes, so kinds differ in grayscale too."""
    return {
        "kinds": {
            "dialogue-round": {
                "label": _("Dialogue round"),
                "colour": "#0072B2",
                "marker": "o",
                "size": 40,
                "series": True,
            },
            "leaders-meeting": {
                "label": _("Leaders' meeting"),
                "colour": "#D55E00",
                "marker": "*",
                "size": 110,
                "hatch": "//",
            },
            "visit": {"label": _("Visit"), "colour": "#009E73", "marker": "D", "size": 30, "hatch": ".."},
            "working-group": {
                "label": _("Working group"),
                "colour": "#CC79A7",
                "marker": "s",
                "size": 32,
                "hatch": "xx",
            },
            "call": {"label": _("Call"), "colour": "#E69F00", "marker": "^", "size": 40, "hatch": "\\\\"},
            "context": {"label": _("Context"), "colour": "#666666", "marker": "v", "size": 36, "hatch": "--"},
        },
        "statuses": {
            "held": {"label": _("Held"), "badge": "success", "legend": _("held (filled)"), "schema": "EventScheduled"},
            "postponed": {
                "label": _("Postponed"),
                "badge": "warning",
                "fill": "hollow",
                "legend": _("postponed (hollow)"),
                "schema": "EventPostponed",
            },
            "cancelled": {
                "label": _("Cancelled"),
                "badge": "danger",
                "fill": "hollow",
                "overlay": "x",
                "legend": _("cancelled (hollow, ×)"),
                "schema": "EventCancelled",
            },
            "boycotted": {
                "label": _("Boycotted"),
                "badge": "danger",
                "fill": "hollow",
                "overlay": "_",
                "legend": _("boycotted (hollow, –)"),
            },
            "planned-never-held": {
                "label": _("Planned, never held"),
                "badge": "dark",
                "fill": "hollow",
                "line": "dotted",
                "legend": _("planned, never held (dotted)"),
                "schema": "EventCancelled",
            },
        },
        "formats": {
            "in-person": {"label": _("In person"), "badge": False, "schema": "OfflineEventAttendanceMode"},
            "virtual": {"label": _("Virtual"), "schema": "OnlineEventAttendanceMode"},
            "hybrid": {"label": _("Hybrid"), "schema": "MixedEventAttendanceMode"},
        },
        "relations": {
            "follow-up-of": {"label": _("Follow-up of"), "inverse": _("Followed up by"), "order": "after"},
            "preparation-for": {"label": _("Preparation for"), "inverse": _("Prepared by"), "order": "before"},
            "part-of": {"label": _("Part of"), "inverse": _("Includes")},
            "see-also": {"label": _("See also"), "inverse": _("See also")},
        },
    }


@dataclass(frozen=True)
class Vocabulary:
    """The terms of each category, in order, by id."""

    kinds: tuple[Kind, ...]
    statuses: tuple[Status, ...]
    formats: tuple[Format, ...]
    relations: tuple[Relation, ...]

    def ids(self, category: str) -> tuple[str, ...]:
        return tuple(term.id for term in getattr(self, category))

    def kind(self, ident: str) -> Kind:
        """The kind ``ident``; an id outside the vocabulary (already reported) shows as written."""
        return next((k for k in self.kinds if k.id == ident), Kind(ident, ident.replace("-", " ").capitalize()))

    def status(self, ident: str) -> Status:
        return next((s for s in self.statuses if s.id == ident), Status(ident, ident.replace("-", " ").capitalize()))

    def format(self, ident: str) -> Format:
        return next((f for f in self.formats if f.id == ident), Format(ident, ident.replace("-", " ").capitalize()))

    def relation(self, ident: str) -> Relation:
        found = next((r for r in self.relations if r.id == ident), None)
        return found or Relation(ident, ident.replace("-", " ").capitalize(), ident.replace("-", " ").capitalize())

    @property
    def first_status(self) -> str:
        """The status an event has when its front matter does not say (the first listed)."""
        return self.statuses[0].id if self.statuses else ""


_TYPES: dict[str, type] = {"str": str, "int": int, "bool": bool}
_TYPE_NAMES: dict[type, str] = {str: "text", int: "a whole number", bool: "True or False"}


def _lazy_text(value: object, wanted: type) -> bool:
    """A translatable label (``sphinx.locale._``) is text too."""
    return wanted is str and type(value).__name__ == "_TranslationProxy"


def term_problems(given: object) -> list[str]:
    """What is wrong with a ``chronology_vocabulary`` value, each phrased with its fix."""
    if not isinstance(given, dict):
        return ["chronology_vocabulary must be a dict of categories (kinds, statuses, formats, relations)"]
    problems = []
    for category, terms in given.items():
        if category not in TERM_TYPES:
            problems.append(f"unknown category {category!r}; the categories are {', '.join(TERM_TYPES)}")
            continue
        if not isinstance(terms, dict) or not terms:
            problems.append(f"{category} must map each id to its fields, e.g. {{'summit': {{'label': 'Summit'}}}}")
            continue
        allowed = {f.name for f in fields(TERM_TYPES[category])} - {"id"}
        for ident, values in terms.items():
            if not isinstance(values, dict) or "label" not in values:
                problems.append(f"{category}.{ident} needs at least a label, e.g. {{'label': 'Summit'}}")
                continue
            types = {f.name: _TYPES.get(str(f.type), str) for f in fields(TERM_TYPES[category])}
            for name, value in values.items():
                wanted = types.get(name)
                if wanted is not None and not isinstance(value, wanted) and not _lazy_text(value, wanted):
                    problems.append(f"{category}.{ident}.{name} must be {_TYPE_NAMES[wanted]}, not {value!r}")
            if category == "relations" and values.get("order", "") not in ("", "after", "before"):
                problems.append(f"relations.{ident}.order must be 'after', 'before' or '', not {values['order']!r}")
            unknown = sorted(set(values) - allowed)
            if unknown:
                problems.append(
                    f"{category}.{ident} has unknown fields {unknown}; allowed: {', '.join(sorted(allowed))}"
                )
    return problems


def make_vocabulary(given: dict[str, Any]) -> Vocabulary:
    """The vocabulary from ``chronology_vocabulary`` (assumed checked), defaults where it is silent."""
    categories = {**defaults(), **{k: v for k, v in given.items() if k in TERM_TYPES and isinstance(v, dict)}}
    made: dict[str, tuple[Any, ...]] = {}
    for category, term_type in TERM_TYPES.items():
        allowed = {f.name for f in fields(term_type)} - {"id"}
        made[category] = tuple(
            term_type(id=str(ident), **{k: _plain(v) for k, v in values.items() if k in allowed})
            for ident, values in categories[category].items()
            if isinstance(values, dict) and "label" in values
        )
    return Vocabulary(**made)


def _plain(value: object) -> Any:
    """Lazy translated strings made plain, so the vocabulary pickles and hashes."""
    return value if isinstance(value, (bool, int, float)) else str(value)


@cache
def vocabulary_of(given_json: str, language: str) -> Vocabulary:
    """The vocabulary of a project, made once per (configuration, language)."""
    import json

    return make_vocabulary(json.loads(given_json))
