"""JSON Schemas for front matter, registries and source records, and the translation of schema errors into
located, typed warnings with fix hints. Validation is jsonschema's; this module only words the results.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from sphinx_chronology.model.vocabulary import Vocabulary
from sphinx_chronology.reading.yamldata import Loaded, Path
from sphinx_chronology.warnings import Subtype, suggest

if TYPE_CHECKING:
    import jsonschema

# the pattern ends with a look-ahead, not `$`: Python's `$` also matches before a final line break, so
# "talks-1\n" would pass (and the look-ahead means the same in the ECMA-262 regexes of JSON Schema tools)
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*(?![\s\S])"
ID: dict[str, Any] = {"type": "string", "pattern": ID_PATTERN}
TEXT: dict[str, Any] = {"type": "string"}
DATE: dict[str, Any] = {"type": ["string", "integer"]}
TEXTS: dict[str, Any] = {"type": "array", "items": TEXT}
#: A person's name in another language: ``name_`` and a language tag with ``_`` for ``-`` (``name_zh_Hant``).
NATIVE_NAME = r"^name_[a-z]{2,3}(_[A-Za-z0-9]{2,8})*$"


def _object(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


DELEGATE = _object({"person": ID, "title": TEXT, "lead": {"type": "boolean"}, "role": TEXT}, required=("person",))
EXCHANGE = _object(
    {
        "government": {"type": "boolean"},
        "type": TEXT,
        "partners": TEXTS,
        "sponsors": TEXTS,
        "participant_types": TEXTS,
        "participants": {"type": "integer", "minimum": 0},
        "level": TEXT,
        "continuing": {"type": "boolean"},
        "record": ID,
    }
)


PLACE = _object({"venue": TEXT, "city": TEXT, "region": TEXT, "country": TEXT})


def terms(vocabulary: Vocabulary) -> dict[str, Any]:
    """The fields whose values come from the vocabulary (for the front matter and the exports' schemas)."""
    return {
        "kind": {"enum": list(vocabulary.ids("kinds"))},
        "status": {"enum": list(vocabulary.ids("statuses"))},
        "format": {"enum": list(vocabulary.ids("formats"))},
    }


@cache
def event_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    """The front matter's schema, its kinds, statuses, formats and relations those of ``vocabulary``."""
    return _object(
        {
            "id": ID,
            "title": {"type": "string", "minLength": 1},
            "date": DATE,
            "end": DATE,
            "approximate": {"type": "boolean"},
            "timezone": TEXT,
            **terms(vocabulary),
            "place": PLACE,
            "series": ID,
            "round": {"type": ["integer", "string"], "minimum": 1, "minLength": 1},
            "delegations": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": DELEGATE},
            },
            "topics": {"type": "array", "items": ID},
            "related": {
                "type": "array",
                "items": _object({"event": ID, "relation": {"enum": list(vocabulary.ids("relations"))}}, ("event",)),
            },
            "outcomes": TEXTS,
            "exchange": EXCHANGE,
            "uncertain": {"type": "array", "items": _object({"field": TEXT, "note": TEXT}, ("field",))},
            # earlier addresses of the page (document names: chronology/2015/2015-08-talks-2), kept working
            "redirect_from": {
                "type": "array",
                "items": {"type": "string", "pattern": r"^(?!.*\.\.)[^./\\][^\\:]*(?<!/)$"},
            },
        },
        required=("title", "date", "kind", "status"),
    )


def registry_schema(entry: dict[str, Any]) -> dict[str, Any]:
    """A registry file: a mapping from id to an entry object."""
    return {
        "type": "object",
        "propertyNames": ID,
        "additionalProperties": entry,
    }


