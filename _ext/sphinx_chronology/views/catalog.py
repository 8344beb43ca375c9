"""Every view kind, by name, and the directives they bring."""

from __future__ import annotations

from typing import Any

from sphinx.util.docutils import SphinxDirective

from sphinx_chronology.store.index import Index
from sphinx_chronology.views.base import ViewKind
from sphinx_chronology.views.disputes import DISPUTES
from sphinx_chronology.views.downloads import DOWNLOADS_VIEW
from sphinx_chronology.views.figure import FIGURE
from sphinx_chronology.views.people import PEOPLE
from sphinx_chronology.views.series import SERIES
from sphinx_chronology.views.sources import BIBLIOGRAPHY
from sphinx_chronology.views.topics import TOPICS
from sphinx_chronology.views.year import YEAR, YEARS

KINDS: dict[str, ViewKind] = {
    kind.name: kind for kind in (YEAR, YEARS, SERIES, PEOPLE, TOPICS, BIBLIOGRAPHY, DISPUTES, FIGURE, DOWNLOADS_VIEW)
}

#: The directives by name; every name is prefixed, so none clashes with another extension's
#: (sphinxcontrib-bibtex has a ``bibliography``). A project may add short aliases in its ``conf.py``.
DIRECTIVES: dict[str, type[SphinxDirective]] = {
    name: directive for kind in KINDS.values() for name, directive in kind.directives.items()
}


def view_data(index: Index, kind: str, arg: str) -> Any:
    """The data of the view ``kind`` with ``arg``, once per build; None for an unknown kind."""
    declared = KINDS.get(kind)
    if declared is None:
        return None
    return index.memoized(("view", kind, arg), lambda: declared.data(index, arg))
