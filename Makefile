# Everything runs inside .venv/ at the repository root, created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS := 0
export NO_MKDOCS_2_WARNING := 1

.PHONY: venv test test-code serve build offline site pdf chapter translations bench bench-site bench-serve zensical clean

$(BIN)/activate: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test,docs]"
	touch $(BIN)/activate

venv: $(BIN)/activate

## make test: set up .venv and run every test (package, Keras parity, site),
## then print the slowest tests and how long the whole run took.
test: venv
	@start=$$(date +%s); $(BIN)/python -m pytest --durations=12; status=$$?; \
	  echo "make test: $$(( $$(date +%s) - start )) s (status $$status)"; exit $$status

## make test-code: only the book's code: the package, the exercises, Keras
## parity and the spiral run under every BLAS kernel this CPU can run (no
## site build, no browser).
test-code: venv
	$(BIN)/python -m pytest tests --ignore=tests/site

## make serve: set up .venv and serve the whole book (Korean and English);
## a save re-renders the saved pages only (booksite/hooks/quickbuild.py).
serve: venv
	$(BIN)/mkdocs serve --dirty

build: venv
	$(BIN)/mkdocs build --strict

## make offline: the offline edition, build/offline/nnbook-offline.zip
## (unzip, open nnbook/index.html from the file system; booksite/offline.py).
offline: venv
	$(BIN)/python -m booksite.offline

## make site: the site as published into site/: the offline edition first,
## then the online build, which ships it as downloads/nnbook-offline.zip.
site: offline
	NNBOOK_REQUIRE_OFFLINE_ZIP=1 $(BIN)/mkdocs build --strict

## make pdf: the book as one PDF per language, build/pdf/nnbook-ko.pdf and
## build/pdf/nnbook-en.pdf, printed by Chromium from the site `make build`
## writes into site/ (booksite/pdf.py; poppler-utils gives the contents its
## page numbers).
pdf: build
	$(BIN)/python -m booksite.pdf --site site

## make chapter NUMBER=11 SLUG=convolution MODULE=convolution KO=합성곱 EN=Convolution
## scaffolds a new chapter in both languages (CONTRIBUTING.md, "Adding a chapter").
chapter: venv
	$(BIN)/python -m booksite.new_chapter "$(NUMBER)" "$(SLUG)" --module "$(MODULE)" --ko "$(KO)" --en "$(EN)"

## make translations: which translated pages are stale (booksite/translations.py).
translations: venv
	$(BIN)/python -m booksite.translations status

## make bench: nnbook vs an NNFS-style loop vs Keras on the spiral run.
bench: venv
	$(BIN)/python benchmarks/train_spiral.py

## make bench-site: time a clean bilingual build with every notebook executed.
bench-site: venv
	$(BIN)/python benchmarks/build_site.py

## make bench-serve: time a saved prose edit until `make serve` serves it.
bench-serve: venv
	$(BIN)/python benchmarks/serve_edit.py

## make zensical: try Zensical on mkdocs.yml in its own .venv-zensical/ and
## print what carries over (booksite/zensical_try.py). Informational: never fails.
## zensical 0.0.73 is the newest release the registry used here installs
## (0.0.74 and 0.1.x need zensical-ui, which it does not serve), and
## zensical-i18n 0.3.0, which builds the two languages, needs zensical<0.1.
ZENSICAL := zensical==0.0.73 zensical-i18n==0.3.0
ZBIN := .venv-zensical/bin

# Makefile too: a changed pin reinstalls.
$(ZBIN)/activate: pyproject.toml constraints.txt Makefile
	$(PYTHON) -m venv .venv-zensical
	$(ZBIN)/pip install --quiet --upgrade pip
	$(ZBIN)/pip install --quiet -c constraints.txt -e ".[test,docs]" $(ZENSICAL)
	touch $(ZBIN)/activate

zensical:
	@$(MAKE) --no-print-directory $(ZBIN)/activate && $(ZBIN)/python -m booksite.zensical_try \
	  || echo "zensical try did not complete (informational, not a failure)"

clean:
	rm -rf $(VENV) .venv-zensical site build .pytest_cache
