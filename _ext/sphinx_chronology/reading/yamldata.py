"""YAML loading (PyYAML, safe) that keeps the line of every key, for located warnings.

PyYAML's node tree carries marks; this module pairs the constructed data with a map from key path to line.
Dates are kept as strings (the chronology parses them itself) and duplicate keys are reported, not dropped.
Aliases (``*name``) are refused before anything is built: a data file never needs them, and an alias that
refers to itself or nests ten-fold aliases would recurse without end or fill the memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]


# libyaml's parser when PyYAML was built with it (several times faster); marks and resolvers are the same.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """Safe loader without the timestamp resolver: ``2014-07-15`` stays the string the author wrote."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Loaded:
    """Parsed YAML, the line of each path (1-based, in the file), and problems found while loading."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    errors: list[tuple[int, str]] = field(default_factory=list)

    def line(self, path: Path) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, self.lines.get((), 1))


# Bounds on what one YAML text may cost: parsing is linear, but a 6 MB list takes 20 s; and nesting deeper
# than Python's recursion limit would end the build with a traceback. Chronology data is a few levels deep
# and a few kilobytes long (the registries of a 10,000-event chronology are a few hundred).
MAX_CHARACTERS = 2_000_000
MAX_DEPTH = 40


def load(text: str, first_line: int = 1) -> Loaded:
    """Load ``text`` (which starts at ``first_line`` of its file); never raises on bad YAML."""
    if len(text) > MAX_CHARACTERS:
        return Loaded(
            None,
            {(): first_line},
            [(first_line, f"{len(text):,} characters of YAML, more than the {MAX_CHARACTERS:,} read; split the file")],
        )
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            alias = _refused(node, first_line) if node is not None else None
            if alias is not None:
                return Loaded(None, {(): first_line}, [alias])
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        return Loaded(None, {(): first_line}, [_yaml_error(exc, text, first_line)])
    loaded = Loaded(data, {(): first_line})
    if node is not None:
        _walk(node, (), loaded, first_line)
    return loaded


def _refused(root: yaml.Node, first_line: int) -> tuple[int, str] | None:
    """Where a node is reached a second time (an alias), or nested deeper than ``MAX_DEPTH``, as a problem;
    None when the document has neither.

    Iterative, and stopping at the first alias, so a self-referring alias cannot recurse."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int, int]] = [(root, root.start_mark.line, 0)]
    while stack:
        node, line, depth = stack.pop()
        if depth > MAX_DEPTH:
            return first_line + node.start_mark.line, (
                f"values nested more than {MAX_DEPTH} levels deep; chronology data needs only a few levels"
            )
        if id(node) in seen:
            return first_line + line, (
                "YAML aliases (*name) are not supported in chronology data; write the value out where it is used"
            )
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend((value, key.start_mark.line, depth + 1) for key, value in reversed(node.value))
            stack.extend((key, key.start_mark.line, depth + 1) for key, _value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            # an alias's own place is not kept by the parser: report the key whose value holds it
            stack.extend((item, line, depth + 1) for item in reversed(node.value))
    return None


def _yaml_error(exc: yaml.YAMLError, text: str, first_line: int) -> tuple[int, str]:
    """Say a YAML error in plain words, at the line to fix.

    PyYAML reports where it noticed the problem, often lines later and in its grammar's words ("did not find
    expected key" for a quotation mark left open above). The common mistakes are recognised and reported where
    they are; anything else keeps PyYAML's words, at the line of the problem."""
    context = getattr(exc, "context", None) or ""
    context_mark = getattr(exc, "context_mark", None)
    problem_mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    at = problem_mark or context_mark
    problem_line = at.line if at is not None else 0
    lines = text.splitlines()
    column = at.column if at is not None else 0
    here = lines[problem_line][: column + 1] if problem_line < len(lines) else ""
    if "\\t" in problem or "tab" in problem or "\t" in here:
        return first_line + problem_line, (
            "malformed YAML: a tab character; YAML indents with spaces only, so replace the tab with spaces"
        )
    if context.startswith("while scanning a quoted scalar") and context_mark is not None:
        return first_line + context_mark.line, (
            "malformed YAML: the quotation mark opened on this line is never closed; add the closing quotation mark"
        )
    if context.startswith("while parsing a block collection") and context_mark is not None:
        return first_line + context_mark.line, (
            "malformed YAML: a list (lines starting with '-') where fields are expected, or a field among list "
            "items; give each field as `name: value`, and indent a list under its field"
        )
    if context.startswith("while parsing a flow") and context_mark is not None:
        return first_line + context_mark.line, (
            "malformed YAML: the bracket opened on this line is not closed; close it on the line where the list "
            "or mapping ends"
        )
    unclosed = _unclosed_quote(lines, problem_line)
    if unclosed is not None:
        return first_line + unclosed, (
            "malformed YAML: the quotation mark that opens this value is not closed on its line; close it, or "
            "put a value that holds quotation marks in the other kind of quotes"
        )
    if "mapping values are not allowed" in problem:
        return first_line + problem_line, (
            "malformed YAML: a colon followed by a space inside a value; put the whole value in quotation marks"
        )
    where = f" ({context})" if context else ""
    return first_line + problem_line, f"malformed YAML: {problem}{where}"


_QUOTED_VALUE = re.compile(r"^\s*(?:-\s+)?(?:[^\s:#'\"][^:#]*:\s+)?([\"'])(.*)$")


def _unclosed_quote(lines: list[str], upto: int) -> int | None:
    """The last line up to ``upto`` (0-based) whose value opens a quotation mark it does not close."""
    found = None
    for number, line in enumerate(lines[: upto + 1]):
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote, rest = match.groups()
        rest = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in rest:
            found = number
    return found


def _walk(node: yaml.Node, path: Path, loaded: Loaded, first_line: int) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = first_line + key_node.start_mark.line
            if key in seen:
                loaded.errors.append((line, f"key {key!r} appears twice; the later value wins, merge them"))
            seen.add(key)
            loaded.lines[(*path, key)] = line
            _walk(value_node, (*path, key), loaded, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            loaded.lines[(*path, index)] = first_line + item.start_mark.line
            _walk(item, (*path, index), loaded, first_line)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def split_front_matter(source: str) -> tuple[str, str, int] | None:
    """``(yaml_text, body, front_matter_line_count)`` for a Markdown source with front matter, else None."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return None
    block = match.group(0)
    return match.group(1) or "", source[match.end() :], block.count("\n") + (not block.endswith("\n"))
