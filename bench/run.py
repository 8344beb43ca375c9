"""The benchmark: build generated chronologies of N events and measure them against the floor (plain MyST).

    python bench/run.py [--sizes 100 1000 5000] [--repeat 3] [--json bench/out/bench.json]
    python bench/run.py --sizes 5000 10000 --full-only   # the full build alone: time, memory, page sizes

For each N (median of --repeat runs for the times):
  full        fresh build with the extension (-E, serial)
  drawn       the full build again (-E) with its figures already drawn (the cache beside the doctrees is
              kept): what the figures cost is the difference
  floor       the same event files as plain MyST pages: same theme and toctree, the extension turned off
  no-op       rebuild with nothing changed, and how many HTML files it rewrote
  edit        rebuild after editing one event's title
  floor no-op, floor edit   the same two rebuilds of the floor: Sphinx's own cost for them
  -j 2        fresh build with two processes
  memory      peak resident memory of the serial full build
  pickle      size of the pickled environment
  page        median size of an event page's HTML
  figures     figures drawn by the full build
  largest     the largest HTML page of the full build (KB, and which page)
  CPU         user+sys seconds of each build beside its wall time, and the 1-minute load average after the run
The extension is byte-compiled first, as installing it does: the project's own checkout is installed in
editable mode, and where PYTHONDONTWRITEBYTECODE is set (as on these machines) Python would otherwise compile
it from source in every build (0.07-0.1 s), while Sphinx and MyST, installed, load compiled.
Ratios (full/floor, edit/full) are computed within one run, then the median is taken.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus import REPO, generate

OUT = REPO / "bench" / "out"
ROLE = re.compile(r"\{(?:chron:)?(?:cite|event|person|series|topic)\}`([^`]*)`")
VIEW = re.compile(
    r"```\{(chronology-year|chronology-years|series-page|timeline-[a-z]+|bibliography|people-index|"
    r"topics-index|dispute-index)\}[^\n]*\n(?:[^`][^\n]*\n|\n)*?```\n?"
)
LISTS = {  # the views that list pages become the plain toctree of the same pages
    "chronology-year": "```{toctree}\n:glob:\n\n*\n```\n",
    "chronology-years": "```{toctree}\n:glob:\n\n*/index\n```\n",
}
FLOOR_CONF = """
# The floor: the same pages as plain MyST, without the chronology extension.
extensions = ["myst_parser", "sphinx_design"]
primary_domain = "py"
myst_title_to_header = True


def setup(app):  # the project's setup() registers the chronology's short directive names: not the floor's
    pass
