.PHONY: html test test-fast test-oldest pdf latex serve bench bench-themes new-event check export schemas clean

html:
	bash scripts/html.sh

test:
	bash scripts/test.sh $(ARGS)

test-fast:
	FAST=1 bash scripts/test.sh $(ARGS)

test-oldest:
	bash scripts/test-oldest.sh $(ARGS)

pdf:
	bash scripts/pdf.sh

latex:
	bash -c 'source scripts/env.sh && sphinx-build -W --keep-going -b latex -d _build/doctrees . _build/latex'

serve:
	bash -c 'source scripts/env.sh && pip install --quiet "sphinx-autobuild>=2024.2" && sphinx-autobuild -d _build/doctrees . _build/html'

bench:
	bash -c 'source scripts/env.sh && cd bench && python run.py && python figures.py'

bench-themes:
	bash -c 'source scripts/env.sh && pip install --quiet -e ".[bench]" && cd bench && python themes.py'

new-event:
	bash scripts/new-event.sh $(ARGS)

check:
	bash -c 'source scripts/env.sh && sphinx-chronology check $(ARGS)'

export:
	bash -c 'source scripts/env.sh && sphinx-chronology export $(ARGS)'

schemas:
	bash -c 'source scripts/env.sh && sphinx-chronology schemas $(ARGS)'

clean:
	rm -rf _build
