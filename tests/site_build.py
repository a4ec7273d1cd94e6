"""The built site, for the tests that read it (links) or drive it (browser).

``make test`` builds the site before pytest starts, so here the fixture only
checks that ``site/`` is newer than everything it is built from. Run alone
(``pytest tests/test_links.py``), the fixture builds it first, strictly, as
``make build`` would.
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitebuilder.pagemodel.site import CONFIG, LANGUAGES, REPO, mkdocs_config, nav_paths

SITE = REPO / "site"
# Everything a build reads: the pages, their included code, build hooks and
# theme overrides (when there are any), the configuration.
SOURCES = (
    REPO / "docs", REPO / "snippets", REPO / "notebooks", REPO / "site-builder" / "sitebuilder", REPO / "overrides",
    CONFIG,
)
# Written by every build; the older of the two tells when the site was last built.
BUILD_MARKERS = (SITE / "index.html", SITE / "en" / "index.html")


def _newest_source_mtime():
    newest = 0.0
    for source in SOURCES:
        if source.is_file():
            newest = max(newest, source.stat().st_mtime)
            continue
        for root, dirs, files in os.walk(source):  # nothing when it does not exist
            dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
            for name in files:
                newest = max(newest, (Path(root) / name).stat().st_mtime)
    return newest


def site_is_stale():
    if not all(marker.is_file() for marker in BUILD_MARKERS):
        return True
    built = min(marker.stat().st_mtime for marker in BUILD_MARKERS)
    return built < _newest_source_mtime()


def last_commit_time():
    """The date every build of this commit carries (the Makefile sets the same)."""
    found = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True)
    return found.stdout.strip()


def build_site(site_dir=None, **environment):
    """A strict build into site/ (or `site_dir`), with `environment` added."""
    # As `make build` runs it (the Makefile says why each is set).
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NBCONVERT_DISABLE_CONFIG_EXPORTERS="1", **environment)
    commit_time = last_commit_time()
    if commit_time:  # none outside a git checkout: MkDocs then dates the build by the clock
        env.setdefault("SOURCE_DATE_EPOCH", commit_time)
    where = ["--site-dir", str(site_dir)] if site_dir else []
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *where],  # not -q: it hides the warnings strict counts
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(
            "the strict site build failed (python -m mkdocs build --strict):\n"
            + result.stdout
            + result.stderr,
            pytrace=False,
        )


@pytest.fixture(scope="session")
def built_site():
    """Path of the built site, rebuilt first if any source is newer."""
    if site_is_stale():
        build_site()
    return SITE


def site_root_path():
    """The path part of site_url ("/backprop-docs/"), where the site is deployed;
    some links (404.html, the home pages' language links) are absolute from it."""
    path = urlsplit(mkdocs_config().get("site_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def page_url(doc_path):
    """Site URL (relative to the language root) of a docs path from the nav,
    with directory URLs as MkDocs builds them: chapters/01-x.md -> chapters/01-x/."""
    stem = doc_path.rsplit(".", 1)[0]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def site_pages():
    """Every page of the navigation in both languages, as site-relative URLs
    ("" and "en/" for the two home pages). Read from mkdocs.yml, so tests can
    be parametrized before the site is built."""
    urls = [page_url(path) for path in nav_paths()]
    return [("" if language == "ko" else f"{language}/") + url for language in LANGUAGES for url in urls]


def side_by_side_pages():
    """The side-by-side page of every chapter, in both language builds (not in the nav:
    site-builder/sitebuilder/transforms/bilingual_pages.py adds them)."""
    chapters = [page_url(path) for path in nav_paths() if path.startswith("chapters/")]
    prefixes = ["" if language == "ko" else f"{language}/" for language in LANGUAGES]
    return [prefix + "bilingual/" + url for prefix in prefixes for url in chapters]
