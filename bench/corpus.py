"""Generate a realistic chronology project of N events (series, people, topics, sources and citations in
proportions like the real chronology), using the real project's conf.py and page layout."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KINDS = ["dialogue-round"] * 6 + ["leaders-meeting", "visit", "working-group", "call", "context"]
FRONT_PAGE = """# Generated chronology

```{timeline-overview}
:caption: Every event.
```

```{toctree}
chronology/index
chronology/series/index
chronology/people
chronology/topics
chronology/disputes
sources/index
```
"""
STATUSES = ["held"] * 12 + ["postponed", "cancelled", "boycotted", "planned-never-held"]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def generate(dest: Path, events: int, seed: int = 1) -> Path:
    """Write a project with ``events`` event pages to ``dest`` (replacing it) and return ``dest``."""
    rng = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy(REPO / "conf.py", dest / "conf.py")
    _write(dest / "index.md", FRONT_PAGE)
    for page in (
        "chronology/disputes.md",
        "chronology/index.md",
        "chronology/series/index.md",
        "chronology/people.md",
        "chronology/topics.md",
        "sources/index.md",
    ):
        _write(dest / page, (REPO / page).read_text(encoding="utf-8"))
    n_series, n_people, n_topics, n_sources = max(3, events // 50), max(10, events // 5), 12, max(5, events // 3)
    series = [f"series-{i}" for i in range(n_series)]
    people = [f"person-{i}" for i in range(n_people)]
    topics = [f"topic-{i}" for i in range(n_topics)]
    sources = [f"source-{i}" for i in range(n_sources)]
    registry = dest / "chronology/registry"
    _write(registry / "sides.yaml", "us: {name: United States, short: U.S.}\ncn: {name: China, short: PRC}\n")
    _write(
        registry / "series.yaml", "".join(f"{s}: {{name: Dialogue {s}, short: D{i}}}\n" for i, s in enumerate(series))
    )
    _write(
        registry / "people.yaml",
        "".join(f"{p}: {{name: Person {i}, side: {'us' if i % 2 else 'cn'}}}\n" for i, p in enumerate(people)),
    )
    _write(registry / "topics.yaml", "".join(f"{t}: {{name: Topic {i}}}\n" for i, t in enumerate(topics)))
    for i, key in enumerate(sources):
        _write(
            dest / f"sources/records/{key}.yaml",
            f'id: {key}\ntype: article-newspaper\ntitle: "Report number {i}"\n'
            f"container-title: Daily {i % 7}\nauthor: [{{family: Writer{i % 40}, given: A.}}]\n"
            f"issued: {2009 + i % 16}-{1 + i % 12:02d}-{1 + i % 28:02d}\nURL: https://example.org/{key}\n",
        )
    for s in series:
        _write(dest / f"chronology/series/{s}.md", f"# Dialogue {s}\n\n```{{series-page}} {s}\n```\n")
    counters = dict.fromkeys(series, 0)
    ids: list[str] = []
    dates: list[tuple[int, int, int]] = []
    years: set[int] = set()
    taken: set[tuple[str, int, int, int]] = set()
    for i in range(events):
        year, month, day = 2009 + (i * 16) // events, 1 + rng.randrange(12), 1 + rng.randrange(28)
        years.add(year)
        ident = f"event-{i}"
        s = rng.choice(series)
        while (s, year, month, day) in taken:  # one event per series and day, as the checks require
            day = day % 28 + 1
        taken.add((s, year, month, day))
        counters[s] += 1
        us, cn = rng.sample(people[1::2], 2), rng.sample(people[0::2], 2)
        # a follow-up comes after what it follows up (the build checks it); otherwise the two are related
        relation = "follow-up-of" if ids and dates[-1] <= (year, month, day) else "see-also"
        related = f"related:\n  - {{event: {ids[-1]}, relation: {relation}}}\n" if ids else ""
        other = rng.sample(sources, 2)[1]
        cites = "; ".join(dict.fromkeys([sources[i % len(sources)], other]))  # every source is cited
        _write(
            dest / f"chronology/{year}/{year}-{month:02d}-{day:02d}-{ident}.md",
            (
                f"---\nid: {ident}\ntitle: Meeting number {i} of {s}\ndate: {year}-{month:02d}-{day:02d}\n"
                f"kind: {rng.choice(KINDS)}\nstatus: {rng.choice(STATUSES)}\nformat: in-person\n"
                f"place: {{city: City {i % 9}, country: Country {i % 2}}}\nseries: {s}\nround: {counters[s]}\n"
                f"delegations:\n  us:\n    - {{person: {us[0]}, title: Under Secretary, lead: true}}\n"
                f"    - {{person: {us[1]}, title: Adviser}}\n"
                f"  cn:\n    - {{person: {cn[0]}, title: Vice Minister, lead: true}}\n"
                f"    - {{person: {cn[1]}, title: Director}}\n"
                f"topics: [{', '.join(rng.sample(topics, 2))}]\n{related}---\n\n"
                f"The two delegations met and discussed their agenda {{cite}}`{cites}`. "
                + (f"It followed {{event}}`{ids[-1]}`.\n" if ids else "\n")
            ),
        )
        ids.append(ident)
        dates.append((year, month, day))
    for year in years:
        _write(dest / f"chronology/{year}/index.md", f"# {year}\n\n```{{chronology-year}}\n```\n")
    return dest
