"""The extension's message catalog: every label it generates goes through ``_`` (``sphinx.locale``), so a
project with ``language = "zh_CN"`` (or any language with a catalog here) gets its labels translated."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

CATALOG = "sphinx_chronology"
LOCALE_DIR = Path(__file__).parent

_ = get_translation(CATALOG)
