"""The interface speaks as the pages do: 합니다체 on Korean pages, and each home
page's title names the page (site-builder/sitebuilder/transforms/ui_language.py, overrides/main.html)."""

import json
import re

import pytest

from sitebuilder.transforms.ui_language import KOREAN_WORDING
from tests.site_build import SITE


@pytest.mark.parametrize("theirs", KOREAN_WORDING)
def test_korean_pages_use_the_sites_wording_for_materials_strings(built_site, theirs):
    forms = (theirs, json.dumps(theirs)[1:-1])
    pages = [p for p in SITE.rglob("*.html") if not p.relative_to(SITE).as_posix().startswith("en/")]
    found = [p.relative_to(SITE).as_posix() for p in pages if any(f in p.read_text(encoding="utf-8") for f in forms)]
    assert not found, f"{theirs!r} is still on {found[:5]}"


@pytest.mark.parametrize("home", ["index.html", "en/index.html"])
def test_home_pages_titles_name_the_page(built_site, home):
    text = (SITE / home).read_text(encoding="utf-8")
    h1 = re.search(r"<h1[^>]*>(.*?)<", text).group(1).strip()
    assert f"<title>{h1} - " in text, f"site/{home}: title does not name {h1!r}"
