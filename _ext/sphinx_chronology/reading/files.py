"""What Sphinx will find: a folder link that leads back to one of its own parents (``ln -s .. chronology/2015
/loop``) would make it find the same pages again at every depth, thousands of them, and read for minutes.
Such links are reported and left out (added to ``exclude_patterns``) before Sphinx looks for documents.

Written here because Sphinx follows folder links when it looks for documents and has no guard against loops.
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.matching import Matcher

from sphinx_chronology.warnings import Subtype, warn


def looping_links(srcdir: Path, excluded: Matcher) -> list[Path]:
    """Folder links under ``srcdir`` whose target is the folder holding them or one of its parents."""
    found = []
    for dirpath, dirnames, _files in os.walk(srcdir):  # does not follow links itself
        here = Path(dirpath)
        keep = []
        for name in dirnames:
            path = here / name
            relative = path.relative_to(srcdir).as_posix()
            if excluded(relative):
                continue
            if path.is_symlink():
                target, parent = path.resolve(), here.resolve()
                if target == parent or target in parent.parents:
                    found.append(path)
                continue
            keep.append(name)
        dirnames[:] = keep
    return found


def exclude_looping_links(app: Sphinx, config: Config) -> None:
    """At ``config-inited``: report every looping folder link and leave it out of the build."""
    srcdir = Path(app.srcdir)
    for link in looping_links(srcdir, Matcher(config.exclude_patterns)):
        relative = link.relative_to(srcdir).as_posix()
        warn(
            Subtype.link,
            f"the folder link {relative!r} leads back to {os.readlink(link)!r}, a folder that holds it, so its "
            "pages would be found again at every depth; it is left out. Remove the link.",
            f"{relative}:1",  # a path with a line: the environment that names documents does not exist yet
        )
        config.exclude_patterns = [*config.exclude_patterns, relative]
