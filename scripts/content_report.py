"""Figures on the chronology's content: events per year and kind, and how many events cite official sources.

An official source is one published at an address of either government: its departments, armed forces and
military commands (with DVIDS, dvidshub.net, the Defense Department's own service through which its commands
publish their releases), embassies and their archive sites, and, on the Chinese side, the organs that publish
the government's and the military's statements as such: Xinhua (a ministry-level body under the State Council),
china.org.cn (the State Council Information Office's portal) and China Military Online (the Central Military
Commission's PLA Daily). Party and commercial state media (People's Daily, China Daily, CGTN, Global Times, CRI)
count as Chinese state media, not as official. The lists of addresses are editorial choices, kept here in one
place.

    python scripts/content_report.py          # a summary
    python scripts/content_report.py --list   # and every event that cites no official source
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
US_OFFICIAL = re.compile(r"(^|\.)(gov|mil)$|(^|\.)usembassy(-china\.org\.cn|\.gov)$|(^|\.)dvidshub\.net$")
CN_OFFICIAL = re.compile(
    r"(^|\.)(gov\.cn|china-embassy\.org|china-consulate\.org|chineseembassy\.org|fmprc\.gov\.cn|mfa\.gov\.cn|mod\.gov\.cn|xinhuanet\.com|news\.cn|"
    r"china\.org\.cn|chinamil\.com\.cn)$"
)
CN_STATE_MEDIA = re.compile(
    r"(^|\.)(xinhuanet\.com|news\.cn|people\.cn|peopledaily\.com\.cn|people\.com\.cn|chinadaily\.com\.cn|"
    r"cgtn\.com|cctv\.com|cntv\.cn|china\.org\.cn|chinagate\.cn|cri\.cn|ecns\.cn|chinamil\.com\.cn|"
    r"globaltimes\.cn|gmw\.cn|chinawatch\.washingtonpost\.com)$"
)
CITE = re.compile(r"\{(?:chron:)?cite\}`([^`]*)`")


def host(record: dict[str, object]) -> str:
    return urlparse(str(record.get("URL") or "")).netloc.lower().rstrip(".").removeprefix("www.")


def main() -> None:
    records = {p.stem: yaml.safe_load(p.read_text()) or {} for p in (ROOT / "sources/records").glob("*.yaml")}
    years: collections.Counter[int] = collections.Counter()
    kinds: collections.Counter[str] = collections.Counter()
    official = chinese = total = 0
    lacking = []
    for path in sorted((ROOT / "chronology").glob("[0-9][0-9][0-9][0-9]/*.md")):
        if path.name == "index.md":
            continue
        text = path.read_text()
        front = yaml.safe_load(text.split("---")[1]) or {}
        total += 1
        years[int(str(front.get("date"))[:4])] += 1
        kinds[str(front.get("kind"))] += 1
        keys = {
            part.strip().split(",")[0].split()[0]
            for m in CITE.finditer(text)
            for part in m.group(1).split(";")
            if part.strip()
        }
        hosts = {host(records[k]) for k in keys if k in records}
        is_official = any(US_OFFICIAL.search(h) or CN_OFFICIAL.search(h) for h in hosts)
        is_chinese = any(CN_OFFICIAL.search(h) or CN_STATE_MEDIA.search(h) for h in hosts)
        official += is_official
        chinese += is_chinese
        if not is_official:
            lacking.append(f"{path.relative_to(ROOT)}  ({', '.join(sorted(hosts))})")
    print(f"events: {total}, 2009-2024: {sum(n for y, n in years.items() if 2009 <= y <= 2024)}")
    print("per year:", ", ".join(f"{y}: {n}" for y, n in sorted(years.items())))
    print("kinds:", ", ".join(f"{k}: {n}" for k, n in kinds.most_common()))
    print(f"cite an official source at its own address: {official} ({official / total:.0%})")
    print(f"cite a Chinese official or state-media source: {chinese} ({chinese / total:.0%})")
    if "--list" in sys.argv:
        print("\nno official source:")
        print("\n".join(lacking))


if __name__ == "__main__":
    main()
