"""The JSON Schemas (Draft 2020-12) published with the exports: the shape of ``chronology.json``, and the
shapes of what authors write (event front matter, registries, source records), for editors that validate
YAML as it is typed. The input schemas are the very ones the build validates with (``reading.schema``).
"""

from __future__ import annotations

from typing import Any

from sphinx_chronology.model.vocabulary import Vocabulary
from sphinx_chronology.reading.schema import ID, PLACE, REGISTRIES, SOURCE, event_schema, terms

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$", "description": "YYYY, YYYY-MM or YYYY-MM-DD"}
TEXT = {"type": "string"}
TEXTS = {"type": "array", "items": TEXT}


def _obj(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(required), "additionalProperties": False}


def _map(entry: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "propertyNames": ID, "additionalProperties": entry}


def chronology_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    """The schema of ``chronology.json``; kinds, statuses, formats and relations are this project's."""
    delegate = _obj(
        {"person": ID, "name": TEXT, "title": TEXT, "lead": {"const": True}, "role": TEXT}, ("person", "name")
    )
    event = _obj(
        {
            "id": ID,
            "title": TEXT,
            "url": TEXT,
            "date": DATE,
            "end": DATE,
            "approximate": {"const": True},
            "timezone": TEXT,
            **terms(vocabulary),
            "place": PLACE,
            "series": ID,
            "round": {"type": ["integer", "string"]},
            "delegations": {"type": "object", "additionalProperties": {"type": "array", "items": delegate}},
            "topics": {"type": "array", "items": ID},
            "related": {
                "type": "array",
                "items": _obj(
                    {"event": ID, "relation": {"enum": list(vocabulary.ids("relations"))}}, ("event", "relation")
                ),
            },
            "outcomes": TEXTS,
            "uncertain": {"type": "array", "items": _obj({"field": TEXT, "note": TEXT}, ("field",))},
            "sources": {"type": "array", "items": ID, "description": "keys of the sources the event's page cites"},
            "disputes": {
                "type": "array",
                "items": _obj(
                    {
                        "point": TEXT,
                        "anchor": TEXT,
                        "accounts": {
                            "type": "array",
                            "items": _obj({"by": TEXT, "sources": {"type": "array", "items": ID}}, ("by", "sources")),
                        },
                    },
                    ("point", "accounts"),
                ),
            },
            "incomplete": {"const": True, "description": "the entry has mistakes; it holds what could be read"},
        },
        ("id", "title", "url", "date", "kind", "status", "delegations", "topics", "related", "sources"),
    )
    return {
        "$schema": DRAFT,
        "$id": "chronology.schema.json",
        "title": "A chronology exported by sphinx-chronology",
        **_obj(
            {
                "format": {"const": "1.0"},
                "project": TEXT,
                "edition": TEXT,
                "copyright": TEXT,
                "events": {"type": "array", "items": event},
                "sides": _map(_obj({"name": TEXT, "short": TEXT, "long": TEXT}, ("name",))),
                "series": _map(
                    _obj(
                        {
                            "name": TEXT,
                            "short": TEXT,
                            "level": TEXT,
                            "description": TEXT,
                            "first_round": {"type": "integer"},
                        },
                        ("name",),
                    )
                ),
                "people": _map(
                    _obj(
                        {
                            "name": TEXT,
                            "side": ID,
                            "note": TEXT,
                            "names": {"type": "object", "additionalProperties": TEXT},
                        },
                        ("name",),
                    )
                ),
                "topics": _map(_obj({"name": TEXT, "description": TEXT}, ("name",))),
                "periods": _map(
                    _obj({"name": TEXT, "side": ID, "start": DATE, "end": DATE}, ("name", "side", "start"))
                ),
                "sources": {
                    "type": "array",
                    "description": "CSL-JSON items (https://resource.citationstyles.org/schema/v1.0/input/json/csl-data.json)",
                    "items": {"type": "object", "required": ["id", "type", "title"]},
                },
            },
            ("format", "project", "edition", "events", "sides", "series", "people", "topics", "periods", "sources"),
        ),
    }


def input_schemas(vocabulary: Vocabulary) -> dict[str, dict[str, Any]]:
    """File name -> schema of each kind of file an author writes."""
    schemas = {"event.schema.json": ("An event page's front matter", event_schema(vocabulary))}
    schemas["source.schema.json"] = ("A source record (CSL-YAML)", SOURCE)
    for name, schema in REGISTRIES.items():
        schemas[f"{name}.schema.json"] = (f"The {name} registry ({name}.yaml)", schema)
    return {
        file: {"$schema": DRAFT, "$id": file, "title": title, **schema} for file, (title, schema) in schemas.items()
    }
