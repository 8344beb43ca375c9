#!/usr/bin/env bash
# Usage: scripts/new-event.sh YYYY[-MM[-DD]] slug  -- creates chronology/<year>/<date>-<slug>.md from the template.
set -euo pipefail
cd "$(dirname "$0")/.."
date=${1:?date YYYY[-MM[-DD]]}; slug=${2:?slug}
year=${date:0:4}
dir=chronology/$year; file=$dir/$date-$slug.md
[ -e "$file" ] && { echo "$file exists" >&2; exit 1; }
mkdir -p "$dir"
[ -e "$dir/index.md" ] || printf '# %s\n\n```{chronology-year}\n```\n' "$year" > "$dir/index.md"
sed -e "s/@DATE@/$date/" -e "s/@ID@/$slug/" scripts/event-template.md > "$file"
echo "created $file"
