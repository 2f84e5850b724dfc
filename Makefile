# Two commands do all set-up on a fresh machine:  make run  |  make test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench bench-scale bench-executors bench-serve serve browser clean regen

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[serve,dask,test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m redraw examples/ out/

# lint and types first: either failing fails the suite (and CI, which runs `make test`)
test: $(STAMP) browser
	$(PY) -m ruff check redraw tests benchmarks
	$(PY) -m mypy redraw
	$(PY) -m pytest

# rewrite golden specs and image baselines after a reviewed change (inspect the diff!)
regen: $(STAMP)
	$(PY) -m pytest tests/test_examples.py --regen
	$(PY) -m pytest --mpl-generate-path=baseline_images tests/test_images.py

bench: $(STAMP)
	$(PY) benchmarks/run.py

# parse time of 77 constructs built to be slow, at 4 sizes up to the input limit, and the growth per doubling
bench-scale: $(STAMP)
	$(PY) benchmarks/scale.py

# files/s of the local and the Dask executor, and what starting a LocalCluster costs
bench-executors: $(STAMP)
	$(PY) benchmarks/executors.py

# 8 clients for 30 s against a server on 127.0.0.1 that stops by itself
bench-serve: $(STAMP)
	$(PY) benchmarks/serve.py

serve: $(STAMP)
	$(PY) -m redraw serve

# The preview page's tests drive Debian's chromium. Installed here when we can (root with apt-get); otherwise
# those tests are skipped with the reason (.ci/run makes a missing browser a failure instead).
browser:
	@[ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium for the browser tests (apt-get)"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -q chromium >/dev/null 2>&1 || \
	  { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium >/dev/null 2>&1; } || \
	  echo "could not install chromium: the browser tests will be skipped"; \
	else echo "chromium is missing and this user cannot install it: the browser tests will be skipped"; fi

clean:
	rm -rf $(VENV) out result_images
