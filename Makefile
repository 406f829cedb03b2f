# accords: `make` lists the targets. Every target works on a fresh clone.
.DEFAULT_GOAL := help
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= data/raw
TABLES ?= data/processed
SIZES ?= 10000,100000

.PHONY: help install report extract render lab test test-oldest lint bench eval clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-9s %s\n", $$1, $$2}'

$(BIN)/accords: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/accords ## Make .venv and install accords with its dev extras

extract: install ## Extract the tables from CORPUS (default data/raw) into data/processed
	$(BIN)/accords extract $(CORPUS) --out $(TABLES)

render: install ## Render the three reports (HTML and PDF) from data/processed
	$(BIN)/accords render --name sample -p data_dir $(abspath $(TABLES))

report: extract render ## Install, extract the sample corpus and render all reports
	@echo "Reports: $(abspath reports)/sample/ (index: $(abspath reports)/index.html)"

LAB_PORT ?= 8888
# As root (a container, a VM) JupyterLab refuses to start without --allow-root.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: install ## Register the "accords" kernel and open JupyterLab on notebooks/ (extracts only if no tables yet)
	@if [ -e $(TABLES)/documents.parquet ]; then echo "Using the tables in $(TABLES) (never overwritten here)"; \
	else $(BIN)/accords extract $(CORPUS) --out $(TABLES); fi
	$(BIN)/python -m ipykernel install --user --name accords --display-name "Python (accords)"
	@echo "JupyterLab: open http://localhost:$(LAB_PORT)/lab (the line below with ?token=... logs you in)"
	ACCORDS_DATA_DIR=$(abspath $(TABLES)) $(BIN)/jupyter lab notebooks/ --port=$(LAB_PORT) $(LAB_ROOT) \
		--ServerApp.open_browser=$(if $(LAB_ROOT),False,True)

test: install ## Run the test suite
	$(BIN)/python -m pytest

SPLIT ?= tuning
eval: install ## Score extraction on the sample gold, the invented set's SPLIT (tuning) and, when its texts are here, the dev set's
	$(BIN)/accords extract data/raw --out $(TABLES)/eval-sample -q
	$(BIN)/accords evaluate eval/sample-gold.jsonl $(TABLES)/eval-sample --out $(TABLES)/eval-sample/evaluation.json
	@if ls eval/dev/texts/*.txt >/dev/null 2>&1; then \
	  $(BIN)/accords extract eval/dev/texts --out $(TABLES)/eval-dev -q && \
	  $(BIN)/accords evaluate eval/dev/gold.jsonl $(TABLES)/eval-dev --split $(SPLIT) --present-only \
	    --out $(TABLES)/eval-dev/evaluation.json; \
	else echo "eval/dev/texts/ is empty: see eval/dev/README.md to pull the development texts"; fi
	rm -rf $(TABLES)/invented-texts && mkdir -p $(TABLES)/invented-texts
	@ln -s $(abspath $(wildcard eval/invented/*/texts/*.txt)) $(TABLES)/invented-texts/
	$(BIN)/accords extract $(TABLES)/invented-texts --out $(TABLES)/eval-invented -q
	cat eval/invented/*/gold.jsonl > $(TABLES)/eval-invented/gold.jsonl
	$(BIN)/accords evaluate $(TABLES)/eval-invented/gold.jsonl $(TABLES)/eval-invented --split $(SPLIT) \
	  --out $(TABLES)/eval-invented/evaluation.json

test-oldest: ## Run the tests on the oldest pandas, pyarrow, numpy and dask allowed (in .venv-oldest)
	$(PY) -m venv .venv-oldest
	.venv-oldest/bin/pip install --quiet --upgrade pip
	.venv-oldest/bin/pip install --quiet -e '.[dev]' -c constraints-oldest.txt
	.venv-oldest/bin/python -m pytest

lint: install ## Check style with ruff
	$(BIN)/ruff check src tests

bench: install ## Benchmark SIZES generated releases (default 10000,100000): engines, re-runs, reports
	nice -n 19 $(BIN)/python -m helpers.bench --sizes $(SIZES) $(BENCH_ARGS)

clean: ## Remove generated tables and reports (keeps READMEs)
	find data/processed -type f ! -name .gitkeep -delete
	find reports -mindepth 1 ! -name README.md -exec rm -rf {} +
