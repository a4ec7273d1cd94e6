"""What the build keeps between pages and builds (.cache/: compiled templates,
KaTeX's output, highlighted code, rendered notebooks) changes only its speed:
a build that keeps nothing (BACKPROP_DOCS_NO_CACHE=1) writes the same site,
file for file, and leaves .cache/ as it found it."""

import filecmp
import hashlib

from sitebuilder.pagemodel.site import BUILD_CACHE, NO_BUILD_CACHE
from tests.site_build import build_site


def _differences(left, right, comparison, where=""):
    found = [f"{where}{name}: only in {left}" for name in comparison.left_only]
    found += [f"{where}{name}: only in {right}" for name in comparison.right_only]
    found += [f"{where}{name}: differs" for name in comparison.diff_files]
    for name, sub in comparison.subdirs.items():
        found += _differences(left, right, sub, f"{where}{name}/")
    return found


def _cache_state():
    """{path: (modification time, content hash)} of .cache/ and everything in it (empty if it does not exist)."""
    if not BUILD_CACHE.exists():
        return {}
    state = {}
    for path in [BUILD_CACHE, *BUILD_CACHE.rglob("*")]:
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
        state[path.relative_to(BUILD_CACHE.parent).as_posix()] = (path.stat().st_mtime_ns, digest)
    return state


def test_a_build_without_the_cache_writes_the_same_site_and_leaves_the_cache_alone(built_site, tmp_path):
    before = _cache_state()
    build_site(tmp_path / "site", **{NO_BUILD_CACHE: "1"})
    comparison = filecmp.dircmp(built_site, tmp_path / "site", ignore=[])
    differences = _differences(built_site, tmp_path / "site", comparison)
    assert not differences, "a build without the cache differs from site/:\n" + "\n".join(differences[:20])
    after = _cache_state()
    changed = sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
    assert not changed, "a build without the cache created, changed or deleted in .cache/:\n" + "\n".join(changed[:20])
