#!/usr/bin/env bash
# Build the HTML chronology into _build/html; warnings are errors.
source "$(dirname "$0")/env.sh"
sphinx-build -W --keep-going -j auto -b html -d _build/doctrees . _build/html "$@"
