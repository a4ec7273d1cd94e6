"""Turn the exercise sources into notebooks, run them, and read them as page text.

An exercise source is a jupytext ``py:percent`` file (``exNN_name.py`` next to
this module): code cells are shared by both languages, markdown cells carry
``lang="ko"`` or ``lang="en"``. Cell tags say what a cell is for:
``exercise`` (the learner's blank), ``check`` (says whether it is right),
``solution`` (folded on the site and in the downloaded notebook), ``torch``
(needs PyTorch). Every notebook starts with a cell that installs the package
(install_cell.py), so a downloaded notebook runs outside the repository.

A tool of the repository, not of the reader's package: it reads the site's
languages and address from mkdocs.yml through pagemodel.site, and needs
jupytext and nbclient (installed with mkdocs-jupyter, so the build's hooks can
import it too). A downloaded notebook imports only checks.py.
"""

import re
import tempfile

import jupytext
import nbformat
from nbclient import NotebookClient

from sitebuilder.generators.install_cell import INSTALL_TAG, install_cells, repository_url  # noqa: F401 (used by the tests)
from sitebuilder.pagemodel.site import LANGUAGES, REPO

# The exercise sources: page content, beside the chapter notebooks (not in the reader package).
HERE = REPO / "notebooks" / "exercises"
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}
# The first code cell of every exercise imports the checks; the builder sets their
# language on the next line, so a notebook's check messages speak its language.
CHECKS_IMPORT = "from snippets.exercises import checks"
# Folded in JupyterLab, Notebook 7 and VS Code (source_hidden / outputs_hidden),
# and in the classic notebook (collapsed hides the outputs).
FOLDED = {"jupyter": {"source_hidden": True, "outputs_hidden": True}, "collapsed": True}


def sources():
    """{'01-chain-rule-by-hand': Path('.../ex01_chain_rule_by_hand.py'), ...} in order."""
    found = {}
    for path in sorted(HERE.glob("ex[0-9][0-9]_*.py")):
        number, _, stem = path.stem[2:].partition("_")
        found[f"{number}-{stem.replace('_', '-')}"] = path
    return found


def exercises_folder(language):
    return REPO / "docs" / language / "exercises"


def notebook_path(name, language):
    return exercises_folder(language) / f"{name}.ipynb"


def build(name, language):
    """An unexecuted notebook in one language; cell ids are fixed so rebuilding changes nothing."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, got {language!r}")
    source = jupytext.read(sources()[name], fmt="py:percent")
    cells = []
    for cell in source.cells:
        cell_language = cell.metadata.pop("lang", None)
        if cell_language is not None and cell_language != language:
            continue
        tags = cell.metadata.get("tags", [])
        metadata = {"tags": tags} if tags else {}
        if "solution" in tags:
            metadata.update(FOLDED if cell.cell_type == "code" else {"jupyter": {"source_hidden": True}})
        if cell.cell_type == "markdown":
            cells.append(nbformat.v4.new_markdown_cell(cell.source, metadata=metadata))
        else:
            cells.append(nbformat.v4.new_code_cell(cell.source, metadata=metadata))
    set_check_language(cells, language, sources()[name])
    return assemble(cells, id_prefix=name[:2], language=language)


def set_check_language(cells, language, source_path):
    """Add `checks.set_language("<language>")` under the checks import of the first code cell."""
    first = next((cell for cell in cells if cell.cell_type == "code"), None)
    lines = first.source.split("\n") if first is not None else []
    if CHECKS_IMPORT not in lines:
        raise ValueError(f"{source_path.name}: the first code cell must contain the line {CHECKS_IMPORT!r}, "
                         "under which the notebook sets the language of its check messages")
    lines.insert(lines.index(CHECKS_IMPORT) + 1, f'checks.set_language("{language}")')
    first.source = "\n".join(lines)


def assemble(cells, id_prefix, language):
    """A notebook of these cells with the install note and cell after the title and
    fixed cell ids (so rebuilding changes nothing); exercises and chapters share it."""
    cells = list(cells)
    at = 1 if cells and cells[0].cell_type == "markdown" else 0
    cells[at:at] = install_cells(cells, language)
    for index, cell in enumerate(cells):
        cell.id = f"{id_prefix}-{index:02d}"
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = KERNEL
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


def execute(notebook, cwd=None, env=None, timeout=120):
    """Run every cell but the install cell (the caller provides the package:
    the repository for the stored outputs, an installed copy in the tests)."""
    kernel_options = {} if env is None else {"env": env}
    with tempfile.TemporaryDirectory() as scratch:
        # coalesce_streams: the kernel sends a cell's prints in as many messages as
        # timing makes; one output per stream keeps a rerun byte-identical.
        client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", coalesce_streams=True,
                                resources={"metadata": {"path": str(cwd or scratch)}})
        client.reset_execution_trackers()
        with client.setup_kernel(**kernel_options):
            for index, cell in enumerate(notebook.cells):
                if INSTALL_TAG not in cell.metadata.get("tags", []):
                    client.execute_cell(cell, index)
    for cell in notebook.cells:  # keep the stored file free of run-specific noise
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("widgets", None)
    return notebook


def notebook_bytes(notebook):
    """The file nbformat.write would write, as bytes (make regen writes it only when every file is made)."""
    text = nbformat.writes(notebook)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def derived_files():
    """{docs/<language>/exercises/<name>.ipynb: bytes} for every exercise, executed
    with the repository's package; {path: None} for a stored notebook no source makes."""
    planned = {}
    for name in sources():
        for language in LANGUAGES:
            print(f"  running {name} ({language})")
            planned[notebook_path(name, language)] = notebook_bytes(execute(build(name, language), cwd=REPO))
    stored = {path for language in LANGUAGES for path in exercises_folder(language).glob("*.ipynb")}
    return planned | {path: None for path in sorted(stored - planned.keys())}


# --- the notebook as page text, for the checks every page goes through --------

DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)([^$\n]+?)\$")


def arithmatex_delimiters(text):
    r"""$$..$$ -> \[..\] and $..$ -> \(..\): the delimiters the pages use."""
    text = DISPLAY_MATH.sub(lambda m: "\\[" + m.group(1) + "\\]", text)
    return INLINE_MATH.sub(lambda m: "\\(" + m.group(1) + "\\)", text)


def text_outputs(cell):
    """What a reader sees under a code cell, as plain text."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.append(output.get("data", {}).get("text/plain", ""))
        elif output.output_type == "error":
            parts.append(f"[error] {output.ename}: {output.evalue}")
    return "".join(parts)


def as_page_text(notebook):
    """The notebook written as a Markdown page (prose, ```python and ```output
    fences), so the number, parity and glossary checks of pages read it too."""
    parts = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            parts.append(arithmatex_delimiters(cell.source))
        elif cell.cell_type == "code" and INSTALL_TAG not in cell.metadata.get("tags", []):
            parts.append(f"```python\n{cell.source}\n```")
            output = text_outputs(cell).rstrip("\n")
            if output:
                parts.append(f"```output\n{output}\n```")
    return "\n\n".join(parts) + "\n"
