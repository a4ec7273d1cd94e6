"""The test suite reads pages with the same settings the site is built with."""

import re

from sitebuilder.pagemodel.page import page
from sitebuilder.pagemodel.site import (
    DOCS,
    LANGUAGES,
    REPO,
    mkdocs_config,
    nav_paths,
    page_files,
    plugin_config,
    relative,
)


def test_the_build_validates_nav_and_links():
    """A page left out of the nav, or a link to a missing page or anchor, fails the strict build."""
    validation = mkdocs_config().get("validation", {})
    nav, links = validation.get("nav", {}), validation.get("links", {})
    assert nav.get("omitted_files") == nav.get("not_found") == "warn", validation
    assert links.get("not_found") == links.get("anchors") == "warn", validation
    assert mkdocs_config().get("strict") is True


def test_korean_is_the_default_language_and_english_lives_under_en():
    i18n = plugin_config("i18n")
    languages = {lang["locale"]: lang for lang in i18n["languages"]}
    assert set(languages) == set(LANGUAGES)
    assert languages["ko"].get("default") is True
    assert i18n["docs_structure"] == "folder"


def test_every_nav_entry_exists_in_both_languages():
    for path in nav_paths():
        for language in LANGUAGES:
            assert (DOCS / language / path).is_file(), f"nav entry {path} has no docs/{language}/{path}"


def test_mkdocs_is_pinned_below_2():
    pins = (REPO / "requirements" / "docs.txt").read_text(encoding="utf-8")
    version = re.search(r"^mkdocs==(\d+)\.", pins, re.M)
    assert version and int(version.group(1)) < 2


def test_headings_hold_no_math():
    """The table of contents shows a heading's raw text, so \\( ... \\) would appear unrendered there."""
    problems = []
    for language in ("ko", "en"):
        for path in page_files(language):
            for number, line in page(path).prose:
                if line.startswith("#") and ("\\(" in line or "$" in line):
                    problems.append(f"{relative(path)}:{number}: {line}")
    assert not problems, "math in a heading:\n" + "\n".join(problems)
