"""The extension's configuration values (all ``chronology_*``, documented in the README) and the project's
vocabulary, checked when the configuration is read."""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from sphinx_chronology.model.vocabulary import Vocabulary, term_problems, vocabulary_of
from sphinx_chronology.warnings import Subtype, warn


def vocabulary(config: Config) -> Vocabulary:
    """The project's vocabulary: ``chronology_vocabulary`` over the defaults, labels in its language."""
    given = config.chronology_vocabulary if not term_problems(config.chronology_vocabulary) else {}
    # not sort_keys: the order of the terms is the vocabulary's order
    return vocabulary_of(json.dumps(given, default=str), config.language or "en")


def check_config(app: Sphinx, config: Config) -> None:
    """At ``config-inited``: a bad vocabulary is reported (and the default one used) instead of failing later."""
    where = _assignment(Path(app.confdir or ".", "conf.py"), "chronology_vocabulary")
    for problem in term_problems(config.chronology_vocabulary):
        warn(Subtype.config, f"{problem} (in conf.py).", where)


def _assignment(conf: Path, name: str) -> str | None:
    """``conf.py:<line>`` of the last line that assigns ``name``, where a warning about it points."""
    try:
        lines = conf.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    found = [number for number, line in enumerate(lines, 1) if line.startswith(f"{name} =")]
    return f"{conf}:{found[-1]}" if found else None


def setup_config(app: Sphinx) -> None:
    app.add_config_value("chronology_event_docs", ["chronology/[0-9][0-9][0-9][0-9]/*"], "env", types=frozenset({list}))
    app.add_config_value("chronology_exports", True, "", types=frozenset({bool}))
    app.add_config_value("chronology_registry_dir", "chronology/registry", "env", types=frozenset({str}))
    app.add_config_value("chronology_sources_dir", "sources/records", "env", types=frozenset({str}))
    app.add_config_value("chronology_require_sources", True, "env", types=frozenset({bool}))
    app.add_config_value("chronology_vocabulary", {}, "env", types=frozenset({dict}))
    app.add_config_value("chronology_allow_raw_html", False, "env", types=frozenset({bool}))
    # lines (an entry, or an event or passage it lists) an index page holds on the web before it is split
    # an overview figure with more series lanes folds the smallest into one; with more events, it counts them
    app.add_config_value("chronology_overview_lanes", 24, "env", types=frozenset({int}))
    app.add_config_value("chronology_overview_markers", 600, "env", types=frozenset({int}))
    app.add_config_value("chronology_index_page_size", 1500, "html", types=frozenset({int}))
    app.connect("config-inited", check_config)
