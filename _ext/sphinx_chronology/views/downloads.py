"""The downloads: the data files the build writes beside the site (``exports``), with what each holds.

In HTML each file is a link, relative to the page; in the PDF, where the files are not, each is the address
under ``html_baseurl`` when the project sets one, else the file's name in the site.
"""

from __future__ import annotations

import posixpath

from docutils import nodes

from sphinx_chronology.exports import DOWNLOADS, FOLDER
from sphinx_chronology.views.base import SimpleView, ViewKind
from sphinx_chronology.views.layout import Bullets, Entry, External, Inline, Literal, Strong, emit
from sphinx_chronology.views.render import Context


class Downloads(SimpleView):
    kind = "downloads"


def render_downloads(ctx: Context, files: tuple[tuple[str, str, str], ...]) -> list[nodes.Node]:
    baseurl = str(ctx.builder.config.html_baseurl or "")
    here = posixpath.dirname(ctx.builder.get_target_uri(ctx.docname)) if ctx.html else ""
    entries = []
    for name, form, what in files:
        path = f"{FOLDER}/{name}"
        target: Inline
        if ctx.html:
            target = External(posixpath.relpath(path, here or "."), name)
        elif baseurl:
            target = External(baseurl.rstrip("/") + "/" + path, name)
        else:
            target = Literal(path)
        entries.append(Entry((Strong((target,)), f" ({form}): {what}"), ()))
    return [emit(ctx, Bullets(("chron-downloads",), tuple(entries)))]


DOWNLOADS_VIEW = ViewKind(
    "downloads", lambda index, arg: DOWNLOADS, render_downloads, {"chronology-downloads": Downloads}
)
