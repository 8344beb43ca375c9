#!/usr/bin/env bash
# Lint, type-check and test everything.
source "$(dirname "$0")/env.sh"
ruff check _ext tests bench
ruff format --check _ext tests bench
mypy
pytest "$@"
