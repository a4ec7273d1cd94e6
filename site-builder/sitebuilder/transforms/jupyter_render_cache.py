"""mkdocs-jupyter's render cache, kept for both languages (its private API, here only).

Upstream gap: mkdocs-jupyter resets its ``_used_cache_paths`` in
``on_pre_build`` and deletes every cache file not used since then in
``on_post_build``. mkdocs-static-i18n runs one full build per language, so
each language's build evicts the other language's entries and no notebook
is ever a cache hit. Its public options do not help: ``cache: false``
renders every notebook on every build (a warm rebuild took 18.2-19.1 s
instead of 8.2-10.1 s), and ``cache_dir`` cannot differ per language. An
upstream fix would evict once per ``mkdocs build`` (in ``on_shutdown``) or by
age. Until then the entries of every notebook under docs_dir are marked as
used, with the plugin's own key function; tests/test_build_cache.py checks
that these private names still exist (and the step stops the build saying
so if they do not).
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs_jupyter import plugin as jupyter_plugin

UPSTREAM_GAP = (
    "mkdocs-jupyter's render cache evicts the other language's entries under mkdocs-static-i18n; "
    "sitebuilder/transforms/jupyter_render_cache.py keeps them with its private "
    "_compute_cache_key, _get_cache_path and Plugin._used_cache_paths"
)


def keep_render_cache_alive(build):
    """Every language's cache entries are marked as used by this language's build too."""
    config = build.config
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or not jupyter.config["cache"]:
        return
    try:
        compute_key, cache_path, used = (
            jupyter_plugin._compute_cache_key, jupyter_plugin._get_cache_path, jupyter._used_cache_paths
        )
    except AttributeError as error:
        raise PluginError(f"{UPSTREAM_GAP}, which this mkdocs-jupyter no longer has ({error}): "
                          "use its public fix if it has one, or pin the version") from error
    options = jupyter.config
    for path in sorted(Path(config.docs_dir).rglob("*.ipynb")):
        used.add(cache_path(options["cache_dir"], compute_key(str(path), options, options["execute"])))
