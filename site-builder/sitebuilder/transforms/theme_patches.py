"""Changes to Material's script bundle, for which Material offers no setting.

* No sitemap probe beside the language links. Material 9.8 fetches
  ``sitemap.xml`` beside every ``<link rel="alternate">`` to map pages between
  languages. It assumes those links point at a language's root; here they point
  at the twin page (written absolute for search engines, by overrides/main.html),
  so each page asked two addresses that do not exist, on the published host even
  when served locally. The language selector already links the twin page, so the
  probe is not needed: its selector is narrowed to alternates without hreflang
  (none).
* No colour switch on page load. Material's palette marks the body as
  "switching colours" (``data-md-color-switching``, which turns every transition
  off) whenever it applies a palette, the one already on the page included, and
  unmarks it a moment later: each mark restyles every element of the page, on a
  chapter some 5000, most of them KaTeX's. On a phone that was the longest task
  of the page's start. The mark is now made only when the scheme changes.
* No colour-scheme change on page load. Material adds an empty
  ``<meta name="color-scheme">`` to the head and then writes the header's
  scheme into it; Chromium restyles the whole page for each (its "platform
  colour change": 0.5 s each on chapter 6 at 4x-slowed phone CPU, the longest
  part of the bundle's start). overrides/main.html writes that meta with the
  first palette's scheme; the bundle now uses it and writes it only when the
  scheme differs (a reader who chose the dark scheme).
* Tooltips set up on first use. With ``content.tooltips`` Material sets up a
  tooltip for every element with a title as the page starts, some 200 on a
  chapter (each glossary term's ``<abbr>``): 0.4 s of chapter 6's start on a
  4x-slowed phone CPU. Each is now set up when the pointer first enters its
  element or focus first reaches it; Material's tooltip starts from whether
  the element is hovered or focused at that moment, so it shows as before.

After the build this hook edits the bundle. A Material upgrade that changes the
bundle fails the build here, naming the file and the code it no longer finds.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

PATCHES = (
    ('M("link[rel=alternate]")', 'M("link[rel=alternate]:not([hreflang])")'),
    (
        'i.subscribe(s=>{if(document.body.setAttribute("data-md-color-switching",""),',
        'i.subscribe(s=>{if(document.body.getAttribute("data-md-color-scheme")!==s.color.scheme'
        '&&document.body.setAttribute("data-md-color-switching",""),',
    ),
    (
        'let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);',
        'let o=document.querySelector("meta[name=color-scheme]")'
        '||document.head.appendChild(x("meta",{name:"color-scheme"}));',
    ),
    ("return o.content=a.colorScheme,", "return o.content!==a.colorScheme&&(o.content=a.colorScheme),"),
    (
        '.filter(()=>V("content.tooltips")).map(i=>Xe(i,{viewport$:r})),',
        '.filter(()=>V("content.tooltips")).map(i=>new F(s=>{let u,w=["mouseenter","focusin"],'
        'h=()=>{w.forEach(n=>i.removeEventListener(n,h));u=Xe(i,{viewport$:r}).subscribe(s)};'
        'w.forEach(n=>i.addEventListener(n,h));'
        'return()=>{w.forEach(n=>i.removeEventListener(n,h));u&&u.unsubscribe()}})),',
    ),
)


def patch(script, bundle):
    for old, new in PATCHES:
        if new in script:
            continue  # already patched (mkdocs serve reuses the file)
        if script.count(old) != 1:
            raise PluginError(f"{bundle}: expected Material's code {old!r} once")
        script = script.replace(old, new)
    return script


def patch_material_bundle(build):
    """The changes above, once the theme's files are in the site."""
    bundles = sorted((Path(build.config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise PluginError("Material's bundle.*.min.js is missing from site/assets/javascripts")
    for bundle in bundles:
        script = bundle.read_text(encoding="utf-8")
        patched = patch(script, bundle)
        if patched != script:
            bundle.write_text(patched, encoding="utf-8")
