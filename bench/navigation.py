"""Navigation scaling: build time and event-page size for the real chronology and generated projects.

    python bench/navigation.py [--sizes 100 1000] [--json bench/out/navigation.json]

Each project is built fresh (serial, as CI does), then rebuilt with no change and after editing one event.
The event page size is the median size of the event pages' HTML.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus import REPO, generate

OUT = REPO / "bench" / "out"


def sphinx_build(src: Path, out: Path, *extra: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", *extra, str(src), str(out)], check=True)
    return time.perf_counter() - start


def measure(name: str, src: Path) -> dict[str, object]:
    out = OUT / f"html-{name}"
    shutil.rmtree(out, ignore_errors=True)
    full = sphinx_build(src, out, "-E")
    noop = sphinx_build(src, out)
    pages = sorted(p for p in (out / "chronology").glob("[0-9]*/*.html") if p.name != "index.html")
    edited = src / pages[len(pages) // 2].relative_to(out).with_suffix(".md")
    edited.write_text(edited.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8")
    edit = sphinx_build(src, out)
    sizes = [p.stat().st_size for p in pages]
    return {
        "project": name,
        "events": len(pages),
        "full_build_s": round(full, 2),
        "noop_rebuild_s": round(noop, 2),
        "one_edit_rebuild_s": round(edit, 2),
        "event_page_bytes_median": int(statistics.median(sizes)),
        "event_page_bytes_max": max(sizes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--json", type=Path, default=OUT / "navigation.json")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    real = OUT / "src-real"
    shutil.rmtree(real, ignore_errors=True)
    shutil.copytree(REPO, real, ignore=shutil.ignore_patterns(".*", "_build", "tests", "bench", "*.egg-info"))
    rows = [measure("real chronology", real)]
    rows += [measure(f"generated {n}", generate(OUT / f"src-{n}", n)) for n in args.sizes]
    header = ["project", "events", "full_build_s", "noop_rebuild_s", "one_edit_rebuild_s", "event_page_bytes_median"]
    print(" | ".join(header))
    for row in rows:
        print(" | ".join(str(row[h]) for h in header))
    args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