REGISTRIES: dict[str, dict[str, Any]] = {
    "sides": registry_schema(
        _object({"name": TEXT, "short": TEXT, "long": TEXT, "family_first": {"type": "boolean"}}, ("name",))
    ),
    "series": registry_schema(
        _object(
            {"name": TEXT, "short": TEXT, "level": TEXT, "description": TEXT, "first_round": {"type": "integer"}},
            ("name",),
        )
    ),
    "people": registry_schema(
        {
            **_object(
                {"name": TEXT, "side": ID, "note": TEXT, "family_first": {"type": "boolean"}, "sort_as": TEXT},
                ("name",),
            ),
            # the name in another script or language: name_zh, name_ru, name_zh_Hant ...
            "patternProperties": {NATIVE_NAME: TEXT},
        }
    ),
    "topics": registry_schema(_object({"name": TEXT, "description": TEXT}, ("name",))),
    "periods": registry_schema(
        _object(
            {"name": TEXT, "side": ID, "start": DATE, "end": DATE, "note": TEXT, "source": ID},
            ("name", "side", "start"),
        )
    ),
}

_FLAG = {"type": ["string", "number", "boolean"]}
_NAME = {
    "family": TEXT,
    "given": TEXT,
    "literal": TEXT,
    "suffix": TEXT,
    "non-dropping-particle": TEXT,
    "dropping-particle": TEXT,
    "comma-suffix": _FLAG,
    "static-ordering": _FLAG,
    "parse-names": _FLAG,
}
NAMES = {"type": "array", "items": _object(_NAME)}
TEXT_OR_NUMBER = {"type": ["string", "number"]}
# the CSL 1.0.2 variables (https://docs.citationstyles.org/en/stable/specification.html#appendix-iv-variables):
# a record may carry any of them, as a reference manager exports it
CSL_NAMES = (
    "author",
    "chair",
    "collection-editor",
    "compiler",
    "composer",
    "container-author",
    "contributor",
    "curator",
    "director",
    "editor",
    "editorial-director",
    "executive-producer",
    "guest",
    "host",
    "illustrator",
    "interviewer",
    "narrator",
    "organizer",
    "original-author",
    "performer",
    "producer",
    "recipient",
    "reviewed-author",
    "script-writer",
    "series-creator",
    "translator",
)
CSL_DATES = ("accessed", "available-date", "event-date", "issued", "original-date", "submitted")
CSL_TEXTS = (
    "abstract",
    "annote",
    "archive",
    "archive_collection",
    "archive_location",
    "archive-place",
    "authority",
    "call-number",
    "citation-key",
    "citation-label",
    "collection-title",
    "container-title",
    "container-title-short",
    "dimensions",
    "division",
    "DOI",
    "event",
    "event-title",
    "event-place",
    "genre",
    "ISBN",
    "ISSN",
    "jurisdiction",
    "keyword",
    "language",
    "license",
    "medium",
    "note",
    "original-publisher",
    "original-publisher-place",
    "original-title",
    "part-title",
    "PMCID",
    "PMID",
    "publisher",
    "publisher-place",
    "references",
    "reviewed-genre",
    "reviewed-title",
    "scale",
    "source",
    "status",
    "title-short",
    "URL",
    "volume-title",
    "year-suffix",
)
CSL_NUMBERS = (
    "chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number", "issue",
    "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first", "part-number",
    "printing-number", "section", "supplement-number", "version", "volume",
)  # fmt: skip
SOURCE = _object(
    {
        "id": ID,
        "type": TEXT,
        "title": {"type": "string", "minLength": 1},
        **{name: NAMES for name in CSL_NAMES},
        **{name: DATE for name in CSL_DATES},
        **{name: TEXT for name in CSL_TEXTS},
        **{name: TEXT_OR_NUMBER for name in CSL_NUMBERS},
        "custom": {
            "type": "object",
            "properties": {
                "archive-url": TEXT,
                "archive-date": DATE,
                "quotes": TEXTS,
            },
            "additionalProperties": False,
        },
    },
    required=("title",),
)

Report = Callable[[Subtype, str, int], None]


