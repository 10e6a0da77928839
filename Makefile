# Everything runs inside .venv/ at the repository root, created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS := 0
export NO_MKDOCS_2_WARNING := 1

.PHONY: venv test serve build bench bench-site clean

$(BIN)/activate: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test,docs]"
	touch $(BIN)/activate

venv: $(BIN)/activate

## make test: set up .venv and run every test (package, Keras parity, site).
test: venv
	$(BIN)/python -m pytest

## make serve: set up .venv and serve the whole book (Korean and English).
serve: venv
	$(BIN)/mkdocs serve

build: venv
	$(BIN)/mkdocs build --strict

## make bench: nnbook vs an NNFS-style loop vs Keras on the spiral run.
bench: venv
	$(BIN)/python benchmarks/train_spiral.py

## make bench-site: time a clean bilingual build with every notebook executed.
bench-site: venv
	$(BIN)/python benchmarks/build_site.py

clean:
	rm -rf $(VENV) site .pytest_cache
