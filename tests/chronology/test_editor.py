"""The editor settings: the committed JSON Schemas are the ones the project's vocabulary gives, and every file
an editor validates with them passes, read as the editor reads YAML (a date stays a string)."""

from __future__ import annotations

import fnmatch
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from helpers import REPO


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it against a JSON Schema: no timestamps."""


EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_committed_schemas_are_the_vocabulary_s(tmp_path: Path) -> None:
    written = subprocess.run(
        [sys.executable, "-m", "sphinx_chronology.cli", "--project", str(REPO), "schemas", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert written.returncode == 0, written.stderr
    fresh = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.json")}
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schemas").glob("*.json")}
    assert fresh == committed, "run `make schemas` and commit the result"


def test_every_file_the_editor_validates_passes() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    files = [p.relative_to(REPO).as_posix() for p in REPO.glob("**/*.yaml") if ".venv" not in p.parts]
    validated = 0
    for schema_path, pattern in settings["yaml.schemas"].items():
        schema = json.loads((REPO / schema_path).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        matched = [f for f in files if fnmatch.fnmatch(f, pattern)]
        assert matched, pattern
        for name in matched:
            data = yaml.load((REPO / name).read_text(encoding="utf-8"), Loader=EditorLoader)
            errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
            assert errors == [], (name, errors[:3])
            validated += 1
    assert validated > 400
    # and a placeholder or a misspelt field does not pass
    source = json.loads((REPO / "schemas/source.schema.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(source).iter_errors({"id": "x", "titel": "T"}))
