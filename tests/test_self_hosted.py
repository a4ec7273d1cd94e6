"""The site serves every script, stylesheet and font itself.

The browser tests watch the requests pages make; these checks read the
configuration and the built HTML, and that the vendored copies under
docs/assets/vendor/ are the npm packages pinned in tests/browser/package.json.
"""

import json
import re

import pytest

from sitebuilder.generators.vendor_assets import NODE_MODULES, derived_files
from sitebuilder.pagemodel.site import mkdocs_config as site_config
from tests.site_build import REPO, SITE

# A script, stylesheet, font or preconnect loaded from an absolute URL.
EXTERNAL_ASSET = re.compile(
    r"<(?:script[^>]*\ssrc|link[^>]*\shref)=\"(?:https?:)?//[^\"]+\"[^>]*>", re.IGNORECASE
)
ALTERNATE = re.compile(r'<link rel="(?:alternate|canonical)"')


def test_configuration_names_no_other_host():
    config = site_config()
    for key in ("extra_javascript", "extra_css"):
        remote = [entry for entry in config.get(key, []) if "//" in str(entry)]
        assert not remote, f"mkdocs.yml {key} loads from another host: {remote}"
    assert config["theme"].get("font") is False, "theme.font must be false: Material would load Google Fonts"


def test_built_pages_load_nothing_from_another_host(built_site):
    offenders = []
    for page in sorted(SITE.rglob("*.html")):
        for tag in EXTERNAL_ASSET.findall(page.read_text(encoding="utf-8")):
            if not ALTERNATE.match(tag):  # hreflang and canonical links are not loaded
                offenders.append(f"{page.relative_to(SITE)}: {tag[:120]}")
    assert not offenders, "pages load assets from other hosts:\n" + "\n".join(offenders[:20])


@pytest.mark.browser  # needs tests/browser/node_modules, as the browser tests do
def test_vendored_files_are_the_pinned_packages():
    pinned = json.loads((REPO / "tests" / "browser" / "package.json").read_text(encoding="utf-8"))["dependencies"]
    for package in ("katex", "mermaid"):  # mermaid: site-builder/sitebuilder/generators/diagrams.py
        installed = json.loads((NODE_MODULES / package / "package.json").read_text(encoding="utf-8"))["version"]
        assert installed == pinned[package], (
            f"node_modules has {package} {installed}, package.json pins {pinned[package]}"
        )
    stale = [
        str(copy.relative_to(REPO)) + (" (left over)" if data is None else "")
        for copy, data in derived_files().items()
        if data is None or not copy.is_file() or copy.read_bytes() != data
    ]
    assert not stale, (
        "vendored files differ from the pinned packages; run `make regen`:\n"
        + "\n".join(stale)
    )
