"""The interface speaks as the pages do: 합니다체 on Korean pages, and each home
page's title names the page (overrides/partials/language.html, overrides/main.html,
site-builder/sitebuilder/transforms/ui_language.py)."""

import json
import re
from pathlib import Path

import material
import pytest

from sitebuilder.pagemodel.site import REPO
from tests.site_build import SITE

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
OVERRIDE = REPO / "overrides" / "partials" / "language.html"
# Material's Korean interface strings not in the site's 합니다체, and the site's wording.
KOREAN_WORDING = {"검색어를 입력하세요": "검색어를 입력하십시오"}


def forms(text):
    """As text, and as Material's page configuration writes it (JSON, \\uXXXX)."""
    return text, json.dumps(text)[1:-1]


def shows(page, text):
    return any(form in page.read_text(encoding="utf-8") for form in forms(text))


@pytest.mark.parametrize("theirs", KOREAN_WORDING)
def test_korean_pages_use_the_sites_wording_for_materials_strings(built_site, theirs):
    pages = [p for p in SITE.rglob("*.html") if not p.relative_to(SITE).as_posix().startswith("en/")]
    assert SITE / "404.html" in pages
    found = [p.relative_to(SITE).as_posix() for p in pages if shows(p, theirs)]
    assert not found, f"{theirs!r} is still on {found[:5]}"
    ours = KOREAN_WORDING[theirs]
    homes = [p for p in pages if p.name in ("index.html", "404.html")]
    missing = [p.relative_to(SITE).as_posix() for p in homes if not shows(p, ours)]
    assert not missing, f"{ours!r} is not on {missing[:5]}"


def test_the_wording_comes_from_the_theme_layer():
    override = OVERRIDE.read_text(encoding="utf-8")
    for theirs, ours in KOREAN_WORDING.items():
        assert theirs in (MATERIAL_TEMPLATES / "partials" / "languages" / "ko.html").read_text(encoding="utf-8"), (
            f"Material no longer says {theirs!r}: remove it from {OVERRIDE.relative_to(REPO)} and this test"
        )
        assert f'"{ours}"' in override


def test_the_override_repeats_materials_language_partial():
    """An update of Material's partials/language.html must reach the override."""
    theirs = (MATERIAL_TEMPLATES / "partials" / "language.html").read_text(encoding="utf-8")
    lines = [line for line in theirs.split("\n") if line.startswith("{% import")]
    assert len(lines) == 2 and all(line in OVERRIDE.read_text(encoding="utf-8") for line in lines), (
        f"Material's partials/language.html changed; bring {OVERRIDE.relative_to(REPO)} up to date:\n{theirs}"
    )
    assert "{{ lang.t(key) or fallback.t(key) or key }}" in theirs, theirs


@pytest.mark.parametrize("home", ["index.html", "en/index.html"])
def test_home_pages_titles_name_the_page(built_site, home):
    text = (SITE / home).read_text(encoding="utf-8")
    h1 = re.search(r"<h1[^>]*>(.*?)<", text).group(1).strip()
    assert f"<title>{h1} - " in text, f"site/{home}: title does not name {h1!r}"
