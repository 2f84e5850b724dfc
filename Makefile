# Two commands do all set-up on a fresh machine:  make run  |  make test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench clean regen

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m redraw examples/ out/

# lint and types first: either failing fails the suite (and CI, which runs `make test`)
test: $(STAMP)
	$(PY) -m ruff check redraw tests benchmarks
	$(PY) -m mypy redraw
	$(PY) -m pytest

# rewrite golden specs and image baselines after a reviewed change (inspect the diff!)
regen: $(STAMP)
	$(PY) -m pytest tests/test_examples.py --regen
	$(PY) -m pytest --mpl-generate-path=baseline_images tests/test_images.py

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) out result_images
