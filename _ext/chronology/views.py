"""View directives (placed by authors) and the post-transform that fills them in when a page is written."""

from __future__ import annotations

import posixpath
import re
from typing import Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from . import render, viewdata
from .nodes import chronology_view, event_header, event_sources
from .warnings import Subtype, warn

_YEAR = re.compile(r"^\d{4}$")


def _toctree(directive: SphinxDirective, docnames: list[str], hidden: bool) -> nodes.compound:
    """A toctree over ``docnames`` that is re-read whenever documents are added or removed (like a glob)."""
    env = directive.env
    toc = addnodes.toctree()
    toc["parent"] = env.docname
    toc["entries"] = [(None, docname) for docname in docnames]
    toc["includefiles"] = list(docnames)
    toc["maxdepth"] = 1
    toc["caption"] = None
    toc["glob"] = True
    toc["hidden"] = hidden
    toc["includehidden"] = False
    toc["numbered"] = 0
    toc["titlesonly"] = True
    directive.set_source_info(toc)
    env.glob_toctrees.add(env.docname)
    return nodes.compound("", toc, classes=["toctree-wrapper"])


def _view(directive: SphinxDirective, kind: str, arg: str = "") -> chronology_view:
    node = chronology_view(kind=kind, arg=arg)
    directive.set_source_info(node)
    return node


class ChronologyYear(SphinxDirective):
    """A year page: the year's events as cards, and (hidden) the table of contents of its event pages.

    The year is the argument, or the name of the folder holding the page (``chronology/2014/index.md``).
    """

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        folder = posixpath.dirname(self.env.docname)
        year = self.arguments[0] if self.arguments else posixpath.basename(folder)
        if not _YEAR.match(year):
            warn(Subtype.view, f"chronology-year needs a four-digit year, got {year!r}; put the page in a "
                 "folder named after the year or give the year as the argument.", self.get_location())
            return []
        prefix = f"{folder}/" if folder else ""
        pages = sorted(
            d for d in self.env.found_docs
            if d.startswith(prefix) and "/" not in d[len(prefix):] and d != self.env.docname
        )
        return [_view(self, "year", year), _toctree(self, pages, hidden=True)]


class ChronologyYears(SphinxDirective):
    """The years' table of contents: every ``<yyyy>/index`` page beside this one, in order."""

    def run(self) -> list[nodes.Node]:
        folder = posixpath.dirname(self.env.docname)
        prefix = f"{folder}/" if folder else ""
        pages = sorted(
            d for d in self.env.found_docs
            if d.startswith(prefix) and re.fullmatch(r"\d{4}/index", d[len(prefix):])
        )
        return [_toctree(self, pages, hidden=False)]


class SimpleView(SphinxDirective):
    """A view named by the directive (people index, topics index, bibliography)."""

    kind: ClassVar[str] = ""

    def run(self) -> list[nodes.Node]:
        return [_view(self, self.kind)]


class PeopleIndex(SimpleView):
    kind = "people"


class TopicsIndex(SimpleView):
    kind = "topics"


class Bibliography(SimpleView):
    kind = "bibliography"


class SeriesPage(SphinxDirective):
    """A series page: its rounds in date order, gaps in the numbering shown."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        return [_view(self, "series", self.arguments[0].strip())]


class ViewResolver(SphinxPostTransform):
    """Replace every placeholder with the nodes of its view, for whichever builder is writing."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        from .domain import ChronologyDomain

        domain = self.env.domains[ChronologyDomain.name]
        assert isinstance(domain, ChronologyDomain)
        index = domain.index
        ctx = render.Context(self.app.builder, self.env.docname)
        for node in list(self.document.findall(chronology_view)):
            data = viewdata.view(index, node["kind"], node["arg"])
            node.replace_self(render.view(ctx, node["kind"], data))
        for header in list(self.document.findall(event_header)):
            event = index.event_of_doc.get(header["docname"])
            header.replace_self(render.render_header(ctx, viewdata.header(index, event)) if event else [])
        for sources in list(self.document.findall(event_sources)):
            entries = viewdata.event_sources(index, sources["docname"])
            sources.replace_self(render.render_sources(ctx, entries, index.doc_of("bibliography")))
