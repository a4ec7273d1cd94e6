"""Fixtures shared by several test files: the built site (links, browser) and
the package installed as a reader installs it (copied code, notebooks)."""

import shutil
import subprocess
import sys

import pytest

from sitebuilder.pagemodel.site import REPO
from tests.site_build import built_site  # noqa: F401  (a fixture, used by name)


@pytest.fixture(scope="session")
def reader_wheel(tmp_path_factory):
    """The wheel ``pip install`` of the repository builds (no build isolation: no network).

    It is built from a copy of what the package is made of, which also keeps
    the build's leftovers (build/, *.egg-info) out of the working tree.
    """
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "LICENSE"):
        shutil.copy(REPO / name, source)
    shutil.copytree(REPO / "snippets", source / "snippets", ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(wheels), str(source)],
        check=True, capture_output=True,
    )
    (wheel,) = wheels.glob("*.whl")
    return wheel


@pytest.fixture(scope="session")
def installed_package(reader_wheel, tmp_path_factory):
    """The package as ``pip install`` puts it, in a folder of its own (for PYTHONPATH)."""
    target = tmp_path_factory.mktemp("site-packages")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(target), str(reader_wheel)],
        check=True, capture_output=True,
    )
    return target


@pytest.fixture
def pytester(pytester, monkeypatch):
    """pytester, whose inner runs leave pytest-playwright out.

    Its soft-assertion scope is one global that every test call opens; a run
    inside a running test opens it a second time and fails ("nested soft
    assertion scopes are not supported"). The inner runs here drive no browser.
    """
    monkeypatch.setenv("PYTEST_ADDOPTS", "-p no:playwright")
    return pytester


def pytest_terminal_summary(terminalreporter):
    """What the run did not check, said at its end (tests/run_summary.py counts it)."""
    from tests import run_summary

    for line in (run_summary.formula_line(), run_summary.torch_line()):
        if line:
            terminalreporter.write_line(line, yellow="PyTorch" in line, bold=True)
