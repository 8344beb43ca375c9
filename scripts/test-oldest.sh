#!/usr/bin/env bash
# The extension's own tests (the small projects under tests/roots) on the oldest Sphinx the package supports,
# in a virtualenv of their own (.venv-oldest). `make test` runs everything on the newest.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
venv=.venv-oldest
stamp=$venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  echo "Setting up $venv with Sphinx 8.2, the oldest supported (a few minutes the first time)..."
  [ -x $venv/bin/python ] || "$PYTHON" -m venv $venv
  $venv/bin/python -m pip install --quiet --upgrade pip
  $venv/bin/python -m pip install --quiet "sphinx>=8.2,<8.3" -e ".[test]"
  rm -f $venv/.installed-* && touch "$stamp"
fi
$venv/bin/python -c 'import sphinx; print(f"Sphinx {sphinx.__version__}")'
# the multi-build property tests run once, on the newest Sphinx
exec $venv/bin/python -m pytest tests/extension --ignore=tests/extension/test_sequences.py \
  --ignore=tests/extension/test_fuzz.py "$@"
