"""Stop Material's language-switch probe, which asks every alternate page for a sitemap.

Material 9.8 fetches ``sitemap.xml`` beside every ``<link rel="alternate">``
to map pages between languages. It assumes those links point at a
language's root; here they point at the twin page (written absolute for
search engines, by overrides/main.html), so each page asked two addresses
that do not exist, on the published host even when served locally. The
language selector already links the twin page, so the probe is not needed:
after the build this hook narrows the probe's selector to alternates
without hreflang (none). Material offers no setting for it. A Material
upgrade that changes the bundle fails the build here, naming the file.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

PROBE = 'M("link[rel=alternate]")'
NO_PROBE = 'M("link[rel=alternate]:not([hreflang])")'


def on_post_build(config):
    bundles = sorted((Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise PluginError("Material's bundle.*.min.js is missing from site/assets/javascripts")
    for bundle in bundles:
        script = bundle.read_text(encoding="utf-8")
        if NO_PROBE in script:
            continue  # already patched (mkdocs serve reuses the file)
        if script.count(PROBE) != 1:
            raise PluginError(f"{bundle}: expected Material's alternate-link probe {PROBE} once")
        bundle.write_text(script.replace(PROBE, NO_PROBE), encoding="utf-8")
