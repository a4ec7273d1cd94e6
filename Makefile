# Two commands do everything on a fresh machine:
#   make serve   build and serve the site at http://127.0.0.1:8000 (Korean at /, English at /en/)
#   make test    strict site build + the whole test suite
# WITH_TORCH=1 make test also installs the optional PyTorch (CPU) and runs its pages.

VENV   := .venv
PYTHON := $(VENV)/bin/python
READY  := $(VENV)/.requirements-installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test setup optional-torch

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

serve: $(READY)
	$(PYTHON) -m mkdocs serve

build: $(READY)
	$(PYTHON) -m mkdocs build --strict

test: build optional-torch
	$(PYTHON) -m pytest
