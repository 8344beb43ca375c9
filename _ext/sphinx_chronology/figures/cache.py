"""Drawn figures, cached beside the doctrees under a hash of what is drawn, so an unchanged figure is never
drawn again (as ``sphinx.ext.graphviz`` names its output by a hash of its input)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sphinx.application import Sphinx

from sphinx_chronology.figures import svg
from sphinx_chronology.figures.data import FigureData

#: The figure format each builder format takes (other builders show the caption only).
FORMATS = {"html": "svg", "latex": "pdf"}
#: Part of every cached drawing's name: bump it when the drawing code changes how a figure looks, so that no
#: build shows a drawing made by the code before.
DRAWING_VERSION = 7


def figure_cache(app: Sphinx) -> Path:
    """The folder of drawn figures: beside the doctrees, so it outlives an output folder's deletion."""
    return Path(app.doctreedir) / "chronology-figures"


def figure_path(cache: Path, data: FigureData, fmt: str) -> Path:
    """Where the drawing of ``data`` (see ``FigureData.drawing``) is cached: named by the hash of what is
    drawn, so an unchanged figure is never drawn again."""
    key = hashlib.sha256(repr((data.drawing(), fmt, DRAWING_VERSION)).encode("utf-8")).hexdigest()[:24]
    return cache / f"{data.kind}-{key}.{fmt}"


def draw_figure(path: Path, data: FigureData, fmt: str) -> bytes:
    """Draw ``data`` into ``path`` (atomically: parallel processes may draw at once). SVG links are
    placeholders, filled in by ``svg.finish``."""
    # matplotlib is imported only when a figure must be drawn (not on a no-op build)
    from sphinx_chronology.figures import draw as figures

    drawing = data.drawing()
    output = figures.draw(drawing, fmt, svg.placeholders(drawing) if fmt == "svg" else {})
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(output)
    partial.replace(path)
    return output


def cached_figure(cache: Path, data: FigureData, fmt: str) -> bytes:
    """The drawing of ``data`` in ``fmt``, drawn only if not already cached."""
    path = figure_path(cache, data, fmt)
    return path.read_bytes() if path.exists() else draw_figure(path, data, fmt)
