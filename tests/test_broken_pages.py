"""A page the site cannot build fails its own tests, at its line, and no others.

A wrong ``--8<--`` path, an unknown section name and a fence never closed are
recorded by the page model (pagemodel.defects, pagemodel.includes) and raised
as a PageError naming ``docs/<lang>/<page>.md:<line>`` by whatever test reads
the page; while the tests are collected nothing raises, so the rest of the run
goes on. The last test runs the suite's page tests on a copy of the site with
one broken page per defect.
"""

import re
import shutil
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from sitebuilder.pagemodel.defects import PageError
from sitebuilder.pagemodel.page import page, page_errors, parse_markdown
from sitebuilder.pagemodel.site import REPO, ROOT_SETTING
from sitebuilder.transforms.page_defects import stop_at_unresolved_include

SOUND_START = '# A page\n\n```python\nprint("fine")\n```\n\n```output\nfine\n```\n\n'
DEFECTS = {  # page name: (what follows the sound start, the line named, what the message says)
    "defect-path": ('```python\n--8<-- "snippets/no_such_file.py"\n```\n', 12,
                    "Snippet at path 'snippets/no_such_file.py' could not be found"),
    "defect-section": ('```python\n--8<-- "snippets/__init__.py:no_such_section"\n```\n', 12,
                       "Snippet section 'no_such_section' could not be located"),
    "defect-fence": ('```python\nprint("never closed")\n', 11, "the fence '```python' is never closed"),
}


@pytest.mark.parametrize("name", DEFECTS)
def test_the_model_records_the_defect_at_its_line(name):
    tail, line, says = DEFECTS[name]
    model = parse_markdown(SOUND_START + tail, f"docs/en/{name}.md")
    (error,) = model.errors
    assert error.startswith(f"docs/en/{name}.md:{line}: ") and says in error


def test_an_include_in_the_prose_is_checked_too():
    (error,) = parse_markdown('# A page\n\n--8<-- "docs/assets/no_such_table.md"\n', "p.md").errors
    assert error.startswith("p.md:3: ")


def test_reading_a_broken_page_raises_and_collecting_it_does_not(tmp_path):
    path = tmp_path / "defect.md"
    path.write_text(SOUND_START + DEFECTS["defect-fence"][0], encoding="utf-8")
    assert page_errors(path) == [f"{path.as_posix()}:11: " + page_errors(path)[0].split(":11: ")[1]]
    with pytest.raises(PageError, match=re.escape(f"{path.as_posix()}:11: the fence")):
        page(path)


def copy_of_the_site(destination):
    for name in ("mkdocs.yml", "pyproject.toml", "conftest.py", "README.md"):
        shutil.copy(REPO / name, destination)
    ignore = shutil.ignore_patterns("__pycache__", "node_modules", ".ipynb_checkpoints")
    for folder in ("docs", "snippets", "tests"):
        shutil.copytree(REPO / folder, destination / folder, ignore=ignore)
    for name, (tail, _, _) in DEFECTS.items():
        (destination / "docs" / "en" / f"{name}.md").write_text(SOUND_START + tail, encoding="utf-8")


def test_a_broken_page_fails_only_its_own_tests(pytester, monkeypatch):
    copy_of_the_site(pytester.path)
    monkeypatch.setenv(ROOT_SETTING, str(pytester.path))
    # The page tests that choose their pages while collected, for the broken pages and one sound page.
    result = pytester.runpytest_subprocess(
        "-p", "no:randomly", "-rA", "-k", "(defect or 03-computational-graphs) and not empty_folder",
        "tests/test_page_model.py", "tests/test_page_numbers.py", "tests/test_identities.py",
        "tests/test_diagram_drawings.py", "tests/test_copy_runnable.py", "docs/en", "docs/ko/chapters",
    )
    output = result.stdout.str()
    selected = int(re.search(r"(\d+) selected", output).group(1))
    failed = [line for line in result.outlines if line.startswith("FAILED ")]
    passed = [line for line in result.outlines if line.startswith("PASSED ")]
    assert "error" not in result.parseoutcomes(), output[-3000:]
    assert failed and all("defect-" in line for line in failed), "\n".join(failed)
    for name, (_, line, says) in DEFECTS.items():
        own = [f for f in failed if f"{name}.md" in f]
        assert len(own) >= 5, f"{name}: {own}"  # its code blocks, numbers, identities, copy, model
        assert f"docs/en/{name}.md:{line}: " in output and says in output
    assert not [p for p in passed if "defect-" in p]
    assert {"test_diagram_drawings", "test_copy_runnable", "CodeFence"} <= {
        part for p in passed for part in re.findall(r"test_\w+(?=\.py)|CodeFence", p)
    }
    assert len(passed) + len(failed) == selected, output[-3000:]


def test_the_build_stops_at_the_include_line(tmp_path):
    path = tmp_path / "defect.md"
    path.write_text(SOUND_START + DEFECTS["defect-path"][0], encoding="utf-8")
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(path)))
    with pytest.raises(PluginError, match=re.escape(f"{path.as_posix()}:12: --8<-- \"snippets/no_such_file.py\"")):
        stop_at_unresolved_include(path.read_text(encoding="utf-8"), page, None)
