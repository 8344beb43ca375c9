"""View directives (placed by authors) and the post-transform that fills them in when a page is written."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from sphinx_chronology.figures.cache import figure_cache
from sphinx_chronology.figures.data import FigureData, parse_filters
from sphinx_chronology.figures.nodes import render_figure
from sphinx_chronology.views import data as viewdata
from sphinx_chronology.views import render
from sphinx_chronology.views.disputes import Account, Dispute
from sphinx_chronology.views.header import render_header
from sphinx_chronology.views.nodes import chronology_view, event_header, event_sources
from sphinx_chronology.warnings import Subtype, warn

_YEAR = re.compile(r"^\d{4}$")


def _toctree(directive: SphinxDirective, docnames: list[str], hidden: bool) -> nodes.compound:
    """A toctree over ``docnames``; the page is re-read when documents are added to or removed from its folder."""
    env = directive.env
    toc = addnodes.toctree()
    toc["parent"] = env.docname
    toc["entries"] = [(None, docname) for docname in docnames]
    toc["includefiles"] = list(docnames)
    toc["maxdepth"] = 1
    toc["caption"] = None
    toc["glob"] = False
    toc["hidden"] = hidden
    toc["includehidden"] = False
    toc["numbered"] = 0
    toc["titlesonly"] = True
    directive.set_source_info(toc)
    return nodes.compound("", toc, classes=["toctree-wrapper"])


def listed_folder_changed(docname: str, kind: str, changed: set[str]) -> bool:
    """Whether adding or removing ``changed`` documents alters the toctree of a year or years view in
    ``docname`` (so that page, and only that page, is re-read; see ``incremental.on_env_get_outdated``)."""
    folder = posixpath.dirname(docname)
    prefix = f"{folder}/" if folder else ""
    for other in changed:
        if not other.startswith(prefix) or other == docname:
            continue
        rest = other[len(prefix) :]
        if (kind == "year" and "/" not in rest) or (kind == "years" and re.fullmatch(r"\d{4}/index", rest)):
            return True
    return False


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
            warn(
                Subtype.view,
                f"chronology-year needs a four-digit year, got {year!r}; put the page in a "
                "folder named after the year or give the year as the argument.",
                self.get_location(),
            )
            return []
        prefix = f"{folder}/" if folder else ""
        pages = sorted(
            d
            for d in self.env.found_docs
            if d.startswith(prefix) and "/" not in d[len(prefix) :] and d != self.env.docname
        )
        return [_view(self, "year", year), _toctree(self, pages, hidden=True)]


class ChronologyYears(SphinxDirective):
    """The years' table of contents: every ``<yyyy>/index`` page beside this one, in order."""

    def run(self) -> list[nodes.Node]:
        folder = posixpath.dirname(self.env.docname)
        prefix = f"{folder}/" if folder else ""
        pages = sorted(
            d for d in self.env.found_docs if d.startswith(prefix) and re.fullmatch(r"\d{4}/index", d[len(prefix) :])
        )
        return [_view(self, "years"), _toctree(self, pages, hidden=False)]


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


class DisputeIndex(SimpleView):
    kind = "disputes"


class SeriesPage(SphinxDirective):
    """A series page: its strip figure and its rounds in date order, gaps in the numbering shown."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        series = self.arguments[0].strip()
        strip = figure_arg("series", {"series": series})
        return [_view(self, "figure", strip), _view(self, "series", series)]


def figure_arg(kind: str, options: dict[str, str]) -> str:
    """A figure view's argument: its kind and options, canonical so equal figures hash equally."""
    return json.dumps({"figure": kind, **options}, sort_keys=True)


class TimelineFigure(SphinxDirective):
    """A timeline figure of the collected events, with filters, caption and alt text."""

    figure_kind: ClassVar[str] = ""
    optional_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        name: directives.unchanged for name in ("series", "kind", "topic", "person", "from", "to", "caption", "alt")
    }

    def run(self) -> list[nodes.Node]:
        options = {key: str(value) for key, value in self.options.items()}
        if self.arguments:
            options["series"] = self.arguments[0].strip()
        _filters, problems = parse_filters(options)
        for problem in problems:
            warn(Subtype.view, f"{self.name}: {problem}.", self.get_location())
        return [_view(self, "figure", figure_arg(self.figure_kind, options))]


class TimelineOverview(TimelineFigure):
    figure_kind = "overview"


class TimelineSeries(TimelineFigure):
    figure_kind = "series"


class TimelineDensity(TimelineFigure):
    figure_kind = "density"


#: The view directives by name; every name is prefixed, so none clashes with another extension's
#: (sphinxcontrib-bibtex has a ``bibliography``). A project may add short aliases in its ``conf.py``.
DIRECTIVES: dict[str, type[SphinxDirective]] = {
    "chronology-year": ChronologyYear,
    "chronology-years": ChronologyYears,
    "chronology-series": SeriesPage,
    "chronology-people": PeopleIndex,
    "chronology-topics": TopicsIndex,
    "chronology-bibliography": Bibliography,
    "chronology-disputes": DisputeIndex,
    "chronology-dispute": Dispute,
    "chronology-account": Account,
    "chronology-timeline-overview": TimelineOverview,
    "chronology-timeline-series": TimelineSeries,
    "chronology-timeline-density": TimelineDensity,
}


class ResolveViews(SphinxPostTransform):
    """Replace every placeholder with the nodes of its view, for whichever builder is writing.

    A post-transform, not a ``doctree-resolved`` handler: the links a view makes (source URLs, archived
    copies) are then in the doctree when the linkcheck builder collects links (at priority 800). It runs
    after every other post-transform that comes before that one (cross-references at 10, sphinx-design's
    at up to 200), so they do not walk the views' many nodes: at 1,000 events that was a tenth of a build."""

    default_priority = 790

    def run(self, **kwargs: Any) -> None:
        from sphinx_chronology.store.domain import ChronologyDomain

        domain = self.env.domains[ChronologyDomain.name]
        assert isinstance(domain, ChronologyDomain)
        index = domain.index
        app = getattr(self.env, "_app", None) or self.app  # Sphinx 9 deprecates ``app`` on transforms
        ctx = render.Context(app.builder, self.env.docname, figure_cache(app))
        for node in list(self.document.findall(chronology_view)):
            data = viewdata.view(index, node["kind"], node["arg"])
            if isinstance(data, FigureData):
                node.replace_self(render_figure(ctx, data, index.doc_of))
            else:
                node.replace_self(render.view(ctx, node["kind"], data))
        for header in list(self.document.findall(event_header)):
            event = index.event_of_doc.get(header["docname"])
            header.replace_self(render_header(ctx, viewdata.header(index, event)) if event else [])
        bib_doc = index.doc_of("bibliography")
        for sources in list(self.document.findall(event_sources)):
            entries = viewdata.event_sources(index, sources["docname"])
            sources.replace_self(render.render_sources(ctx, entries, bib_doc))
