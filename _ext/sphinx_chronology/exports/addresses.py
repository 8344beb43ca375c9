"""Addresses that last: a page per event id (``id/<id>.html``) that leads to the event's page wherever its
file is, a page at each earlier address an event records (``redirect_from``), and, when the project sets
``html_baseurl``, a ``sitemap.xml`` of every page.

A file renamed when its date is made more precise (``2015-08-talks-2.md`` to ``2015-08-04-talks-2.md``)
changes its page's address; the id stays. Links made with ``id/talks-2.html`` keep working, and an event that
says ``redirect_from: [chronology/2015/2015-08-talks-2]`` keeps its old address working too. The redirect pages
are small HTML files (a link, a canonical link and an immediate refresh), not server rules, so any static host
serves them.
"""

from __future__ import annotations

import html
import posixpath
from xml.sax.saxutils import escape

from sphinx.builders import Builder

from sphinx_chronology.store.index import Index
from sphinx_chronology.warnings import Subtype, warn

ID_FOLDER = "id"


def redirect_pages(index: Index, builder: Builder) -> dict[str, str]:
    """Output path -> content of every redirect page."""
    pages: dict[str, str] = {}
    taken = page_paths(builder)
    for event in index.events:
        if index.by_id.get(event.id) is not event:
            continue  # a duplicate id (reported): the id's page leads to the first
        target = builder.get_target_uri(event.docname)
        pages[f"{ID_FOLDER}/{event.id}.html"] = _page(event.title, target, f"{ID_FOLDER}/{event.id}.html")
        for old in event.redirect_from:
            path = _output_path(builder, old)
            if posixpath.normpath(old) != old or old.startswith("../") or path in taken or path in pages:
                warn(
                    Subtype.value,
                    f"redirect_from: {old!r} is not a free earlier address (it is a page of the project, another "
                    "redirect, or outside the project); give the old document name, e.g. "
                    "chronology/2015/2015-08-talks-2.",
                    (event.docname, event.line("redirect_from")),
                )
                continue
            pages[path] = _page(event.title, target, path)
    return pages


def page_paths(builder: Builder) -> set[str]:
    """The files the builder writes for the project's pages (paths in the output folder)."""
    if builder.name == "singlehtml":
        return {_output_path(builder, builder.config.root_doc)}
    return {_output_path(builder, doc) for doc in builder.env.found_docs}


def _output_path(builder: Builder, docname: str) -> str:
    if builder.name == "dirhtml":
        return f"{docname}/index.html"
    return docname + str(getattr(builder, "out_suffix", ".html"))


def _page(title: str, target: str, at: str) -> str:
    # singlehtml addresses a page as "#document-..." on its one page, index.html
    path = target.split("#")[0] or "index.html"
    href = html.escape(posixpath.relpath(path, posixpath.dirname(at) or ".") + _fragment(target))
    text = html.escape(title)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{text}</title>\n"
        f'<link rel="canonical" href="{href}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        '<meta name="robots" content="noindex">\n'
        f'</head>\n<body>\n<p>This entry is at <a href="{href}">{text}</a>.</p>\n</body>\n</html>\n'
    )


def _fragment(target: str) -> str:
    return "#" + target.split("#", 1)[1] if "#" in target else ""


def sitemap(builder: Builder, baseurl: str) -> str:
    """The sitemap (sitemaps.org 0.9) of every page, in a stable order."""
    base = baseurl.rstrip("/") + "/"
    uris = sorted({builder.get_target_uri(doc).split("#")[0] for doc in builder.env.found_docs})
    entries = "".join(f"<url><loc>{escape(base + uri)}</loc></url>\n" for uri in uris)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    )
