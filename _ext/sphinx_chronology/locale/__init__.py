"""The extension's message catalog: every label it generates goes through ``_`` (``sphinx.locale``), so a
project with ``language = "zh_CN"`` (or any language with a catalog here) gets its labels translated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.locale import get_translation, get_translator

CATALOG = "sphinx_chronology"
LOCALE_DIR = Path(__file__).parent

_ = get_translation(CATALOG)


def plural(singular: str, plural: str, count: int) -> str:
    """The form of ``singular``/``plural`` for ``count`` in the project's language (``ngettext``)."""
    translator: Any = get_translator(CATALOG)
    return str(translator.ngettext(singular, plural, count))