def validate(loaded: Loaded, schema: dict[str, Any], what: str, report: Report) -> set[Path]:
    """Report every schema error in ``loaded.data``; return the paths whose values are unusable."""
    bad: set[Path] = set()
    validator = _validator(schema)
    for error in sorted(validator.iter_errors(loaded.data), key=lambda e: [str(p) for p in e.path]):
        path: Path = tuple(error.absolute_path)
        for subtype, message, at in _explain(error, path, what):
            report(subtype, message, loaded.line(at))
            if error.validator != "required":  # a missing field leaves the rest of the object usable
                bad.add(at)
    return bad


_VALIDATORS: dict[int, jsonschema.Draft202012Validator] = {}


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """One validator per schema (by identity: the schemas are this module's constants). jsonschema is
    imported here, when something is validated, so a build that reads nothing does not load it."""
    found = _VALIDATORS.get(id(schema))
    if found is None:
        import jsonschema

        found = _VALIDATORS[id(schema)] = jsonschema.Draft202012Validator(schema)
    return found


def _explain(error: jsonschema.ValidationError, path: Path, what: str) -> list[tuple[Subtype, str, Path]]:
    where = ".".join(str(p) for p in path) or what
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = list(schema.get("properties", {}))
        pattern = schema.get("patternProperties")
        shown = [*known, "name_<language>"] if pattern else known
        return [
            (
                Subtype.field,
                f"unknown field {key!r} in {where}.{suggest(key, [*known, *_native_guess(key, pattern)])} "
                f"Known fields: {', '.join(shown)}.{_colon_hint(key)}",
                (*path, key),
            )
            for key in error.instance
            if key not in known and not (pattern and any(re.match(p, key) for p in pattern))
        ]
    if error.validator == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else error.message
        subtype = Subtype.date if missing == "date" else Subtype.missing
        return [(subtype, f"{where} has no {missing!r}; add `{missing}:` to it.", path)]
    if error.validator == "enum":
        values = error.validator_value
        options = [str(o) for o in values] if isinstance(values, list) else []
        hint = suggest(str(error.instance), options)
        return [
            (
                Subtype.value,
                f"{where}: {error.instance!r} is not allowed.{hint} Use one of: {', '.join(options)}.",
                path,
            )
        ]
    if error.validator == "type":
        expected = error.validator_value
        expected_text = " or ".join(expected) if isinstance(expected, list) else str(expected)
        got = type(error.instance).__name__
        hint = f" Write it as a list: [{error.instance}]." if expected == "array" else ""
        return [
            (
                Subtype.value,
                f"{where} should be {_article(expected_text)}, not {got} {error.instance!r}.{hint}",
                path,
            )
        ]
    if error.validator == "pattern" or error.validator == "propertyNames":
        return [
            (
                Subtype.value,
                f"{where}: {error.instance!r} is not a valid id; use letters, digits, '-', '_' or '.'.",
                path,
            )
        ]
    return [(Subtype.value, f"{where}: {error.message}.", path)]


def _native_guess(key: str, pattern: object) -> list[str]:
    """For a misspelt native-name field (``nmae_zh``), the field it was meant to be (``name_zh``)."""
    return [f"name_{key.partition('_')[2]}"] if pattern and "_" in key else []


def _colon_hint(key: str) -> str:
    if " " not in key:
        return ""
    return " (Inside {...} a ',' or ': ' in a value starts a new field: put the whole value in quotes.)"


def _article(type_name: str) -> str:
    return {
        "string": "a string",
        "integer": "a whole number",
        "boolean": "true or false",
        "array": "a list",
        "object": "a mapping of fields",
    }.get(type_name, type_name)


def usable(value: Any, path: Path, bad: set[Path]) -> Any:
    """``value`` with every subtree that failed validation removed (so records build from what is valid)."""
    if path in bad:
        return None
    if isinstance(value, dict):
        return {key: usable(item, (*path, key), bad) for key, item in value.items() if (*path, key) not in bad}
    if isinstance(value, list):
        return [usable(item, (*path, i), bad) for i, item in enumerate(value) if (*path, i) not in bad]
    return value
