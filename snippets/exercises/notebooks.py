"""Turn the exercise cells into notebooks, and run notebooks to get their outputs."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from snippets.exercises.content import EXERCISES

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = ("ko", "en")
SOLUTION_TAG = "solution"
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}


def notebook_path(name, language):
    return REPO / "docs" / language / "exercises" / f"{name}.ipynb"


def build(name, language):
    """An unexecuted notebook; cell ids are fixed so rebuilding changes nothing."""
    cells = []
    for index, (kind, text) in enumerate(EXERCISES[name]):
        cell_id = f"{name[:2]}-{index:02d}"
        if kind == "md":
            cells.append(nbformat.v4.new_markdown_cell(text[language], id=cell_id))
        else:
            cell = nbformat.v4.new_code_cell(text, id=cell_id)
            if kind == "solution":
                cell.metadata["tags"] = [SOLUTION_TAG]
            cells.append(cell)
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = KERNEL
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


def execute(notebook, timeout=120):
    """Run every cell from the repository root, so `import snippets` works."""
    NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(REPO)}}).execute()
    for cell in notebook.cells:  # keep the stored file free of run-specific noise
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("widgets", None)
    return notebook
