"""Incremental builds that rewrite exactly the pages whose shown data changed.

Every page gets a fingerprint: a hash of everything our views, headers, roles and the theme's relation links
show on it. After reading, pages whose fingerprint changed are handed to Sphinx for rewriting; nothing else
is. This also covers what Sphinx itself leaves stale: previous/next links and toctree titles of neighbours.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Mapping, Sequence
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment

from sphinx_chronology.store.depends import taken
from sphinx_chronology.store.domain import domain_of
from sphinx_chronology.views.catalog import view_data
from sphinx_chronology.views.data import header
from sphinx_chronology.views.paging import letter_pages, pages, pages_digest, size_of
from sphinx_chronology.views.sources import event_sources
from sphinx_chronology.views.year import listed_folder_changed


def _title(env: BuildEnvironment, docname: str | None) -> tuple[str, str]:
    if not docname:
        return ("", "")
    title = env.titles.get(docname)
    return (docname, title.astext() if title is not None else "")


def page_inputs(
    env: BuildEnvironment,
    docname: str,
    relations: Mapping[str, Sequence[str | None]],
    shared: object,
    builder: Builder,
) -> tuple[object, ...]:
    """Everything the chronology and the theme's navigation show on ``docname`` (see module doc) when
    ``builder`` writes it; ``shared`` is what every page depends on (where the index pages are). An index
    page split into letter pages shows its letter pages, not its entries (``paging.letter_pages``)."""
    domain = domain_of(env)
    index = domain.index
    parts: list[object] = [shared]
    event = index.event_of_doc.get(docname)
    if event is not None:
        parts.append(header(index, event))
    parts.append(event_sources(index, docname))
    for view in index.views.get(docname, ()):
        parts.append(letter_pages(builder, index, view.kind) or view_data(index, view.kind, view.arg))
    parts.extend(domain.target(ref.type, ref.target) for ref in index.refs.get(docname, ()))
    for citation in index.citations.get(docname, ()):
        parts.extend(domain.target("source", key) for key in citation.keys)
    parts.append(tuple(_title(env, other) for other in relations.get(docname, ())))
    parts.append(tuple(_title(env, child) for child in env.toctree_includes.get(docname, ())))
    return tuple(parts)


def fingerprint(inputs: object) -> str:
    """A hash of plain picklable values. The pickler's memo is off, so the bytes depend on the values alone,
    never on which equal objects happen to be shared (``repr`` does the same at twice the cost)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(inputs)
    return hashlib.sha256(buffer.getvalue()).hexdigest()


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages to rewrite because what they show changed, though their sources did not.

    Fingerprints are kept per builder. When no document was read or removed, the data files are unchanged
    and this builder has fingerprinted the pages since the inputs last changed, no page can show anything
    new to it, so the pages are not fingerprinted at all (a no-op rebuild). A data-file edit that changes no
    page is not saved (Sphinx saves the environment only when a page changed), so it is compared again next
    time.

    When this builder's fingerprints are those of the inputs as they were before this build (its last pass
    was the last change), the data files and the shared inputs are unchanged, only the pages that can show
    what this build's documents changed are fingerprinted again (``store.depends``); otherwise every page."""
    domain = domain_of(env)
    builder = app.builder.name
    passes: dict[str, tuple[int, str]] = domain.data["passes"]
    if not domain.inputs_changed and passes.get(builder, (-1, ""))[0] == domain.data["state"]:
        return []  # nothing changed since this builder's last pass
    stored: dict[str, str] = domain.data["fingerprints"].setdefault(builder, {})
    relations = {docname: tuple(links) for docname, links in env.collect_relations().items()}
    # hashed once, not on every page: where the index pages are, and where their letter pages begin
    split = pages_digest(domain.index, size_of(app.builder)) if pages(app.builder) else ""
    shared = fingerprint((tuple(sorted(domain.index.view_docs.items())), split))
    touched = domain.touched()
    moved = bool(touched) or domain.registry_changed
    state: int = domain.data["state"] + moved
    partial = not domain.registry_changed and passes.get(builder) == (state - moved, shared)
    before: dict[str, tuple[str | None, ...]] = domain.data["relations"]
    index = domain.index
    changed = []
    for docname in sorted(env.all_docs):
        links = relations.get(docname, ())
        if (
            partial
            and docname in stored
            and docname not in index.views
            and links == before.get(docname, ())
            and touched.isdisjoint(taken(index, env, docname, links))
        ):
            continue
        value = fingerprint(page_inputs(env, docname, relations, shared, app.builder))
        if stored.get(docname) != value:
            stored[docname] = value
            changed.append(docname)
    domain.data["state"], passes[builder], domain.data["relations"] = state, (state, shared), relations
    return changed


def on_env_get_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Re-read the year (and years) pages whose folder gained or lost a page, and delete the output of
    removed pages so a deleted event does not linger in the built site."""
    get_outfilename = getattr(app.builder, "get_outfilename", None)
    if get_outfilename is not None:
        for docname in removed:
            Path(get_outfilename(docname)).unlink(missing_ok=True)
    if not (added or removed):
        return []
    moved = added | removed
    views = domain_of(env).data["views"]
    return [
        docname
        for docname, doc_views in views.items()
        if any(v.kind in ("year", "years") and listed_folder_changed(docname, v.kind, moved) for v in doc_views)
    ]
