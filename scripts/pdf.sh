#!/usr/bin/env bash
# Build the PDF book into _build/latex/chronology.pdf: Sphinx writes LaTeX (warnings are errors), then
# latexmk runs xelatex and makeindex. Needs the Debian packages listed in the README (scripts/debian-packages).
source "$(dirname "$0")/env.sh"
for tool in latexmk xelatex; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "$tool not found: apt-get install $(tr '\n' ' ' < scripts/debian-packages)" >&2
    exit 1
  }
done
sphinx-build -W --keep-going -b latex -d _build/doctrees . _build/latex "$@"
cd _build/latex
latexmk -pdfxe -interaction=nonstopmode -halt-on-error -silent chronology.tex
if grep -q "Missing character" chronology.log; then
  grep "Missing character" chronology.log | sort -u >&2
  echo "some characters have no glyph in the book's fonts" >&2
  exit 1
fi
echo "PDF: _build/latex/chronology.pdf ($(pdfinfo chronology.pdf 2>/dev/null | awk '/^Pages/ {print $2}') pages)"
