"""A view kind, declared once: its name (what its placeholder and the domain call it), how its data is
gathered from the project's records, how that data becomes nodes, and the directives that place it.

Each kind lives in a module of its own (``year.py``, ``series.py``, ``people.py``, ``topics.py``,
``sources.py``, ``disputes.py``, ``figure.py``) and is listed in ``catalog.py``; adding a view, or changing
how one looks, touches its module alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_chronology.views.nodes import chronology_view

if TYPE_CHECKING:
    from sphinx_chronology.store.index import Index
    from sphinx_chronology.views.paging import Paging
    from sphinx_chronology.views.render import Context


@dataclass(frozen=True)
class ViewKind:
    """What a view is: ``data(index, arg)`` gives the plain values it shows (hashed by incremental builds),
    ``render(ctx, data)`` the nodes for the builder at hand, ``paging`` how an index is split when it grows."""

    name: str
    data: Callable[[Index, str], Any]
    render: Callable[[Context, Any], list[nodes.Node]]
    directives: Mapping[str, type[SphinxDirective]] = field(default_factory=dict)
    #: how the view is split into letter pages on the web when it grows (``paging.py``); None: never
    paging: Paging | None = None


def placeholder(directive: SphinxDirective, kind: str, arg: str = "") -> chronology_view:
    """Where the view ``kind`` goes; it is filled in when the page is written (``resolve.py``)."""
    node = chronology_view(kind=kind, arg=arg)
    directive.set_source_info(node)
    return node


class SimpleView(SphinxDirective):
    """A directive that places the view named by ``kind``, with no argument."""

    kind: ClassVar[str] = ""

    def run(self) -> list[nodes.Node]:
        return [placeholder(self, self.kind)]
