# Two commands do everything on a fresh machine:
#   make serve   build and serve the site at http://127.0.0.1:8000/backprop-docs/
#                (Korean there, English under en/; the path comes from site_url)
#                installs only the docs set (requirements/docs.txt)
#   make test    strict site build + the whole test suite, browser tests included
#                installs the test set (requirements.txt) and, if missing,
#                Debian's Chromium and the pinned KaTeX/mermaid from npm
# WITH_TORCH=1 make test also installs the pinned PyTorch (CPU build) and runs its pages.
#   make ci      everything CI runs (GitHub's jobs each run one of its parts), in order
# Every install passes -c requirements/constraints.txt, the lock of every transitive
# version (`make lock` regenerates it after a change to requirements/*.txt).

VENV   := .venv
PYTHON := $(VENV)/bin/python
# Every build is dated by the last commit, not by the clock (MkDocs reads
# SOURCE_DATE_EPOCH for the sitemap's dates): two builds of one commit are the
# same file for file, even across midnight.
COMMIT_TIME := $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(COMMIT_TIME),)
export SOURCE_DATE_EPOCH ?= $(COMMIT_TIME)
endif
PIP_VERSION := 26.3
INSTALL     := $(PYTHON) -m pip install --quiet -c requirements/constraints.txt
DOCS_READY  := $(VENV)/.docs-installed
TEST_READY  := $(VENV)/.test-installed
# PyTorch's CPU index: the only place the pinned +cpu build lives (PyPI's Linux
# torch is the CUDA build, ~2.6 GB). Used when it answers; otherwise pip falls back
# on its own configuration (find-links), and fails loudly if that has no such file.
TORCH_INDEX := https://download.pytorch.org/whl/cpu
TORCH_PIN   := $(shell sed -n 's/^torch==//p' requirements/torch.txt)
INDEX_ANSWERS = $(PYTHON) -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=10)" $(TORCH_INDEX)/torch/ 2>/dev/null
# Material's end-of-life banner is silenced for builds, where it would repeat on every
# run, and left on for `make serve` (README, "Maintenance", says what the plan is).
QUIET_EOL := NO_MKDOCS_2_WARNING=1
# nbconvert (loaded by mkdocs-jupyter) otherwise builds each of its 14 exporters
# at import to list the enabled ones, a third of a second per build; the site
# uses only the HTML exporter. nbconvert's own switch; the output is the same.
FAST_NBCONVERT := NBCONVERT_DISABLE_CONFIG_EXPORTERS=1

# Browser tests: Debian's Chromium, and the exact KaTeX and mermaid the pages load
# from unpkg, served to the browser from tests/browser/node_modules (no network).
# The tests drive chromium-headless-shell (the engine without the desktop
# browser: 0.76x the test time); `make regen` (diagrams) and `make audit` the full one.
# Where there is no headless-shell package (Ubuntu), the tests use the full one.
CHROMIUM      := /usr/bin/chromium
# Tried once per venv (the stamp), so a system without the package is not asked again.
HEADLESS_SHELL := $(VENV)/.headless-shell-tried
BROWSER_DEPS  := tests/browser/node_modules/.package-lock.json
SUDO          := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL   := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q

.PHONY: ci ci-test ci-notorch deploy-build serve build test setup docs-setup optional-torch torch browser-deps bench lint properdocs lock regen mutate audit new-page page minimums

$(PYTHON):
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet pip==$(PIP_VERSION)

# The build needs the site's build package and the reader's package (its plugin
# traces snippets.tracer); both are installed editable, so edits need no reinstall.
EDITABLE := -e . -e ./site-builder

$(DOCS_READY): requirements/docs.txt requirements/constraints.txt pyproject.toml site-builder/pyproject.toml | $(PYTHON)
	$(INSTALL) -r requirements/docs.txt $(EDITABLE)
	touch $@

$(TEST_READY): $(DOCS_READY) requirements.txt requirements/test.txt
	$(PYTHON) -m pip install --quiet -r requirements.txt
	$(PYTHON) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

docs-setup: $(DOCS_READY)
setup: $(TEST_READY)

optional-torch: $(TEST_READY)
	@if [ -n "$$WITH_TORCH" ]; then $(MAKE) --no-print-directory torch; fi

# The one way torch is installed (make, .ci/run and GitHub's CI all come here).
torch: $(TEST_READY)
	@if $(PYTHON) -c "import sys, torch; sys.exit(torch.__version__ != '$(TORCH_PIN)')" 2>/dev/null; then \
	  :; \
	elif $(INDEX_ANSWERS); then \
	  $(INSTALL) --extra-index-url $(TORCH_INDEX) -r requirements/torch.txt; \
	else \
	  echo "$(TORCH_INDEX) does not answer: torch==$(TORCH_PIN) from pip's own configuration"; \
	  $(INSTALL) -r requirements/torch.txt; \
	fi

