"""The topics index: every topic of the vocabulary, with its events."""

from __future__ import annotations

from docutils import nodes

from sphinx_chronology.store.index import EventLink, Index
from sphinx_chronology.views.base import SimpleView, ViewKind
from sphinx_chronology.views.render import Context, anchor_target


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
        for topic in sorted(index.registry.topics.values(), key=lambda t: t.name.lower())
    )


def render_topics(ctx: Context, topics: tuple[tuple[str, str, str, tuple[EventLink, ...]], ...]) -> list[nodes.Node]:
    items = nodes.bullet_list(classes=["chron-topics"])
    for ident, name, description, events in topics:
        para = nodes.paragraph()
        para += anchor_target(f"topic-{ident}")
        para += nodes.strong(text=name)
        if description:
            para += nodes.Text(f": {description}")
        item = nodes.list_item("", para)
        if events:
            item += nodes.bullet_list(
                "", *(nodes.list_item("", nodes.paragraph("", "", ctx.event(e, with_date=True))) for e in events)
            )
        items += item
    return [items]


TOPICS = ViewKind("topics", lambda index, arg: topics(index), render_topics, {"chronology-topics": TopicsIndex})
