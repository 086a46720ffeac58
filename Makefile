# Two commands matter: `make demo` and `make test`. Both build .venv from nothing when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE := desired_state/zendesk

.PHONY: demo test install bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Validate, plan, apply and plan again the example against the embedded emulator.
demo: $(STAMP)
	rm -rf .provisioner/emulator
	$(BIN)/provisioner validate $(EXAMPLE)
	$(BIN)/provisioner plan $(EXAMPLE) --emulator --out plans/demo.json
	$(BIN)/provisioner apply plans/demo.json --emulator
	$(BIN)/provisioner plan $(EXAMPLE) --emulator --detailed-exitcode

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 tests

# Performance figures: prints a table and writes docs/benchmarks.md (never fails on a slow
# machine; not part of `make test`). BENCH_QUICK=1 applies fewer changes (about 5 minutes
# instead of 10, plus several minutes the first time to generate the accounts).
bench: $(STAMP)
	$(BIN)/python bench/performance.py $(if $(filter 1,$(BENCH_QUICK)),--quick,)

clean:
	rm -rf $(VENV) .provisioner plans/*.json
