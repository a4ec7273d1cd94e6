"""The lines that install the code work wherever a reader meets them.

* A page shows the install as a shell command (a ```bash block included from
  snippets/__init__.py), never as IPython inside a Python block, and it names
  the repository the site links to (``repo_url`` in mkdocs.yml).
* PyTorch is installed from its CPU index everywhere it is mentioned (PyPI's
  Linux torch is the CUDA build, about 2.6 GB).
* Every notebook starts with plain-Python install cells that stop the notebook,
  naming the cause, when pip fails (generators/install_cell.py).
"""

import ast
import re

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from sitebuilder.generators import chapter_notebooks, exercise_notebooks
from sitebuilder.generators.install_cell import INSTALL_TAG, install_cell, shared_command
from sitebuilder.pagemodel.page import page as page_model
from sitebuilder.pagemodel.site import DOCS, LANGUAGES, REPO, mkdocs_config, page_files, relative

COMMAND = f'pip install "git+{mkdocs_config()["repo_url"]}"'
TORCH_COMMAND = "pip install torch --index-url https://download.pytorch.org/whl/cpu"
INCLUDE = '--8<-- "snippets/__init__.py:install"'
CHAPTERS = sorted(p for language in LANGUAGES for folder in ("chapters", "recipes")
                  for p in (DOCS / language / folder).glob("*.md"))
PAGES = sorted(p for language in LANGUAGES for p in page_files(language))
NOTEBOOKS = sorted([*(REPO / "notebooks").glob("*/*.ipynb"), *DOCS.glob("*/exercises/*.ipynb")])
# "pip install torch" not followed by the CPU index: PyPI's torch, the CUDA build on Linux.
BARE_TORCH = re.compile(r"pip install[^\n`]*\btorch\b(?![^\n`]*--index-url https://download\.pytorch\.org/whl/cpu)")
TEXTS = [REPO / "README.md", REPO / "snippets" / "README.md", REPO / "pyproject.toml", *PAGES, *NOTEBOOKS]


def test_the_shared_commands_name_the_site_repository_and_the_cpu_index():
    assert shared_command("install") == COMMAND
    assert shared_command("install_torch") == TORCH_COMMAND
    for name in ("pyproject.toml", "README.md", "snippets/README.md"):
        assert COMMAND in (REPO / name).read_text(encoding="utf-8"), name


@pytest.mark.parametrize("page", CHAPTERS, ids=relative)
def test_every_chapter_shows_the_install_command_before_its_first_code_block(page):
    blocks = page_model(page).blocks
    first_python = next(i for i, b in enumerate(blocks) if b.is_python)
    shell = [b for b in blocks[:first_python] if b.lang == "bash"]
    assert shell and shell[-1].raw.strip() == INCLUDE, f"{relative(page)}: no ```bash block with {INCLUDE}"
    assert shell[-1].code.strip() == COMMAND


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_no_python_block_installs(page):
    for block in page_model(page).python_blocks:
        assert not re.search(r"^\s*[%!]?pip install", block.code, re.M), f"{relative(page)}:{block.line}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_shows_both_install_commands(language):
    blocks = [b.code.strip() for b in page_model(DOCS / language / "index.md").blocks if b.lang == "bash"]
    assert COMMAND in blocks and TORCH_COMMAND in blocks


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(REPO)))
def test_torch_is_installed_from_the_cpu_index_everywhere(path):
    found = BARE_TORCH.findall(path.read_text(encoding="utf-8").replace('\\"', '"'))
    assert not found, f"{path.relative_to(REPO)}: {found}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_notebook_starts_with_a_python_install_cell(path):
    notebook = nbformat.read(path, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    install = code[0]
    assert INSTALL_TAG in install.metadata.get("tags", []), "the first code cell does not install"
    ast.parse(install.source)  # plain Python (no %pip), so it also runs pasted into a file
    assert f'install("git+{mkdocs_config()["repo_url"]}")' in install.source
    uses_torch = any("import torch" in c.source for c in code[1:])
    assert ("download.pytorch.org/whl/cpu" in install.source) == uses_torch
    note = notebook.cells[notebook.cells.index(install) - 1]
    assert note.cell_type == "markdown" and f"```bash\n{COMMAND}" in note.source


def test_the_chapter_notebook_leaves_out_the_pages_shell_block():
    page = DOCS / "en" / "chapters" / "01-why-backprop.md"
    markdown = [c.source for c in chapter_notebooks.build(page).cells if c.cell_type == "markdown"]
    assert sum(COMMAND in text for text in markdown) == 1  # the install note only


def test_a_failed_install_stops_the_notebook_with_pips_message(tmp_path):
    """Run all stops at the install cell (no network: the repository is a missing local path)."""
    missing = (tmp_path / "missing-repository").as_uri()
    notebook = nbformat.v4.new_notebook(cells=[install_cell(missing), nbformat.v4.new_code_cell("print('ran on')")])
    notebook.metadata["kernelspec"] = exercise_notebooks.KERNEL
    with pytest.raises(CellExecutionError) as stopped:
        NotebookClient(notebook, timeout=120, kernel_name="python3",
                       resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert "SystemExit" in str(stopped.value) and "failed, so the cells below cannot run" in str(stopped.value)
    assert "missing-repository" in str(stopped.value)  # pip's own message names what it could not get
    assert not notebook.cells[1].get("outputs")
