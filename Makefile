# dragoman: `make run` sets up, codes the bundled sample and serves the dashboard; `make test` sets up and runs all tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= dragoman.db

.PHONY: run test venv install install-dev lint typecheck clean data

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip

# what running needs
$(VENV)/.run-deps: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[parquet,web]'
	touch $@

# everything: all extras and the dev tools
$(VENV)/.dev-deps: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[all,dev]'
	touch $@ $(VENV)/.run-deps

install: $(VENV)/.run-deps
install-dev: $(VENV)/.dev-deps

# ends by serving the dashboard at http://127.0.0.1:8000/ (Ctrl-C stops it): keep it last
run: install
	$(BIN)/dragoman ingest --sample --db $(DB)
	$(BIN)/dragoman events --db $(DB) --limit 40
	$(BIN)/dragoman serve --db $(DB)

test: install-dev
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/ruff check dragoman tests scripts benchmarks
	$(BIN)/mypy dragoman

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache $(DB) $(DB)-wal $(DB)-shm
