# Two commands do all the set-up: `make run` (mine the bundled sample) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install sample bench accuracy clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/mentor-miner run data/raw --out data/processed

test: $(STAMP)
	$(BIN)/python -m pytest -q

sample: $(STAMP)
	$(BIN)/python scripts/make_sample.py data/raw

clean:
	rm -rf data/processed $(VENV)

accuracy: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py --out benchmarks/ACCURACY.md
