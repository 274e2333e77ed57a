# Two commands do all the set-up: `make run` (mine the bundled sample) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install sys-deps sample bench accuracy clean lint

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/mentor-miner run data/raw --out data/processed

test: $(STAMP) sys-deps
	$(BIN)/python -m pytest -q

sample: $(STAMP)
	$(BIN)/python scripts/make_sample.py data/raw

clean:
	rm -rf data/processed $(VENV)

accuracy: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py --out benchmarks/ACCURACY.md

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --out benchmarks/RESULTS.md

# Headless Chromium and its driver for the report's browser test, and Tesseract for `run --ocr`
# and its test (Debian packages; CI runs as root). Elsewhere without root those tests skip, and
# under CI=true they fail.
sys-deps:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && \
	command -v tesseract >/dev/null 2>&1 || \
	if [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y \
			chromium chromium-driver tesseract-ocr; \
	else \
		echo "chromium or tesseract missing: run 'sudo make sys-deps' (their tests skip without them)"; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .
