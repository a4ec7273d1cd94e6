"""What the build keeps between pages and builds (.cache/: compiled templates,
KaTeX's output, highlighted code, rendered notebooks) changes only its speed:
a build that keeps nothing (BACKPROP_DOCS_NO_CACHE=1) writes the same site,
file for file, and leaves .cache/ as it found it."""

import calendar
import filecmp
import hashlib
import re
import time
from types import SimpleNamespace

from mkdocs_jupyter import plugin as jupyter_plugin

from sitebuilder.pagemodel.site import BUILD_CACHE, DOCS, NO_BUILD_CACHE
from sitebuilder.transforms.jupyter_render_cache import UPSTREAM_GAP, keep_render_cache_alive
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


def _same_build_date(site):
    """SOURCE_DATE_EPOCH for the day site/ was dated (its sitemap's lastmod): a commit made
    since it was built, or midnight, would otherwise show as a difference in the sitemap."""
    day = re.search(r"<lastmod>(\d{4}-\d\d-\d\d)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8"))[1]
    return str(calendar.timegm(time.strptime(f"{day} 12", "%Y-%m-%d %H")))


def test_a_build_without_the_cache_writes_the_same_site_and_leaves_the_cache_alone(built_site, tmp_path):
    before = _cache_state()
    build_site(tmp_path / "site", SOURCE_DATE_EPOCH=_same_build_date(built_site), **{NO_BUILD_CACHE: "1"})
    comparison = filecmp.dircmp(built_site, tmp_path / "site", ignore=[])
    differences = _differences(built_site, tmp_path / "site", comparison)
    assert not differences, "a build without the cache differs from site/:\n" + "\n".join(differences[:20])
    after = _cache_state()
    changed = sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
    assert not changed, "a build without the cache created, changed or deleted in .cache/:\n" + "\n".join(changed[:20])


def test_the_notebook_render_cache_is_kept_for_both_languages(tmp_path):
    """mkdocs-jupyter's private names the build relies on (jupyter_render_cache.py) still exist
    and give one entry per notebook; an upgrade that drops them fails here, naming the gap."""
    plugin = jupyter_plugin.Plugin()
    plugin.load_config({"cache_dir": str(tmp_path)})
    plugin.on_pre_build(None)
    names = ("_compute_cache_key", "_get_cache_path")
    assert all(hasattr(jupyter_plugin, name) for name in names) and hasattr(plugin, "_used_cache_paths"), UPSTREAM_GAP
    build = SimpleNamespace(config=SimpleNamespace(plugins={"mkdocs-jupyter": plugin}, docs_dir=str(DOCS)))
    keep_render_cache_alive(build)
    notebooks = list(DOCS.rglob("*.ipynb"))
    assert len(notebooks) >= 10 and len(plugin._used_cache_paths) == len(notebooks), UPSTREAM_GAP
    assert all(path.parent == tmp_path and path.suffix == ".json" for path in plugin._used_cache_paths)
