# storyline: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= storyline.db

.PHONY: demo test install dev bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'

demo: install
	$(BIN)/storyline ingest examples --db $(DB)
	$(BIN)/storyline stats --db $(DB)
	$(BIN)/storyline analyze --db $(DB)
	@echo
	@echo "Stored in $(DB). Try next:"
	@echo "  $(BIN)/storyline docs --db $(DB)"
	@echo "  $(BIN)/storyline show ex-wire-003 --db $(DB)"
	@echo "  $(BIN)/storyline figures --measure person.killed --db $(DB)"
	@echo "  $(BIN)/storyline figures conflicts --db $(DB)"
	@echo "  $(BIN)/storyline events --db $(DB)   # the likely-right events"
	@echo "  $(BIN)/storyline events --type RETREAT --min-confidence 0 --db $(DB)   # every release coded"
	@echo "  $(BIN)/storyline timeline --db $(DB)"
	@echo "  $(BIN)/storyline actors --db $(DB)"
	@echo "  $(BIN)/storyline numbers 'about 40 hostages for 800 prisoners'"
	@echo "  $(BIN)/storyline ingest ../shared/corpus --db $(DB)   # the real corpus, if you have it"

test: dev
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) build *.egg-info storyline.db storyline.db-*
