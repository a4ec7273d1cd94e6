"""The exercise notebooks: built from their sources, run outside the repository,
and held to the same checks as the pages.

* The stored .ipynb files are exactly what `make regen` writes
  from notebooks/exercises/exNN_*.py (nobody edited one language by hand).
* Each notebook runs in a fresh kernel whose working directory is an empty
  temporary folder and whose only copy of `snippets` is the package installed
  from this working tree (pip install --target), as for a reader who
  downloaded it; the outputs must equal the stored ones.
* Every exercise has a blank cell, a check cell that reports "not answered"
  for it and "correct" when run again after the solution (in the notebook's
  language), and folded solutions. tests/test_exercise_checks.py runs the
  checks in-process with blank, wrong and solved answers.
* The two languages agree (code, math, numbers) and every number the prose
  states is printed or written by the notebook's code, as for pages.
"""

import importlib.util
import os
import re

import nbformat
import pytest

from sitebuilder.generators import chapter_notebooks as chapters
from sitebuilder.generators.exercise_notebooks import (
    INSTALL_TAG,
    LANGUAGES,
    REPO,
    as_page_text,
    build,
    execute,
    exercises_folder,
    notebook_bytes,
    notebook_path,
    repository_url,
    sources,
    text_outputs,
)
from sitebuilder.pagemodel.page import parse_markdown
from snippets.exercises import checks
from tests.exercise_messages import check_words, failing_words
from tests.number_check import unbacked_numbers
from tests.optional_torch import IMPORTS_TORCH, skip_unless_torch
from tests.parity import page_differences

NAMES = list(sources())
ABSOLUTE_PATH = re.compile(r"(/work/|/home/|/root/|/tmp/|[A-Z]:\\\\)")


def stored(name, language):
    path = notebook_path(name, language)
    assert path.exists(), f"{path} is missing: run `make regen`"
    return nbformat.read(path, as_version=4)


def tags(cell):
    return cell.metadata.get("tags", [])