$(CHROMIUM):
	$(SUDO) apt-get update -q
	$(APT_INSTALL) chromium || $(APT_INSTALL) chromium-browser
	@# Ubuntu names it chromium-browser; the tests look for $(CHROMIUM).
	@[ -x $@ ] || $(SUDO) ln -s "$$(command -v chromium-browser)" $@

$(HEADLESS_SHELL): | $(CHROMIUM) $(PYTHON)
	[ -x /usr/bin/chromium-headless-shell ] || $(APT_INSTALL) chromium-headless-shell \
	  || echo "no chromium-headless-shell package: the browser tests use $(CHROMIUM)"
	touch $@

$(BROWSER_DEPS): tests/browser/package.json tests/browser/package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -q && $(APT_INSTALL) npm; }
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $@

browser-deps: $(CHROMIUM) $(HEADLESS_SHELL) $(BROWSER_DEPS)

serve: $(DOCS_READY)
	$(FAST_NBCONVERT) $(PYTHON) -m mkdocs serve

build: $(DOCS_READY)
	$(QUIET_EOL) $(FAST_NBCONVERT) $(VENV)/bin/mkdocs build --strict

test: build $(TEST_READY) optional-torch browser-deps
	$(PYTHON) -m ruff check .
	$(QUIET_EOL) $(PYTHON) -m pytest --hypothesis-profile=ci

# Rebuilds every derived file (site-builder/sitebuilder/regen.py): vendored KaTeX,
# figures, diagram drawings (new or edited ones; ALL=1 redraws all), the pages'
# output blocks, chapter and exercise notebooks. ONLY=outputs,notebooks picks kinds.
# It installs nothing: a missing tool stops it before it writes, naming the target
# that installs it (make torch, make browser-deps).
regen: $(TEST_READY)
	$(QUIET_EOL) $(PYTHON) -m sitebuilder.regen $(if $(ONLY),--only $(ONLY)) $(if $(ALL),--redraw-diagrams)

# A new chapter pair: both pages from templates/, snippets/chNN/ with a first example,
# the nav entry and a line in each chapter list (sitebuilder/scaffold.py). Writes
# nothing if the page exists, the path is not chapters/NN-topic or a title is missing.
#   make new-page P=chapters/11-some-topic TITLE_KO="..." TITLE_EN="..."
new-page: $(DOCS_READY)
	$(PYTHON) -m sitebuilder.scaffold "$(P)" --title-ko "$(TITLE_KO)" --title-en "$(TITLE_EN)"

# One page pair: its output blocks and chapter notebooks rewritten
# (sitebuilder/generators/page_files.py), then every non-browser check that
# concerns it (tests/page_selection.py).   make page P=chapters/04-simple-layers
page: $(TEST_READY)
	@[ -n "$(P)" ] || { echo "usage: make page P=chapters/04-simple-layers (a path of mkdocs.yml's nav, without .md)"; exit 2; }
	$(QUIET_EOL) $(PYTHON) -m sitebuilder.generators.page_files "$(P)"
	$(QUIET_EOL) $(PYTHON) -m pytest -q -p no:randomly -p no:playwright -m "not browser" --page "$(P)"

# Not a test: edits a copy of the tree in each way a wrong page could be wrong,
# and prints which test catches each (tools/mutate.py).
mutate: $(TEST_READY)
	$(QUIET_EOL) $(PYTHON) tools/mutate.py

# ruff alone (its version from the lock), so CI's lint job needs no test set.
lint: | $(PYTHON)
	$(INSTALL) ruff
	$(PYTHON) -m ruff check .

# The lowest Python and NumPy pyproject.toml allows (requires-python, numpy>=): a fresh
# .venv-minimums of that Python with exactly that NumPy and the wheel, where every page
# block must print its output block (tools/minimums.py; PyTorch blocks left out).
# Needs that Python (python3.10 on PATH, or MIN_PYTHON=/path/to/python3.10) and PyPI for NumPy.
MIN_VERSION := $(shell sed -n 's/^requires-python = ">=\([0-9.]*\)".*/\1/p' pyproject.toml)
# That Python where pyenv keeps it (its shim answers only for the selected versions), else on PATH.
MIN_PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/$(MIN_VERSION).*/bin/python$(MIN_VERSION)) python$(MIN_VERSION))
minimums: $(TEST_READY)
	$(QUIET_EOL) $(PYTHON) -m tools.minimums --python "$(MIN_PYTHON)"

