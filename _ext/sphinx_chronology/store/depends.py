"""What a page shows of other documents, as keys, so that an incremental build fingerprints only the pages
that can have changed (``incremental.on_env_get_updated``) rather than every page of the project.

A document *gives* keys (``given``): its own name, its event's id and series, and the ids its event names in
``related``. A page *takes* keys (``taken``): its own name; the series of its event (its previous and next
rounds are that series' events); the ids its event names and its cross-references point to (their titles
and dates show on it); its event's id as named by others (the events that name it show on it, with their
titles); and the documents Sphinx links it to (parent, previous, next, toctree children: their titles). A
page can have changed only if a document read or removed by this build gave one of the keys it takes:
before (the keys are taken when the document is purged) or after (once it is read again).

Not keys, because every page depends on them and a change fingerprints every page: the data files (the
registry: names of people, series, topics; the sources' labels), where the index pages are and where their
letter pages begin. Pages with views (lists, indexes, figures) are always fingerprinted: a view can show any
event. Sphinx's links between pages are also compared whole with the last pass's: a safeguard, as no case
is known where they change without a page they link to, or their toctree's page, being read again (a glob
toctree is read again when a page comes or goes; a listed one keeps naming a removed page).

Each kind of key has a test that fails without it (``tests/extension/test_incremental.py``, ``ONE_LINK``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sphinx.environment import BuildEnvironment

from sphinx_chronology.model.records import Event
from sphinx_chronology.store.index import Index


def given(docname: str, event: Event | None) -> set[str]:
    """The keys a document gives to the pages that show something of it."""
    keys = {f"doc:{docname}"}
    if event is not None:
        keys.add(f"id:{event.id}")
        if event.series:
            keys.add(f"series:{event.series}")
        keys.update(f"named:{related.event}" for related in event.related)
    return keys


def taken(index: Index, env: BuildEnvironment, docname: str, relations: Sequence[str | None]) -> set[str]:
    """The keys of what ``docname`` shows of other documents (and of itself)."""
    keys = {f"doc:{docname}"}
    event = index.event_of_doc.get(docname)
    if event is not None:
        keys.add(f"named:{event.id}")
        if event.series:
            keys.add(f"series:{event.series}")
        keys.update(f"id:{related.event}" for related in event.related)
    keys.update(f"id:{ref.target}" for ref in index.refs.get(docname, ()) if ref.type == "event")
    keys.update(f"doc:{other}" for other in relations if other)
    keys.update(f"doc:{child}" for child in env.toctree_includes.get(docname, ()))
    return keys
