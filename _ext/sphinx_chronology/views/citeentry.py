""" "Cite this entry", under each event page: the entry as a reference in Chicago author-date (the style of
the bibliography), naming the edition; in HTML also as BibTeX and CSL-JSON, ready to paste.

The address cited is the event's lasting one (``id/<id>.html``, see ``exports.addresses``) under
``html_baseurl``; without a base address there is none to give. No access date is printed: the page is the
same for every reader of an edition, and the date is the reader's own to add.
"""

from __future__ import annotations

import json
import re

from docutils import nodes
from sphinx.config import Config

from sphinx_chronology.exports.addresses import ID_FOLDER
from sphinx_chronology.exports.bibtex import escape_latex
from sphinx_chronology.locale import _
from sphinx_chronology.model.records import Event
from sphinx_chronology.views.render import Context


def render_cite_entry(ctx: Context, event: Event) -> list[nodes.Node]:
    config = ctx.builder.config
    author, year, book, edition, url = _parts(config, event)
    para = nodes.paragraph(classes=["chron-cite-entry"])
    para += nodes.Text(f"{author}. {year}. “{event.title}.” In ")
    para += nodes.emphasis(book, book)
    para += nodes.Text(f", {_('edition')} {edition}." if edition else ".")
    if url:
        para += nodes.Text(" ")
        para += nodes.reference(url, url, refuri=url)
        para += nodes.Text(".")
    blocks: list[nodes.Node] = [nodes.rubric(_("Cite this entry"), _("Cite this entry")), para]
    if ctx.html:
        key = "chronology-" + re.sub(r"[^A-Za-z0-9_.:-]+", "-", event.id)
        fields = [f"  author = {{{{{escape_latex(author)}}}}}", f"  title = {{{{{escape_latex(event.title)}}}}}"]
        fields += [f"  booktitle = {{{escape_latex(book)}}}", f"  year = {{{year}}}"]
        fields += [f"  edition = {{{escape_latex(edition)}}}"] if edition else []
        fields += [f"  url = {{{url}}}"] if url else []
        bibtex = "@incollection{" + key + ",\n" + ",\n".join(fields) + "\n}"
        item = {"id": key, "type": "entry", "title": event.title, "container-title": book,
                "author": [{"literal": author}], "issued": {"date-parts": [[int(year)]]} if year.isdigit() else None,
                "edition": edition or None, "URL": url or None}  # fmt: skip
        csl = json.dumps({k: v for k, v in item.items() if v is not None}, ensure_ascii=False, indent=1)
        box = nodes.container(classes=["chron-cite-formats"])
        # Not highlighted: the text is for copying, and Pygments (even its plain-text lexer) cost 0.6 s of a
        # build at 1,000 events. A literal block whose source differs from its text is a parsed literal,
        # which Sphinx's translators write as a plain <pre> without calling the highlighter.
        box += nodes.literal_block("", "", nodes.Text(bibtex), classes=["chron-bibtex"])
        box += nodes.literal_block("", "", nodes.Text(csl), classes=["chron-csl-json"])
        blocks.append(box)
    return blocks


def _parts(config: Config, event: Event) -> tuple[str, str, str, str, str]:
    found = re.search(r"\b(\d{4})\b", str(config.copyright or ""))
    baseurl = str(config.html_baseurl or "")
    url = f"{baseurl.rstrip('/')}/{ID_FOLDER}/{event.id}.html" if baseurl else ""
    return (
        str(config.author or config.project),
        found.group(1) if found else "n.d.",
        str(config.project),
        str(config.release or ""),
        url,
    )
