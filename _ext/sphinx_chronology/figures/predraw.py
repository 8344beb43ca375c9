"""Figures drawn ahead of writing, in parallel, when Sphinx runs with ``-j N``.

Sphinx resolves every page in its main process, also in a parallel build (only the translation to HTML is
forked), so figures drawn while pages are resolved are drawn one at a time while the writer waits. Before
writing starts, every figure the build will need and the cache lacks is drawn in N processes instead; the
pages then find them cached. A serial build draws each figure when its page is resolved, as before.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.parallel import ParallelTasks, parallel_available

from sphinx_chronology.figures.cache import FORMATS, draw_figure, figure_cache, figure_path
from sphinx_chronology.figures.data import FigureData
from sphinx_chronology.store.index import Index

Job = tuple[Path, FigureData, str]


def missing_figures(index: Index, cache: Path, fmt: str) -> list[Job]:
    """Every figure of the project whose drawing in ``fmt`` is not cached, once each, biggest first."""
    from sphinx_chronology.views.catalog import view_data  # the views import the figures

    jobs: dict[Path, Job] = {}
    for docname in sorted(index.views):
        for view in index.views[docname]:
            data = view_data(index, view.kind, view.arg)
            if isinstance(data, FigureData):
                path = figure_path(cache, data, fmt)
                if not path.exists():
                    jobs.setdefault(path, (path, data, fmt))
    return sorted(jobs.values(), key=lambda job: (-len(job[1].points), job[0].name))


def share(jobs: list[Job], workers: int) -> list[list[Job]]:
    """The jobs in ``workers`` lists of about equal work (points drawn), biggest job first to the least
    loaded list, so one process imports matplotlib once and draws its whole share."""
    shares: list[list[Job]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for job in jobs:
        least = loads.index(min(loads))
        shares[least].append(job)
        loads[least] += 1 + len(job[1].points)
    return [jobs for jobs in shares if jobs]


def _draw_share(jobs: list[Job]) -> None:
    for path, data, fmt in jobs:
        draw_figure(path, data, fmt)


def draw_ahead(app: Sphinx, builder: Builder) -> None:
    """At ``write-started`` of a parallel build: draw the missing figures in ``app.parallel`` processes."""
    from sphinx_chronology.store.domain import domain_of

    fmt = FORMATS.get(builder.format)
    if app.parallel < 2 or not parallel_available or fmt is None:
        return
    domain = domain_of(app.env)
    if not domain.inputs_changed:
        return  # nothing was read or loaded: every figure a page shows was drawn by an earlier build
    jobs = missing_figures(domain.index, figure_cache(app), fmt)
    if len(jobs) < 2:
        return  # one figure draws as fast in the main process
    tasks = ParallelTasks(app.parallel)
    for jobs_of_one in share(jobs, app.parallel):
        tasks.add_task(_draw_share, jobs_of_one)
    tasks.join()
