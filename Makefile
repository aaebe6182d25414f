# repmon: every target does its own set-up.
#   make demo   - create/refresh .venv, then run the offline demo
#   make test   - create/refresh .venv, then run the whole test suite
#   make venv   - create/refresh .venv and train the text classifier (nlp/model/)
#   make bench  - create/refresh .venv, then run the benchmarks (results: docs/benchmarks.md)
#   make lock   - re-pin constraints.txt from what .venv has installed

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.repmon-installed

.PHONY: venv demo test bench lock clean

# the text classifier (docs/analysis.md, "Text classifier"): trained, never downloaded;
# rebuilt when the corpus, the gold sets it learns from (v9) or its code changes
# (round 12) the context reader is trained after the linear model (nlp/model/textcat), so its info file is written last
MODEL  := nlp/model/textcat-context/repmon-textcat.json
CORPUS := $(wildcard nlp/corpus/*.jsonl)
GOLD   := $(wildcard nlp/gold/*.jsonl) nlp/gold/powhs.toml profiles/example.toml

venv: $(STAMP) $(MODEL)

$(MODEL): $(STAMP) $(CORPUS) $(GOLD) nlp/textcat.py nlp/train.py
	$(BIN)/python -m nlp.train

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $(STAMP)

demo: venv
	$(BIN)/repmon demo

test: venv
	@# the web app's browser tests drive Debian's chromium (never a downloaded browser): install it when root
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		export DEBIAN_FRONTEND=noninteractive; apt-get install -y -q chromium || (apt-get update -q && apt-get install -y -q chromium); fi
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: venv
	$(BIN)/python -m bench $(BENCH)

lock: venv
	$(BIN)/python -m pip freeze --exclude-editable --disable-pip-version-check | grep -v '^-e ' > constraints.txt

clean:
	rm -rf $(VENV) data/demo nlp/model
