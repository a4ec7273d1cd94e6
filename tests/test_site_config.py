"""The test suite reads pages with the same settings the site is built with."""

import re

import yaml

from tests.pages import DOCS, LANGUAGES, REPO, SNIPPETS_CONFIG, page_files, prose_lines, relative


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml uses !!python/name tags; their values do not matter here."""


_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_config():
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)


def extension_config(name):
    for entry in site_config()["markdown_extensions"]:
        if isinstance(entry, dict) and name in entry:
            return entry[name]
    raise AssertionError(f"{name} is not configured in mkdocs.yml")


def test_snippet_settings_match_the_site():
    site = extension_config("pymdownx.snippets")
    assert [str((REPO / p).resolve()) for p in site["base_path"]] == SNIPPETS_CONFIG["base_path"]
    assert site["check_paths"] is SNIPPETS_CONFIG["check_paths"] is True
    assert site["dedent_subsections"] == SNIPPETS_CONFIG["dedent_subsections"]


def test_korean_is_the_default_language_and_english_lives_under_en():
    i18n = next(p["i18n"] for p in site_config()["plugins"] if isinstance(p, dict) and "i18n" in p)
    languages = {lang["locale"]: lang for lang in i18n["languages"]}
    assert set(languages) == set(LANGUAGES)
    assert languages["ko"].get("default") is True
    assert i18n["docs_structure"] == "folder"


def test_every_nav_entry_exists_in_both_languages():
    for entry in site_config()["nav"]:
        path = entry if isinstance(entry, str) else next(iter(entry.values()))
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
        for page in page_files(language):
            for number, line in prose_lines(page.read_text(encoding="utf-8")):
                if line.startswith("#") and ("\\(" in line or "$" in line):
                    problems.append(f"{relative(page)}:{number}: {line}")
    assert not problems, "math in a heading:\n" + "\n".join(problems)
