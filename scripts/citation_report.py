"""The bibliography as built, against pandoc's citeproc run once on the records as they are (same style, no
adjustment): which entries and labels differ, and for which of the project's deliberate adjustments
(``csl.style_item`` and the family-name-first names). An "other" line would be a difference nothing explains.

    python scripts/citation_report.py
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

from sphinx_chronology.bibliography import csl  # noqa: E402
from sphinx_chronology.model.records import Source  # noqa: E402
from sphinx_chronology.reading.registry import load_registry  # noqa: E402


def _folded(value: object) -> str:
    return str(value or "").casefold()


def reasons(source: Source, reference: str) -> list[str]:
    authors = [a for a in source.get("author") or [] if isinstance(a, dict)]  # type: ignore[attr-defined]
    corporate = {_folded(a.get("literal")) for a in authors if a.get("literal")}
    genre = str(source.get("genre") or "")
    found = []
    if genre and genre not in csl.PRINTED_GENRES and genre.casefold() in reference.casefold():
        found.append("genre left out")
    if any(a.get("static-ordering") for a in authors):
        found.append("family name first")
    if source.get("type") in ("document", "speech") and source.get("container-title"):
        found.append("document or speech on a website formatted as a web page")
    if source.get("container-title") and _folded(source.get("container-title")) in corporate:
        found.append("outlet that is the author printed once")
    if source.get("publisher") and _folded(source.get("publisher")) in corporate | {
        _folded(source.get("container-title"))
    }:
        found.append("publisher that is the outlet or author printed once")
    return found


def main() -> None:
    sources = list(load_registry(ROOT, "chronology/registry", "sources/records").sources.values())
    ours = csl.format_all(sources)
    items = []
    for source in sources:
        item = csl.csl_item(source)
        if csl.web_address(source.get("URL")):
            item["URL"] = source.get("URL")
        items.append(item)
    labels, entries = csl._run(items, "en", disambiguate=True)
    reference = dict(entries)

    def text(formatted: str) -> str:
        return " ".join(csl.plain(formatted).split())

    same_entries = sum(text(ours[k].entry) == text(reference[k]) for k in ours)
    same_labels = sum(csl.plain(ours[k].label) == csl.plain(labels[k]) for k in ours)
    print(f"{len(ours)} records: entries identical {same_entries}, labels identical {same_labels}")
    counts: collections.Counter[str] = collections.Counter()
    for key in ours:
        if text(ours[key].entry) != text(reference[key]):
            source = next(s for s in sources if s.id == key)
            why = reasons(source, text(reference[key]))
            counts["; ".join(why) or "other"] += 1
            if not why:
                print(f"other: {source.id}\n  built:     {text(ours[key].entry)}\n  reference: {text(reference[key])}")
    for why, count in counts.most_common():
        print(f"{count:4d}  {why}")


if __name__ == "__main__":
    main()
