# Two commands do everything on a fresh machine:
#   make serve   build and serve the site at http://127.0.0.1:8000/backprop-docs/
#                (Korean there, English under en/; the path comes from site_url)
#   make test    strict site build + the whole test suite, browser tests included
#                (installs Debian's Chromium and the pinned KaTeX/mermaid from npm if missing)
# WITH_TORCH=1 make test also installs the optional PyTorch (CPU) and runs its pages.

VENV   := .venv
PYTHON := $(VENV)/bin/python
READY  := $(VENV)/.requirements-installed
export NO_MKDOCS_2_WARNING := 1

# Browser tests: Debian's Chromium, and the exact KaTeX and mermaid the pages load
# from unpkg, served to the browser from tests/browser/node_modules (no network).
CHROMIUM      := /usr/bin/chromium
BROWSER_DEPS  := tests/browser/node_modules/.package-lock.json
SUDO          := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL   := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q

.PHONY: serve build test setup optional-torch browser-deps bench audit

$(READY): requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	$(PYTHON) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

setup: $(READY)

optional-torch: $(READY)
	@if [ -n "$$WITH_TORCH" ]; then \
	  $(PYTHON) -c "import torch" 2>/dev/null || $(PYTHON) -m pip install --quiet -r requirements-torch.txt; \
	fi

$(CHROMIUM):
	$(SUDO) apt-get update -q
	$(APT_INSTALL) chromium || $(APT_INSTALL) chromium-browser
	@# Ubuntu names it chromium-browser; the tests look for $(CHROMIUM).
	@[ -x $@ ] || $(SUDO) ln -s "$$(command -v chromium-browser)" $@

$(BROWSER_DEPS): tests/browser/package.json tests/browser/package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -q && $(APT_INSTALL) npm; }
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $@

browser-deps: $(CHROMIUM) $(BROWSER_DEPS)

serve: $(READY)
	$(PYTHON) -m mkdocs serve

build: $(READY)
	$(PYTHON) -m mkdocs build --strict

test: build optional-torch browser-deps
	$(PYTHON) -m pytest

# Not a test: measures backprop against numerical gradients and PyTorch, and
# rewrites the results table the benchmarks page includes.
bench: $(READY) optional-torch
	$(PYTHON) -m benchmarks.backprop_cost --write docs/assets/benchmarks/results.md

# Not a test: Lighthouse and axe over every page in both languages, phone and
# desktop, other hosts unreachable; rewrites audit/results.md.
AUDIT_DEPS := tools/audit/node_modules/.package-lock.json
$(AUDIT_DEPS): tools/audit/package.json tools/audit/package-lock.json
	npm ci --prefix tools/audit --no-audit --no-fund --loglevel=error
	touch $@

audit: build browser-deps $(AUDIT_DEPS)
	$(PYTHON) -m tools.audit.audit --output audit/results.md
