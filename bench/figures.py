"""Time to draw the overview figure for N generated events (SVG for HTML, PDF for LaTeX).

python bench/figures.py [--sizes 100 1000 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

from sphinx_chronology.figures import draw as figures
from sphinx_chronology.figures.data import Band, FigureData, Limits, Point, counted
from sphinx_chronology.model.vocabulary import make_vocabulary

VOCABULARY = make_vocabulary({})  # the default kinds and statuses, with their markers and colours
KINDS = list(VOCABULARY.ids("kinds"))
STATUSES = ["held"] * 12 + ["postponed", "cancelled", "boycotted", "planned-never-held"]


class _YearPages:
    """Where the year pages of the generated chronology are: all ``counted`` asks of the project."""

    def doc_of(self, kind: str, arg: str = "") -> str:
        return f"chronology/{arg}/index"


def overview_data(events: int, seed: int = 1) -> tuple[FigureData, dict[str, str]]:
    """Events spread over 2009–2024 in lanes like the real chronology's (a lane per 50 events, at least 3),
    counted by lane and year past the overview's marker limit, as a build draws them."""
    rng = random.Random(seed)
    lanes = tuple(f"Series {i}" for i in range(max(3, min(events // 50, 24))))
    points = tuple(
        Point(
            f"e{i}",
            f"chronology/e{i}",
            f"Event {i}",
            x := 2009 + rng.random() * 16,
            x,
            rng.choice(lanes),
            rng.choice(KINDS),
            rng.choice(STATUSES),
            str(i),
            "City",
        )
        for i in range(events)
    )
    bands = (
        Band("A", "us", 2009.05, 2017.05),
        Band("B", "us", 2017.05, 2021.05),
        Band("C", "us", 2021.05, 2025.05),
        Band("D", "cn", 2002.9, 2012.9),
        Band("E", "cn", 2012.9, 9999.0),
    )
    if len(points) > Limits().markers:
        points = counted(_YearPages(), points)  # type: ignore[arg-type]  # only its year pages are asked for
    data = FigureData(
        "overview",
        points,
        lanes,
        bands,
        (("us", "U.S."), ("cn", "PRC")),
        alt="bench",
        kinds=VOCABULARY.kinds,
        statuses=VOCABULARY.statuses,
    )
    return data, {p.id: f"{p.docname}.html" for p in points}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=Path(__file__).parent / "out" / "figures.json")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        data, urls = overview_data(size)
        row: dict[str, object] = {"events": size}
        for fmt in ("svg", "pdf"):
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                output = figures.draw(data, fmt, urls if fmt == "svg" else {})
                times.append(time.perf_counter() - start)
            row[f"{fmt}_s_median"] = round(statistics.median(times), 3)
            row[f"{fmt}_bytes"] = len(output)
        rows.append(row)
        print(row)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
