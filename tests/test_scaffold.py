"""A chapter made by the scaffolder passes its page checks as it stands.

The scaffolder runs in a copy of what the checks read (the repository's own
files stay as they are), then `make page`'s two steps run there: the page's
derived files, then ``pytest --page`` on the new pair. The copy's
site-builder/ comes first on PYTHONPATH and the copy is the working
directory, so sitebuilder finds the copy's mkdocs.yml and `snippets` the
copy's new chapter. A request it refuses writes nothing.
"""

import os
import shutil
import subprocess
import sys

import pytest

from sitebuilder import scaffold
from sitebuilder.pagemodel.site import CONFIG, DOCS, REPO

COPIED = ("docs", "snippets", "templates", "tests", "site-builder", "notebooks", "benchmarks")
COPIED_FILES = ("mkdocs.yml", "pyproject.toml", "conftest.py", "README.md", "LICENSE")
LEFT_OUT = shutil.ignore_patterns("__pycache__", "*.egg-info", "browser", "node_modules")
NEW = "chapters/11-scaffolded-topic"


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("repository")
    for name in COPIED:
        shutil.copytree(REPO / name, root / name, ignore=LEFT_OUT)
    for name in COPIED_FILES:
        shutil.copy(REPO / name, root / name)
    return root


def run(root, *args):
    env = {**os.environ, "PYTHONPATH": str(root / "site-builder"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run([sys.executable, *args], cwd=root, env=env, capture_output=True, text=True)


def test_a_scaffolded_chapter_passes_its_page_checks(copy):
    made = run(copy, "-m", "sitebuilder.scaffold", NEW, "--title-ko", "새 주제", "--title-en", "A new topic")
    assert made.returncode == 0, made.stderr
    assert "wrote snippets/ch11/__init__.py\nwrote snippets/ch11/scaffolded_topic.py" in made.stdout
    nav = [line.strip() for line in (copy / "mkdocs.yml").read_text(encoding="utf-8").split("\n")]
    assert nav.index(f"- {NEW}.md") == nav.index("- chapters/10-summary.md") + 1
    derived = run(copy, "-m", "sitebuilder.generators.page_files", NEW)
    assert derived.returncode == 0, derived.stdout + derived.stderr
    assert (copy / "notebooks" / "en" / "11-scaffolded-topic.ipynb").is_file()
    checks = run(copy, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:playwright", "-m", "not browser",
                 "--page", NEW)
    assert checks.returncode == 0, checks.stdout[-4000:] + checks.stderr[-2000:]
    summary = checks.stdout.strip().split("\n")[-1]
    passed = int(summary.split(" passed")[0].split()[-1])
    # the page's code blocks, parity, numbers, identities, glossary, install line, notebooks, chapter lists
    assert passed >= 20 and "skipped" not in summary, summary


@pytest.mark.parametrize("path, titles, reason", [
    ("chapters/04-simple-layers", {"ko": "가", "en": "A"}, "chapter 04 exists already"),
    ("chapters/04-another-topic", {"ko": "가", "en": "A"}, "chapter 04 exists already"),
    ("docs/ko/chapters/11-x", {"ko": "가", "en": "A"}, "expected chapters/NN-topic"),
    ("chapters/11_Topic", {"ko": "가", "en": "A"}, "expected chapters/NN-topic"),
    ("chapters/11-topic", {"ko": "가", "en": " "}, "missing title (--title-en)"),
])
def test_a_refused_request_writes_nothing(path, titles, reason, capsys):
    before = {p: p.stat().st_mtime_ns for p in [CONFIG, *DOCS.rglob("*.md")]}
    assert scaffold.main([path, *[a for lang, t in titles.items() for a in (f"--title-{lang}", t)]]) == 2
    assert reason in capsys.readouterr().err
    assert {p: p.stat().st_mtime_ns for p in [CONFIG, *DOCS.rglob("*.md")]} == before
    assert not (REPO / "snippets" / "ch11").exists()
