"""What an event's prose may hold: raw HTML is left out of event pages unless ``chronology_allow_raw_html``.

A chronology has many authors; a ``<script>`` or an inline frame in one entry would run on every reader's
browser and could not be checked like the rest of the entry. The decision is the project's (the default is
to leave it out, with a warning at its line); other pages are the project's own and are left as they are.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_chronology.reading.frontmatter import is_event_doc
from sphinx_chronology.warnings import Subtype, warn


class RawHtmlGuard(SphinxTransform):
    default_priority = 410  # after the event is read (``EventReader``)

    def apply(self, **kwargs: Any) -> None:
        if self.config.chronology_allow_raw_html:
            return
        docname = self.env.docname
        if not is_event_doc(self.config.chronology_event_docs, docname):
            return
        for node in list(self.document.findall(nodes.raw)):
            if "html" not in str(node.get("format", "")).split():
                continue
            warn(
                Subtype.markup,
                "raw HTML in an event page is left out; write the text in Markdown (or set "
                "chronology_allow_raw_html = True in conf.py to publish it).",
                (docname, node.line),
            )
            node.parent.remove(node)
