"""What the build keeps between pages and builds (.cache/: compiled templates,
KaTeX's output, highlighted code) changes only its speed: a build that keeps
nothing (BACKPROP_DOCS_NO_CACHE=1) writes the same site, file for file."""

import filecmp

from sitebuilder.pagemodel.site import NO_BUILD_CACHE
from tests.site_build import build_site


def _differences(left, right, comparison, where=""):
    found = [f"{where}{name}: only in {left}" for name in comparison.left_only]
    found += [f"{where}{name}: only in {right}" for name in comparison.right_only]
    found += [f"{where}{name}: differs" for name in comparison.diff_files]
    for name, sub in comparison.subdirs.items():
        found += _differences(left, right, sub, f"{where}{name}/")
    return found


def test_a_build_without_the_cache_writes_the_same_site(built_site, tmp_path):
    build_site(tmp_path / "site", **{NO_BUILD_CACHE: "1"})
    comparison = filecmp.dircmp(built_site, tmp_path / "site", ignore=[])
    differences = _differences(built_site, tmp_path / "site", comparison)
    assert not differences, "a build without the cache differs from site/:\n" + "\n".join(differences[:20])
