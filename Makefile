# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export ORT_DISABLE_TELEMETRY := 1

.PHONY: run test bench lint install clean screenshots

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev,bench,postgres]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	mkdir -p out
	$(BIN)/newsfuse analyze src/newsfuse/demo --format json -o out/demo.json
	$(BIN)/newsfuse analyze src/newsfuse/demo --format md -o out/demo.md
	$(BIN)/newsfuse analyze src/newsfuse/demo --format html -o out/demo.html
	@echo "Reports written to out/demo.json, out/demo.md, out/demo.html"

test: $(STAMP)
	$(BIN)/python -m pytest -rs; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run_all

screenshots: $(STAMP)
	$(BIN)/python -m benchmarks.web_screenshots

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) out
