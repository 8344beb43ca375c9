"""The post-transform that fills in every view, event header and source list when a page is written."""

from __future__ import annotations

from typing import Any

from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_chronology.figures.cache import figure_cache
from sphinx_chronology.views import paging, render
from sphinx_chronology.views.catalog import KINDS, view_data
from sphinx_chronology.views.citeentry import render_cite_entry
from sphinx_chronology.views.data import header as header_data
from sphinx_chronology.views.header import render_header
from sphinx_chronology.views.nodes import chronology_view, event_header, event_sources
from sphinx_chronology.views.sources import event_sources as event_sources_of
from sphinx_chronology.views.sources import render_sources


class ResolveViews(SphinxPostTransform):
    """Replace every placeholder with the nodes of its view, for whichever builder is writing.

    A post-transform, not a ``doctree-resolved`` handler: the links a view makes (source URLs, archived
    copies) are then in the doctree when the linkcheck builder collects links (at priority 800). It runs
    after every other post-transform that comes before that one (cross-references at 10, sphinx-design's
    at up to 200), so they do not walk the views' many nodes: at 1,000 events that was a tenth of a build."""

    default_priority = 790

    def run(self, **kwargs: Any) -> None:
        from sphinx_chronology.store.domain import domain_of

        domain = domain_of(self.env)
        index = domain.index
        app = getattr(self.env, "_app", None) or self.app  # Sphinx 9 deprecates ``app`` on transforms
        ctx = render.Context(app.builder, self.env.docname, figure_cache(app), index)
        for node in list(self.document.findall(chronology_view)):
            kind = KINDS.get(node["kind"])
            if kind is None:
                node.replace_self([])
            elif parts := paging.letter_pages(app.builder, index, kind.name):
                node.replace_self(paging.directory(ctx, parts))  # the entries are on letter pages
            else:
                node.replace_self(kind.render(ctx, view_data(index, kind.name, node["arg"])))
        for header in list(self.document.findall(event_header)):
            event = index.event_of_doc.get(header["docname"])
            header.replace_self(render_header(ctx, header_data(index, event)) if event else [])
        bib_doc = index.doc_of("bibliography")
        for sources in list(self.document.findall(event_sources)):
            entries = event_sources_of(index, sources["docname"])
            event = index.event_of_doc.get(sources["docname"])
            cite = render_cite_entry(ctx, event) if event is not None else []
            sources.replace_self([*render_sources(ctx, entries, bib_doc), *cite])
