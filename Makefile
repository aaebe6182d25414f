# repmon: every target does its own set-up.
#   make demo   - create/refresh .venv, then run the offline demo
#   make test   - create/refresh .venv, then run the whole test suite
#   make venv   - create/refresh .venv only
#   make bench  - create/refresh .venv, then run the benchmarks (results: docs/benchmarks.md)
#   make lock   - re-pin constraints.txt from what .venv has installed

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.repmon-installed

.PHONY: venv demo test bench lock clean

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $(STAMP)

demo: venv
	$(BIN)/repmon demo

test: venv
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: venv
	$(BIN)/python -m bench $(BENCH)

lock: venv
	$(BIN)/python -m pip freeze --exclude-editable --disable-pip-version-check | grep -v '^-e ' > constraints.txt

clean:
	rm -rf $(VENV) data/demo
