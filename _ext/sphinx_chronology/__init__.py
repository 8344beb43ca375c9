"""A Sphinx extension that builds a cross-referenced chronology from one MyST file per event.

Registries (sides, series, people, topics) and CSL-YAML source records are project data; nothing here knows
about any particular country pair or policy area.
"""

from __future__ import annotations

import atexit
import gc
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util.typing import ExtensionMetadata

from sphinx_chronology import incremental
from sphinx_chronology.bibliography import citations
from sphinx_chronology.config import setup_config
from sphinx_chronology.exports import write_exports
from sphinx_chronology.exports.structured import add_page_metadata
from sphinx_chronology.figures import predraw
from sphinx_chronology.figures.nodes import timeline_svg, visit_timeline_svg_html
from sphinx_chronology.locale import CATALOG, LOCALE_DIR
from sphinx_chronology.reading import frontmatter as events
from sphinx_chronology.reading.encoding import use_lenient_utf8, warn_undecodable
from sphinx_chronology.reading.files import exclude_looping_links
from sphinx_chronology.reading.prose import RawHtmlGuard
from sphinx_chronology.store.domain import ChronologyDomain, domain_of
from sphinx_chronology.views import layout, nodes, paging
from sphinx_chronology.views.catalog import DIRECTIVES
from sphinx_chronology.views.resolve import ResolveViews
from sphinx_chronology.views.search import setup_search

__version__ = "0.1.0"

#: the collector's first-generation threshold during a build (Python's default is 700); see ``_collect_less``
GC_THRESHOLD = 10_000
_saved_thresholds: list[tuple[int, ...]] = []


def _note_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    domain_of(env).note_reading(set(docnames))


def _check(app: Sphinx, env: BuildEnvironment) -> None:
    domain_of(env).check()


def _load_data(app: Sphinx) -> None:
    domain_of(app.env).load_registry(
        Path(app.srcdir), app.config.chronology_registry_dir, app.config.chronology_sources_dir
    )


def setup_reading(app: Sphinx) -> None:
    app.add_domain(ChronologyDomain)
    app.connect("source-read", events.on_read_started, priority=100)
    app.connect("source-read", events.on_source_read)
    app.connect("config-inited", exclude_looping_links)
    app.connect("builder-inited", use_lenient_utf8)
    app.connect("source-read", warn_undecodable, priority=150)
    app.connect("env-before-read-docs", _note_reading)
    app.connect("env-updated", _check)
    app.add_transform(events.EventReader)
    app.add_transform(RawHtmlGuard)
    app.connect("builder-inited", _load_data)
    app.connect("config-inited", _collect_less, priority=100)  # before the environment is loaded
    app.connect("build-finished", _collect_as_before)
    app.connect("env-get-outdated", incremental.on_env_get_outdated)
    app.connect("env-get-updated", incremental.on_env_get_updated)


def setup_views(app: Sphinx) -> None:
    setup_search(app)
    for node in (nodes.chronology_view, nodes.event_header, nodes.event_sources):
        app.add_node(node)
    # shown as the link's title in HTML (see the domain's ``resolve_xref``), a footnote in the PDF
    nodes.add_node(
        app, citations.quote_note, latex=citations.visit_quote_note_latex, text=citations.visit_quote_note_text
    )
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_post_transform(ResolveViews)
    nodes.add_node(app, nodes.page_ref, latex=nodes.visit_page_ref_latex)
    nodes.add_node(app, layout.layout, html=layout.visit_layout_html)
    nodes.add_node(app, timeline_svg, html=visit_timeline_svg_html)
    nodes.add_node(app, paging.forwarding, html=paging.visit_forwarding_html)
    app.connect("write-started", predraw.draw_ahead)
    app.connect("html-collect-pages", paging.collect_pages)
    app.connect("config-inited", _add_static)
    app.add_latex_package("sphinxchronology")
    app.connect("builder-inited", _latex_package)
    app.connect("builder-inited", _one_of_each_static, priority=900)


def _collect_less(app: Sphinx, config: Config) -> None:
    """While Sphinx builds, let the cyclic garbage collector run after 10,000 new objects rather than 700.

    A build allocates docutils nodes by the million, and the chronology's index and environment stay alive
    throughout, so the collector, run every 700 allocations, walks the same long-lived objects thousands of
    times: at 1,000 events that was 4.5 s of a 24 s full build (the floor's plain pages: 1.8 s), and 2.1 s
    with this threshold; larger thresholds were slower again. Batch programs do the same (mypy raises it
    for its build). A higher threshold set by the user is kept, and the previous one is restored when the
    build ends.

    And when the process ends, Python's last collection walks every object still alive to free the cyclic
    ones, memory the system takes back anyway: after a one-event edit at 1,000 events that took 0.35-0.45 s
    of CPU (the floor's 0.15-0.2 s). ``gc.freeze``, registered once to run when the interpreter exits (a
    process that builds again keeps collecting as before), leaves them out of it; the exit callbacks
    registered before it (logging's flush, temporary files' removal) still run after it."""
    threshold = gc.get_threshold()
    if threshold[0] < GC_THRESHOLD:
        _saved_thresholds.append(threshold)
        gc.set_threshold(GC_THRESHOLD, *threshold[1:])
    atexit.unregister(gc.freeze)  # registered once however many builds the process runs
    atexit.register(gc.freeze)


def _collect_as_before(app: Sphinx, exception: BaseException | None) -> None:
    if _saved_thresholds:
        gc.set_threshold(*_saved_thresholds.pop())


def _add_static(app: Sphinx, config: Config) -> None:
    """Static folders join ``html_static_path`` before the environment compares the configuration with the
    last build's: ours, and sphinx-design's, which it appends at ``builder-inited``, after the comparison, so
    that every build said "The configuration has changed (1 option: 'html_static_path')"."""
    from sphinx_design import extension as design

    folders = [str(Path(__file__).parent / "static"), str(getattr(design, "STATIC_DIR", ""))]
    config.html_static_path = [
        *config.html_static_path,
        *(f for f in folders if f and f not in config.html_static_path),
    ]
    app.add_css_file("chronology.css")


def _latex_package(app: Sphinx) -> None:
    """The extension's LaTeX macros (``latex/sphinxchronology.sty``) beside the book's sources."""
    if app.builder.format == "latex":
        shutil.copyfile(
            Path(__file__).parent / "latex" / "sphinxchronology.sty", Path(app.outdir) / "sphinxchronology.sty"
        )


def _one_of_each_static(app: Sphinx) -> None:
    """sphinx-design has appended its folder a second time: keep one of each, so the environment saves the
    list it will be compared with."""
    app.config.html_static_path = list(dict.fromkeys(app.config.html_static_path))


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinx_design")
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    setup_config(app)
    setup_reading(app)
    setup_views(app)
    app.connect("build-finished", write_exports)
    app.connect("html-page-context", add_page_metadata)
    return {
        "version": __version__,
        "env_version": 12,  # bump whenever the records or domain data change shape
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
