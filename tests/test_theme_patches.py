"""Material's bundle, as installed, takes every change theme_patches.py makes to it.

The patches replace minified code; a Material upgrade that rewrites that code
must fail here (and the build), not leave a page restyled on load again."""

from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

from sitebuilder.transforms.theme_patches import PATCHES, patch

BUNDLES = sorted((Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))


def test_every_patch_applies_to_the_installed_bundle_once():
    assert BUNDLES, "Material's bundle.*.min.js is not where the theme keeps it"
    script = BUNDLES[0].read_text(encoding="utf-8")
    patched = patch(script, BUNDLES[0])
    for old, new in PATCHES:
        assert patched.count(new) == 1 and old not in patched
    assert patch(patched, BUNDLES[0]) == patched, "patching twice (mkdocs serve) changes nothing more"
    # The tooltips are set up on the first pointer or focus, the colour-scheme meta is reused.
    assert 'w=["mouseenter","focusin"]' in patched
    assert 'document.querySelector("meta[name=color-scheme]")' in patched


def test_a_bundle_without_the_code_fails_naming_it():
    with pytest.raises(PluginError, match="expected Material's code"):
        patch("console.log(1)", Path("bundle.x.min.js"))
