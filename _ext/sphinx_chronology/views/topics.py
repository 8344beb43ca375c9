"""The topics index: every topic of the vocabulary, with its events."""

from __future__ import annotations

from docutils import nodes

from sphinx_chronology.store.index import EventLink, Index
from sphinx_chronology.views.base import SimpleView, ViewKind
from sphinx_chronology.views.header import event_link
from sphinx_chronology.views.layout import Bullets, Entry, Line, Strong, Target, emit
from sphinx_chronology.views.nodes import search_anchor
from sphinx_chronology.views.paging import Paging
from sphinx_chronology.views.render import Context, initial


class TopicsIndex(SimpleView):
    kind = "topics"


def topics(index: Index) -> tuple[tuple[str, str, str, tuple[EventLink, ...]], ...]:
    return tuple(
        (
            topic.id,
            topic.name,
            topic.description,
            tuple(index.links[e.docname] for e in index.by_topic.get(topic.id, [])),
        )
        for topic in sorted(index.registry.topics.values(), key=lambda t: (initial(t.name), t.name.lower()))
    )


def render_topics(ctx: Context, topics: tuple[tuple[str, str, str, tuple[EventLink, ...]], ...]) -> list[nodes.Node]:
    """Every topic with its events: a layout (``layout.py``)."""
    entries = []
    for ident, name, description, events in topics:
        anchor = f"topic-{ident}"
        line: Line = (
            Target((anchor, search_anchor(anchor))),
            Strong((name,)),
            *((f": {description}",) if description else ()),
        )
        listed = tuple((event_link(event, with_date=True),) for event in events)
        entries.append(Entry(line, (Bullets((), listed),) if listed else ()))
    return [emit(ctx, Bullets(("chron-topics",), tuple(entries)))]


TOPICS = ViewKind(
    "topics",
    lambda index, arg: topics(index),
    render_topics,
    {"chronology-topics": TopicsIndex},
    Paging(
        lambda data: tuple((f"topic-{t[0]}", initial(t[1]), t[1], 1 + len(t[3])) for t in data),
        lambda data, start, stop: data[start:stop],
    ),
)
