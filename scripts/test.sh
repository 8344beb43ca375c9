#!/usr/bin/env bash
# Lint, type-check and test everything (FAST=1: the extension's own tests on small projects only).
source "$(dirname "$0")/env.sh"
echo "ruff and mypy --strict on _ext/ ..."
ruff check _ext tests bench
ruff format --check _ext tests bench
mypy
if [ -n "${FAST:-}" ]; then
  echo "pytest, the quick subset: the extension on small projects, without fuzzing, edit sequences and the bad-input corpus (under 2 minutes)"
  pytest tests/extension --ignore=tests/extension/test_fuzz.py --ignore=tests/extension/test_sequences.py \
    --ignore=tests/extension/test_bad_input.py "$@"
else
  echo "pytest, everything: small projects, the real chronology in HTML, PDF and a browser (about 6 minutes idle,"
  echo "longer on a loaded machine; make test-fast for the quick subset)"
  pytest "$@"
fi