@pytest.fixture(scope="session")
def reader_env(installed_package):
    """The kernel's environment: the installed package and nothing of the repository."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(installed_package)
    return env


def run_outside(notebook, name, env, folder):
    """Execute in a fresh kernel started in an empty folder; fail if `snippets`
    came from anywhere but the installed copy."""
    notebook.cells.append(nbformat.v4.new_code_cell("import snippets\nprint(snippets.__file__)"))
    execute(notebook, cwd=folder, env=env)
    where = text_outputs(notebook.cells.pop())
    assert where.startswith(env["PYTHONPATH"]), f"{name} imported snippets from {where}"
    return notebook


def is_check(cell):
    return cell.cell_type == "code" and "check" in tags(cell)


@pytest.fixture(scope="session")
def fresh_runs(reader_env, tmp_path_factory):
    """{(name, language): (exercise notebook executed outside the repository, what its
    check cells print when run once more at the end)}, run once per session."""
    runs = {}
    for name in NAMES:
        for language in LANGUAGES:
            notebook = build(name, language)
            if IMPORTS_TORCH.search(code_of(notebook)) and importlib.util.find_spec("torch") is None:
                continue  # the tests that read this run skip (or fail under WITH_TORCH) on their own
            checks_again = [nbformat.v4.new_code_cell(c.source) for c in notebook.cells if is_check(c)]
            notebook.cells.extend(checks_again)
            run_outside(notebook, name, reader_env, tmp_path_factory.mktemp(name))
            del notebook.cells[-len(checks_again):]
            runs[name, language] = notebook, [text_outputs(c) for c in checks_again]
    return runs


def code_of(notebook):
    return "\n".join(c.source for c in notebook.cells if c.cell_type == "code")


def fresh(fresh_runs, name, language):
    skip_unless_torch(code_of(build(name, language)))
    return fresh_runs[name, language]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_stored_notebook_is_what_the_builder_writes(name, language):
    notebook, expected = stored(name, language), build(name, language)
    where = f"{notebook_path(name, language).relative_to(REPO)}"
    assert [c.source for c in notebook.cells] == [c.source for c in expected.cells], (
        f"{where}: cells differ from {sources()[name].relative_to(REPO)}; "
        "edit the source there and run `make regen`"
    )
    assert [c.metadata for c in notebook.cells] == [c.metadata for c in expected.cells], (
        f"{where}: cell tags or folding differ from the builder's; run `make regen`"
    )


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_outside_the_repository_and_gives_the_stored_outputs(fresh_runs, name):
    for language in LANGUAGES:
        run, _ = fresh(fresh_runs, name, language)
        notebook = stored(name, language)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        fresh_code = [c for c in run.cells if c.cell_type == "code"]
        assert len(code) == len(fresh_code), f"{name} ({language}): code cells differ from the builder's"
        for index, (old, new) in enumerate(zip(code, fresh_code, strict=True)):
            assert text_outputs(old) == text_outputs(new), (
                f"{name} ({language}), code cell {index}: stored output is stale; run `make regen`\n"
                f"stored:\n{text_outputs(old)}\nfresh:\n{text_outputs(new)}"
            )


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_check_cells_say_not_answered_then_correct(fresh_runs, name, language):
    run, checks_again = fresh(fresh_runs, name, language)
    code = [c for c in run.cells if c.cell_type == "code"]
    kinds = [next((t for t in ("install", "exercise", "check", "solution") if t in tags(c)), None) for c in code]
    assert kinds[:3] == ["install", "exercise", "check"], f"{name}: expected install, blank, check cells first"
    assert "solution" in kinds[3:], f"{name}: no solution after the check cell"
    blank = text_outputs(code[2])
    where = f"{name} ({language})"
    assert check_words("blank", language) in blank, f"{where}: the check cell does not see the blank:\n{blank}"
    solution_output = "".join(text_outputs(c) for c, kind in zip(code, kinds, strict=True) if kind == "solution")
    again = "a check cell run again after the solution"
    for output, what in [(solution_output, "the solution's own check"), *((o, again) for o in checks_again)]:
        assert check_words("correct", language) in output, f"{where}: {what} does not say correct:\n{output}"
        failing = failing_words(output, language)
        assert not failing, f"{where}: {what} says {failing}:\n{output}"


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_install_cell_comes_first_and_solutions_are_folded(name, language):
    notebook = stored(name, language)
    install = [c for c in notebook.cells if INSTALL_TAG in tags(c)]
    assert len(install) == 1 and notebook.cells.index(install[0]) <= 2  # after the title and the install note
    assert f'"git+{repository_url()}"' in install[0].source
    for cell in notebook.cells:
        if "solution" in tags(cell):
            assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, f"{name}: unfolded solution"
            if cell.cell_type == "code":
                assert cell.metadata["jupyter"].get("outputs_hidden") is True


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_stored_outputs_are_clean(name, language):
    notebook = stored(name, language)
    for index, cell in enumerate(c for c in notebook.cells if c.cell_type == "code"):
        if INSTALL_TAG in tags(cell):
            assert not cell.outputs, f"{name} ({language}): the install cell must not store output"
            continue
        text = text_outputs(cell)
        assert "[error]" not in text, f"{name} ({language}), code cell {index} stored an error: {text}"
        assert not ABSOLUTE_PATH.search(text), f"{name} ({language}), code cell {index} shows a local path"


# The page checks read a notebook as page text (as_page_text), through the page
# model (pagemodel.page.parse_markdown) like every page.


@pytest.mark.parametrize("name", NAMES)
def test_twins_state_the_same_code_math_and_numbers(name):
    """The prose of the twins agrees; their code cells are one source (apart from the line that
    sets the check messages' language, and the messages themselves), so the Korean text is
    compared with the English code cells in it."""
    ko, en = (stored(name, language) for language in LANGUAGES)
    ko_code, en_code = ([c for c in nb.cells if c.cell_type == "code"] for nb in (ko, en))
    for ko_cell, en_cell in zip(ko_code, en_code, strict=True):
        assert ko_cell.source.replace('set_language("ko")', 'set_language("en")') == en_cell.source
        ko_cell.source, ko_cell.outputs = en_cell.source, en_cell.outputs
    ko, en = as_page_text(ko), as_page_text(en)
    differences = page_differences(parse_markdown(ko, f"ko/{name}"), parse_markdown(en, f"en/{name}"))
    assert not differences, "\n\n".join(differences)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_stated_numbers_are_computed(name, language, tmp_path):
    page = tmp_path / f"{name}.md"
    page.write_text(as_page_text(stored(name, language)), encoding="utf-8")
    unbacked = unbacked_numbers(page)
    assert not unbacked, "\n".join(
        f"{notebook_path(name, language).relative_to(REPO)}: {s.text} is stated, but no output or "
        "code literal of the notebook gives it at that precision"
        for s in unbacked
    )


def test_page_text_catches_a_changed_number(tmp_path):
    notebook = stored(NAMES[1], "en")
    text = as_page_text(notebook)
    assert "0.5" in text
    page = tmp_path / "changed.md"
    page.write_text(text + "\nThe learning rate was 0.7.\n", encoding="utf-8")
    assert [s.text for s in unbacked_numbers(page)] == ["0.7"]


def test_checks_tell_right_from_wrong(capsys):
    checks.single_neuron(0.5, 0.1, 1.0, 0.8, ..., ...)
    assert capsys.readouterr().out.count("not answered yet") == 2
    checks.single_neuron(0.5, 0.1, 1.0, 0.8, -0.0706, 0.0706)  # the second sign is wrong
    lines = capsys.readouterr().out.split("\n")
    assert lines[:2] == ["dL/dw: correct (to 4 decimals)", "dL/db: not right yet, try again"]
    checks.chain_rule_by_hand(2.0, 14.0, 1.0, 3.0, 42.0)
    assert capsys.readouterr().out.strip().endswith("All correct.")
    checks.chain_rule_by_hand(2.0, 14.0, 1.0, 3.0, 14.0)  # forgot dz/dx
    out = capsys.readouterr().out
    assert "dL/dx: not right yet" in out and "All correct." not in out


# --- chapter notebooks ----------------------------------------------------------

CHAPTERS = [page.stem for page in chapters.chapter_pages("ko")]


def chapter_page(language, stem):
    return chapters.DOCS / language / "chapters" / f"{stem}.md"


@pytest.mark.parametrize("stem", CHAPTERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_stored_chapter_notebook_is_what_the_builder_writes(language, stem):
    page = chapter_page(language, stem)
    path = chapters.notebook_path(page)
    assert path.is_file(), f"{path.relative_to(REPO)} is missing: run `make regen`"
    assert path.read_bytes() == notebook_bytes(chapters.build(page)), (
        f"{path.relative_to(REPO)} is not what {page.relative_to(REPO)} gives: run `make regen`"
    )


@pytest.mark.parametrize("stem", CHAPTERS)
def test_chapter_notebook_has_the_pages_code_in_both_languages(stem):
    code = [[c.source for c in chapters.build(chapter_page(lang, stem)).cells if c.cell_type == "code"]
            for lang in LANGUAGES]
    assert code[0] == code[1], f"{stem}: the two languages' notebooks run different code"
    assert INSTALL_TAG in chapters.build(chapter_page("ko", stem)).cells[2].metadata["tags"]
    assert len(code[0]) > 1, f"{stem}: no code from the page"


@pytest.mark.parametrize("stem", CHAPTERS)
def test_chapter_notebook_runs_outside_the_repository(stem, reader_env, tmp_path):
    notebook = chapters.build(chapter_page("ko", stem))
    skip_unless_torch(code_of(notebook))
    run_outside(notebook, stem, reader_env, tmp_path)
    errors = [text_outputs(c) for c in notebook.cells if c.cell_type == "code" and "[error]" in text_outputs(c)]
    assert not errors, f"{stem}: {errors}"


def test_no_stored_notebook_is_left_over():
    made = {notebook_path(name, language) for name in NAMES for language in LANGUAGES}
    made |= {chapters.notebook_path(page) for language in LANGUAGES for page in chapters.chapter_pages(language)}
    stored = {path for language in LANGUAGES
              for folder in (exercises_folder(language), chapters.NOTEBOOKS / language)
              for path in folder.glob("*.ipynb")}
    left_over = sorted(path.relative_to(REPO).as_posix() for path in stored - made)
    assert not left_over, "notebooks no source makes any more (`make regen` deletes them):\n" + "\n".join(left_over)


def test_chapter_notebook_uses_jupyter_math_and_site_links():
    page = chapter_page("ko", "05-activation-layers")
    text = "\n".join(c.source for c in chapters.build(page).cells if c.cell_type == "markdown")
    assert "\\(" not in text and "$$" in text
    assert "](../" not in text and "https://example.github.io/backprop-docs/assets/plots/sigmoid.svg" in text
    assert "!!!" not in text and "\n    " not in text.split("```")[0]