# The fallback toolchain: ProperDocs (the maintained MkDocs 1.x line) must build
# the same site, byte for byte apart from its generator tag. Not --quiet: it drops
# the warnings before --strict counts them, so a build with warnings would pass.
properdocs: $(DOCS_READY)
	$(INSTALL) -r requirements/properdocs.txt
	rm -rf site-properdocs
	$(QUIET_EOL) $(FAST_NBCONVERT) $(VENV)/bin/mkdocs build --strict
	$(QUIET_EOL) $(FAST_NBCONVERT) $(VENV)/bin/properdocs build --strict --site-dir site-properdocs
	diff -r -q -I '<meta name="generator"' site site-properdocs
	rm -rf site-properdocs

# Everything CI runs, one part after the other; each of GitHub's jobs
# (.github/workflows/ci.yml) runs one of these parts, so nothing runs only there.
CI_PARTS := lint ci-test ci-notorch minimums properdocs deploy-build
ci:
	@for part in $(CI_PARTS); do \
	  start=$$(date +%s); \
	  $(MAKE) --no-print-directory $$part || { echo "make ci: $$part FAILED"; exit 1; }; \
	  echo "make ci: $$part passed in $$(( $$(date +%s) - start )) s"; \
	done

# The strict build and the whole suite, browser included, with the PyTorch pages
# (a missing torch is then an error, never a skip).
ci-test:
	WITH_TORCH=1 $(MAKE) --no-print-directory test

# What a reader without PyTorch runs: a second venv made from requirements.txt
# alone, where torch must not import; the strict build and every test outside
# the browser, with each skip and its reason listed (-rs: the torch tests).
NOTORCH_VENV := .venv-notorch
ci-notorch:
	env -u WITH_TORCH $(MAKE) --no-print-directory VENV=$(NOTORCH_VENV) build setup
	@if $(NOTORCH_VENV)/bin/python -c "import torch" 2>/dev/null; then \
	  echo "torch imports in $(NOTORCH_VENV): remove it (rm -r $(NOTORCH_VENV)) and run make ci-notorch again"; exit 1; \
	fi
	env -u WITH_TORCH $(QUIET_EOL) $(NOTORCH_VENV)/bin/python -m pytest -m "not browser" -q -rs

# The site as it is deployed: built with SITE_REPOSITORY=owner/name (GitHub's
# github.repository in the deploy job) into its own folder, then no placeholder
# address of mkdocs.yml may be left in any of its files.
DEPLOY_SITE       := site-deploy
DEPLOY_REPOSITORY := $(or $(SITE_REPOSITORY),owner/name)
deploy-build: $(DOCS_READY)
	rm -rf $(DEPLOY_SITE)
	SITE_REPOSITORY=$(DEPLOY_REPOSITORY) $(QUIET_EOL) $(FAST_NBCONVERT) $(VENV)/bin/mkdocs build --strict --site-dir $(DEPLOY_SITE)
	$(PYTHON) -m sitebuilder.placeholders $(DEPLOY_SITE)

# Re-resolves every transitive version into requirements/constraints.txt.
lock: $(TEST_READY)
	$(INSTALL) pip-tools==7.6.2
	index=; if $(INDEX_ANSWERS); then index="--extra-index-url $(TORCH_INDEX)"; fi; \
	CUSTOM_COMPILE_COMMAND="make lock" $(PYTHON) -m piptools compile --quiet --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links $$index --output-file requirements/constraints.txt \
	  requirements/test.txt requirements/torch.txt requirements/properdocs.txt

# Not a test: measures backprop against numerical gradients and PyTorch, and
# rewrites the results table the benchmarks page includes.
bench: $(TEST_READY) optional-torch
	$(PYTHON) -m benchmarks.backprop_cost --write docs/assets/benchmarks/results.md

# Not a test: Lighthouse and axe over every page in both languages, phone and
# desktop, the site served gzip-compressed as GitHub Pages serves it, other
# hosts unreachable; performance is the median (and min–max) of 3 runs per page.
# Rewrites audit/results.md. Narrower: make audit AUDIT_ARGS="--sizes phone --only en/glossary/".
AUDIT_DEPS := tools/audit/node_modules/.package-lock.json
$(AUDIT_DEPS): tools/audit/package.json tools/audit/package-lock.json
	npm ci --prefix tools/audit --no-audit --no-fund --loglevel=error
	touch $@

audit: build browser-deps $(AUDIT_DEPS)
	$(PYTHON) -m tools.audit.audit --output audit/results.md $(AUDIT_ARGS)
