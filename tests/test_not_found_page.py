"""The one 404 page static hosts serve (site/404.html) is the default language's:
Korean interface, both languages' text, and a language switcher to the home pages."""

import re

from sitebuilder.pagemodel.site import LANGUAGES, mkdocs_config
from tests.site_build import SITE


def test_the_404_page_speaks_the_default_language_and_links_the_homes(built_site):
    text = (SITE / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{LANGUAGES[0]}"' in text
    assert "페이지를 찾을 수 없습니다" in text and "Page not found" in text
    root = mkdocs_config()["site_url"]
    alternates = set(re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="[^"]+"', text))
    assert alternates == {root, root + "en/"}, f"site/404.html: alternate links {sorted(alternates)}"
