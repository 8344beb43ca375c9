#!/usr/bin/env bash
# Usage: scripts/new-event.sh DATE ID --title "..." --kind KIND [--series SERIES]
# Creates chronology/<year>/<date>-<id>.md (see `sphinx-chronology new --help`).
source "$(dirname "$0")/env.sh"
exec sphinx-chronology new "$@"
