"""The line a role is on.

MyST and docutils give a role the line of its paragraph's first line, so a warning about the third line of a
paragraph would point two lines too high. The paragraph (the inliner's parent while its roles are built) keeps
its source text: the role's own line is the paragraph's line plus the line breaks before the role in it.
"""

from __future__ import annotations

from docutils import nodes


def role_line(parent: nodes.Node | None, rawtext: str, lineno: int) -> int:
    """The line of the role written as ``rawtext`` inside ``parent``, or ``lineno`` when it cannot be found.

    ``rawtext`` is ``:name:`text``` (MyST) or ``{name}`text``` spelling aside, so the role is found by its
    backquoted text; a role written several times in one paragraph is found again after the ones already
    built (the parent's children so far)."""
    source = getattr(parent, "rawsource", "") or ""
    start = rawtext.find("`")
    if not isinstance(parent, nodes.Element) or not source or start < 0 or parent.line is None:
        return lineno
    needle = rawtext[start:]
    earlier = sum(
        1
        for child in parent.findall(nodes.Element)
        if child.rawsource == rawtext and getattr(child.parent, "rawsource", None) != rawtext
    )
    at = -1
    for _ in range(earlier + 1):
        at = source.find(needle, at + 1)
        if at < 0:
            return lineno
    return int(parent.line) + source.count("\n", 0, at)
