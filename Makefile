# Two commands do everything on a fresh machine:
#   make serve   build and serve the site at http://127.0.0.1:8000 (Korean at /, English at /en/)
#   make test    strict site build + the whole test suite (pages, notebooks, layers, browser)

VENV   := .venv
PYTHON := $(VENV)/bin/python
READY  := $(VENV)/.requirements-installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test setup

$(READY): requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	$(PYTHON) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

setup: $(READY)

serve: $(READY)
	$(PYTHON) -m mkdocs serve

build: $(READY)
	$(PYTHON) -m mkdocs build --strict

test: build
	$(PYTHON) -m pytest