"""


def floor_project(src: Path, dest: Path) -> Path:
    """Copy ``src`` as plain MyST: roles become their text, views go, year pages list their events."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("_build", "records", "registry"))
    with (dest / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(FLOOR_CONF)
    for page in dest.rglob("*.md"):
        text = VIEW.sub(lambda m: LISTS.get(m.group(1), ""), page.read_text(encoding="utf-8"))
        page.write_text(ROLE.sub(r"\1", text), encoding="utf-8")
    return dest


#: CPU seconds (user+sys) of every build timed, by what ``sphinx`` was measuring: these machines are shared,
#: and CPU time varies far less with the load than wall time does.
CPU: dict[str, float] = {}


def sphinx(src: Path, out: Path, *extra: str, cpu: str = "") -> tuple[float, int]:
    """One sphinx-build in a child process: (wall seconds, peak resident memory in bytes); with ``cpu``, its
    CPU seconds (user+sys of the build process and its workers) are kept in ``CPU[cpu]``."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "sphinx", "-q", "-b", "html", *extra, str(src), str(out)])
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"sphinx-build failed on {src}")
    if cpu:
        CPU[cpu] = usage.ru_utime + usage.ru_stime
    return seconds, usage.ru_maxrss * 1024


def html_mtimes(out: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}


def event_pages(out: Path) -> list[Path]:
    return sorted(p for p in (out / "chronology").glob("[0-9]*/*.html") if p.name != "index.html")


def edit_rebuild(src: Path, out: Path, cpu: str = "") -> float:
    """Seconds to rebuild after retitling the middle event (a title shows on the most pages), then restore it.

    The floor's event files keep the front matter, so the same edit applies to both projects."""
    pages = event_pages(out)
    edited = src / pages[len(pages) // 2].relative_to(out).with_suffix(".md")
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original.replace("title: ", "title: Edited ", 1), encoding="utf-8")
    seconds, _ = sphinx(src, out, cpu=cpu)
    edited.write_text(original, encoding="utf-8")
    sphinx(src, out)  # back to the unedited state for the next run
    return seconds


def largest_page(out: Path) -> tuple[float, str]:
    size, page = max((p.stat().st_size, str(p.relative_to(out))) for p in out.rglob("*.html"))
    return size / 1024, page


def full_only(src: Path, name: str) -> dict[str, object]:
    """The extension's full build alone (for N = 10,000, where a whole round takes an hour)."""
    out = OUT / f"{name}-html"
    shutil.rmtree(out, ignore_errors=True)
    full_s, memory = sphinx(src, out, "-E", cpu="full")
    largest_kb, largest = largest_page(out)
    return {
        "full_s": full_s,
        "full_cpu_s": CPU["full"],
        "peak_memory_mb": memory / 2**20,
        "event_page_kb": statistics.median(p.stat().st_size for p in event_pages(out)) / 1024,
        "largest_page_kb": largest_kb,
        "largest_page": largest,
        "load_1min": os.getloadavg()[0],
    }


def one_run(src: Path, floor: Path, name: str) -> dict[str, float]:
    out, out_j2, out_floor = OUT / f"{name}-html", OUT / f"{name}-html-j2", OUT / f"{name}-html-floor"
    for path in (out, out_j2, out_floor):
        shutil.rmtree(path, ignore_errors=True)
    floor_s, _ = sphinx(floor, out_floor, "-E", cpu="floor")
    floor_noop_s, _ = sphinx(floor, out_floor, cpu="floor_noop")
    floor_edit_s = edit_rebuild(floor, out_floor, cpu="floor_edit")
    full_s, memory = sphinx(src, out, "-E", cpu="full")
    figures = len(list((out / ".doctrees" / "chronology-figures").glob("*")))
    before = html_mtimes(out)
    noop_s, _ = sphinx(src, out, cpu="noop")
    rewritten = sum(1 for p, m in html_mtimes(out).items() if before.get(p) != m)
    page_bytes = statistics.median(p.stat().st_size for p in event_pages(out))
    largest_kb, _largest = largest_page(out)
    edit_s = edit_rebuild(src, out, cpu="edit")
    sphinx(src, out, "-E", cpu="drawn")  # every page again, the figures taken from the cache
    j2_s, _ = sphinx(src, out_j2, "-E", "-j", "2", cpu="j2")
    started = time.perf_counter()  # the authors' check, no Sphinx build (sphinx-chronology check)
    subprocess.run([sys.executable, "-m", "sphinx_chronology.cli", "--project", str(src), "check"], capture_output=True)
    check_s = time.perf_counter() - started
    return {
        "check_s": check_s,
        "full_s": full_s,
        "floor_s": floor_s,
        "full_over_floor": full_s / floor_s,
        "full_cpu_s": CPU["full"],
        "floor_cpu_s": CPU["floor"],
        "full_over_floor_cpu": CPU["full"] / CPU["floor"],
        "drawn_cpu_s": CPU["drawn"],
        "drawn_over_floor_cpu": CPU["drawn"] / CPU["floor"],
        "noop_cpu_s": CPU["noop"],
        "floor_noop_cpu_s": CPU["floor_noop"],
        "edit_cpu_s": CPU["edit"],
        "floor_edit_cpu_s": CPU["floor_edit"],
        "j2_cpu_s": CPU["j2"],
        "load_1min": os.getloadavg()[0],
        "noop_s": noop_s,
        "noop_pages_written": rewritten,
        "edit_s": edit_s,
        "edit_over_full": edit_s / full_s,
        "floor_noop_s": floor_noop_s,
        "floor_edit_s": floor_edit_s,
        "floor_edit_over_floor": floor_edit_s / floor_s,
        "j2_s": j2_s,
        "j2_over_j1": j2_s / full_s,
        "peak_memory_mb": memory / 2**20,
        "pickle_mb": (out / ".doctrees" / "environment.pickle").stat().st_size / 2**20,
        "event_page_kb": page_bytes / 1024,
        "figures_drawn": figures,
        "largest_page_kb": largest_kb,
    }


def measure(events: int, repeat: int, full: bool = False) -> dict[str, object]:
    src = generate(OUT / f"src-{events}", events)
    if full:
        measured = full_only(src, f"n{events}")
        rounded = {key: round(v, 3) if isinstance(v, float) else v for key, v in measured.items()}
        return {"events": events, "runs": 1, **rounded}
    floor = floor_project(src, OUT / f"floor-{events}")
    runs = [one_run(src, floor, f"n{events}") for _ in range(repeat)]
    row: dict[str, object] = {"events": events, "runs": repeat}
    for key in runs[0]:
        row[key] = round(statistics.median(run[key] for run in runs), 3)
    return row


COLUMNS = [
    ("events", "N"),
    ("full_s", "full s"),
    ("floor_s", "floor s"),
    ("full_over_floor", "full/floor"),
    ("full_cpu_s", "full CPU s"),
    ("floor_cpu_s", "floor CPU s"),
    ("full_over_floor_cpu", "full/floor CPU"),
    ("drawn_cpu_s", "full CPU s, figures cached"),
    ("drawn_over_floor_cpu", "that/floor CPU"),
    ("noop_s", "no-op s"),
    ("noop_pages_written", "no-op pages"),
    ("edit_s", "edit s"),
    ("edit_over_full", "edit/full"),
    ("noop_cpu_s", "no-op CPU s"),
    ("floor_noop_cpu_s", "floor no-op CPU s"),
    ("edit_cpu_s", "edit CPU s"),
    ("floor_edit_cpu_s", "floor edit CPU s"),
    ("floor_noop_s", "floor no-op s"),
    ("floor_edit_s", "floor edit s"),
    ("floor_edit_over_floor", "floor edit/floor"),
    ("j2_s", "-j2 s"),
    ("j2_over_j1", "j2/j1"),
    ("peak_memory_mb", "peak MB"),
    ("pickle_mb", "pickle MB"),
    ("event_page_kb", "page KB"),
    ("figures_drawn", "figures"),
    ("largest_page_kb", "largest page KB"),
    ("check_s", "check s"),
    ("load_1min", "load"),
]

FULL_COLUMNS = [
    ("events", "N"),
    ("full_s", "full s"),
    ("full_cpu_s", "full CPU s"),
    ("peak_memory_mb", "peak MB"),
    ("event_page_kb", "page KB"),
    ("largest_page_kb", "largest page KB"),
    ("largest_page", "largest page"),
    ("load_1min", "load"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=OUT / "bench.json")
    parser.add_argument("--full-only", action="store_true", help="the full build alone: time, memory, page sizes")
    args = parser.parse_args()
    columns = FULL_COLUMNS if args.full_only else COLUMNS
    compileall.compile_dir(REPO / "_ext" / "sphinx_chronology", quiet=1)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    print("| " + " | ".join(title for _key, title in columns) + " |", flush=True)
    print("|" + "---|" * len(columns), flush=True)
    for events in args.sizes:
        row = measure(events, args.repeat if events < 5000 else 1, args.full_only)
        rows.append(row)
        print("| " + " | ".join(str(row[key]) for key, _title in columns) + " |", flush=True)
    args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
