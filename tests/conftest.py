"""Fixtures shared by several test files: the built site (links, browser) and
the package installed as a reader installs it (copied code, notebooks)."""

import shutil
import subprocess
import sys

import pytest
from hypothesis import settings

from sitebuilder.pagemodel.site import REPO
from tests.site_build import built_site  # noqa: F401  (a fixture, used by name)

# The property tests (tests/test_layer_properties.py) run the same examples every time.
# Hypothesis's built-in "ci" profile, active where CI is set (GitHub Actions) and chosen
# by `make test` with --hypothesis-profile=ci, runs 1000 per test; a plain pytest run, 200.
settings.register_profile("default", settings.get_profile("default"), max_examples=200,
                          derandomize=True, deadline=None, database=None)
settings.register_profile("ci", settings.get_profile("ci"), max_examples=1000)


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

