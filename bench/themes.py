"""Theme choice: full build time and event-page size of the same project under several HTML themes.

    pip install -e '.[bench]'        # furo and pydata-sphinx-theme, for the comparison only
    python bench/themes.py [--sizes 300] [--json bench/out/themes.json]

Each project (the real chronology, then generated ones) is built fresh, serially, once per theme:
the project's configuration (alabaster, sidebar without the global toctree), alabaster with its default
sidebars (the whole toctree on every page), furo and pydata-sphinx-theme with their defaults.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
from pathlib import Path

from corpus import REPO, generate
from run import sphinx

OUT = REPO / "bench" / "out"
THEMES = {
    "alabaster, as configured": "",
    "alabaster, default sidebars": 'html_sidebars = {}\nhtml_theme_options = {"show_relbar_bottom": True}\n',
    "furo": 'html_theme = "furo"\nhtml_sidebars = {}\nhtml_theme_options = {}\n',
    "pydata-sphinx-theme": 'html_theme = "pydata_sphinx_theme"\nhtml_sidebars = {}\nhtml_theme_options = {}\n',
}


def build(src: Path, theme: str, extra_conf: str) -> dict[str, object]:
    project = OUT / "themes-src"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(src, project)
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n" + extra_conf)
    out = OUT / "themes-html"
    shutil.rmtree(out, ignore_errors=True)
    seconds, _memory = sphinx(project, out, "-E")
    pages = [p for p in (out / "chronology").glob("[0-9]*/*.html") if p.name != "index.html"]
    return {
        "theme": theme,
        "events": len(pages),
        "full_build_s": round(seconds, 1),
        "event_page_kb_median": round(statistics.median(p.stat().st_size for p in pages) / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[300])
    parser.add_argument("--json", type=Path, default=OUT / "themes.json")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    real = OUT / "src-real"
    shutil.rmtree(real, ignore_errors=True)
    shutil.copytree(REPO, real, ignore=shutil.ignore_patterns(".*", "_build", "tests", "bench", "*.egg-info"))
    projects = [("real chronology", real)] + [(f"generated {n}", generate(OUT / f"src-{n}", n)) for n in args.sizes]
    rows = []
    for name, src in projects:
        for theme, extra in THEMES.items():
            row = {"project": name, **build(src, theme, extra)}
            print(" | ".join(str(v) for v in row.values()), flush=True)
            rows.append(row)
    args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
