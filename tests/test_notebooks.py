"""The exercise notebooks: stored outputs are what the code prints today.

Each notebook is rebuilt from snippets/exercises/content.py and executed; the
fresh text outputs must equal the outputs stored in both language versions,
so a stored output can never go stale. The stored files must also be exactly
what the builder writes (nobody edited one language by hand).
"""

import re

import nbformat
import pytest

from snippets.exercises.content import EXERCISES, NEEDS_TORCH
from snippets.exercises.notebooks import LANGUAGES, build, execute, notebook_path
from tests.optional_torch import require_torch

ABSOLUTE_PATH = re.compile(r"(/work/|/home/|/root/|/tmp/|[A-Z]:\\\\)")


def text_outputs(cell):
    """What a reader sees under a code cell, as plain text."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(f"[{output.name}] {output.text}")
        elif output.output_type in ("execute_result", "display_data"):
            parts.append(output.get("data", {}).get("text/plain", ""))
        elif output.output_type == "error":
            parts.append(f"[error] {output.ename}: {output.evalue}")
    return "".join(parts)


def stored(name, language):
    path = notebook_path(name, language)
    assert path.exists(), f"{path} is missing: run `python -m snippets.exercises`"
    return nbformat.read(path, as_version=4)


@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_stored_outputs_match_a_fresh_run(name):
    if name in NEEDS_TORCH:
        require_torch(name)
    fresh = execute(build(name, "en"))
    for language in LANGUAGES:
        notebook = stored(name, language)
        path = notebook_path(name, language).relative_to(notebook_path(name, language).parents[3])
        code = [c for c in notebook.cells if c.cell_type == "code"]
        fresh_code = [c for c in fresh.cells if c.cell_type == "code"]
        assert len(code) == len(fresh_code), f"{path}: code cells differ from the builder's"
        for index, (old, new) in enumerate(zip(code, fresh_code)):
            assert text_outputs(old) == text_outputs(new), (
                f"{path}, code cell {index}: stored output is stale; run `python -m snippets.exercises`\n"
                f"stored:\n{text_outputs(old)}\nfresh:\n{text_outputs(new)}"
            )


@pytest.mark.parametrize("name", sorted(EXERCISES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_stored_notebook_is_what_the_builder_writes(name, language):
    notebook = stored(name, language)
    expected = build(name, language)
    assert [c.source for c in notebook.cells] == [c.source for c in expected.cells], (
        f"{notebook_path(name, language)}: cells differ from snippets/exercises/content.py; "
        "edit the content there and run `python -m snippets.exercises`"
    )
    assert [c.metadata.get("tags") for c in notebook.cells] == [c.metadata.get("tags") for c in expected.cells]


@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_both_languages_run_the_same_code(name):
    ko, en = stored(name, "ko"), stored(name, "en")
    code = [[c.source for c in nb.cells if c.cell_type == "code"] for nb in (ko, en)]
    assert code[0] == code[1], f"{name}: the Korean and English notebooks differ in their code"


@pytest.mark.parametrize("name", sorted(EXERCISES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_stored_outputs_are_clean(name, language):
    notebook = stored(name, language)
    for index, cell in enumerate(c for c in notebook.cells if c.cell_type == "code"):
        assert cell.outputs, f"{name} ({language}), code cell {index} has no stored output"
        text = text_outputs(cell)
        assert "[error]" not in text, f"{name} ({language}), code cell {index} stored an error: {text}"
        assert not ABSOLUTE_PATH.search(text), f"{name} ({language}), code cell {index} shows a local path"
