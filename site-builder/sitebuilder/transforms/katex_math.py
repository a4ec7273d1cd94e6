"""Render every formula to HTML while the site is built, with the site's own KaTeX.

Readers then get finished math: no script has to find and typeset it after
the page loads (no layout shift, no blocking time, nothing if scripts are
off). KaTeX is a JavaScript library; it runs here in QuickJS (the `quickjs`
package), reading the same katex.min.js the site ships under
docs/assets/vendor/katex/, whose stylesheet and fonts the pages load.

The math is what pymdownx.arithmatex (generic mode) leaves, ``\\( \\)`` spans
and ``\\[ \\]`` blocks; notebook pages get the same markup from transforms/notebooks.py.

Search indexes (and shows in its snippets) the text of the MathML, once, not
raw LaTeX. Material's search plugin parses every page's content with Python's
HTMLParser, and KaTeX's visual markup is most of a chapter's bytes (a span per
glyph, strut and spacing); parsed, it made the build half again as slow, and its
``data-search-exclude`` ends at the first nested ``</span>`` (the plugin's
exclusion matches elements by tag), so the visual text was indexed too. So the
content the search plugin reads holds a stand-in per formula, carrying the
MathML's text, and each gets its KaTeX markup back only in the finished page
(sitebuilder.stash).

KaTeX's output for each formula is kept in .cache/katex/, in a file named by
the hash of katex.min.js and of the call below: a rebuild of an unchanged page
runs no JavaScript (starting QuickJS with KaTeX and rendering some 400 distinct
formulas was 0.4 s of each build); another KaTeX or other options start a new
file.
"""

import hashlib
import html
import json
import re
from functools import lru_cache

from mkdocs.exceptions import PluginError

from sitebuilder.pagemodel.site import BUILD_CACHE, DOCS, build_cache_used

KATEX_JS = DOCS / "assets" / "vendor" / "katex" / "katex.min.js"
CACHE = BUILD_CACHE / "katex"
RENDER_TEX = (
    "function renderTex(tex, display) {"
    "  return katex.renderToString(tex, {displayMode: display, throwOnError: true, output: 'htmlAndMathml'});"
    "}"
)

ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?P<open>\\\(|\\\[)(?P<tex>.*?)(?:\\\)|\\\])</(?P=tag)>',
    re.DOTALL,
)

MATHML = re.compile(r"<math\b.*?</math>", re.DOTALL)
SEMANTICS = re.compile(r'<semantics>(?P<body>.*?)<annotation encoding="application/x-tex">.*?</annotation></semantics>',
                       re.DOTALL)
TAG = re.compile(r"<[^>]*>")
STRUT = re.compile(r'<span class="strut" style="height:(?P<height>[\d.]+)em;(?:vertical-align:(?P<align>-?[\d.]+)em;)?')


@lru_cache(maxsize=1)
def _katex():
    import quickjs  # imported here so that a missing package names itself clearly

    context = quickjs.Context()
    context.eval(KATEX_JS.read_text(encoding="utf-8"))
    context.eval(RENDER_TEX)
    return context.get("renderTex")


class _Store:
    """KaTeX's markup by (display, TeX), read from and written to one cache file."""

    def __init__(self):
        self.path = None
        self.markup = {}
        self.added = False

    def load(self):
        if self.path is None:
            if not KATEX_JS.is_file():
                raise PluginError(f"{KATEX_JS} is missing: run `make browser-deps` and `make regen`")
            key = hashlib.sha256(KATEX_JS.read_bytes() + RENDER_TEX.encode()).hexdigest()[:16]
            self.path = CACHE / f"{key}.json"
            if self.path.is_file() and build_cache_used():
                self.markup = json.loads(self.path.read_text(encoding="utf-8"))
        return self.markup

    def save(self):
        if self.added and build_cache_used():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(self.markup, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            self.added = False


_store = _Store()


def _katex_markup(tex, display):
    known = _store.load()
    key = ("d" if display else "i") + tex
    if key not in known:
        known[key] = _katex()(tex, display)
        _store.added = True
    return known[key]


@lru_cache(maxsize=4096)
def render(tex, display):
    """KaTeX HTML for one formula; raises ValueError with KaTeX's message."""
    try:
        markup = _katex_markup(tex, display)
    except Exception as error:  # quickjs.JSException carries KaTeX's ParseError text
        raise ValueError(str(error).splitlines()[0]) from None
    # The TeX source, which KaTeX keeps in the MathML for converters and copy
    # extensions (the site has none; screen readers read the MathML itself).
    return SEMANTICS.sub(r"\g<body>", markup)


def _render_or_fail(tex, display, page):
    try:
        return render(tex, display)
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: cannot render the formula {tex!r}: {error}") from None


@lru_cache(maxsize=4096)
def search_text(markup):
    """The text of a formula's MathML (still HTML-escaped)."""
    return TAG.sub("", MATHML.search(markup)[0])


def formula_height(markup):
    """The height of a KaTeX formula's line in its own em (KaTeX's markup has no divs).

    KaTeX gives each part of a formula a strut as tall as the part, set below
    the baseline by the part's depth; the line reaches from the highest top to
    the deepest bottom among them."""
    struts = [(float(m["height"]), -float(m["align"] or 0)) for m in STRUT.finditer(markup)]
    if not struts:
        return 0.0
    return round(max(height - depth for height, depth in struts) + max(depth for _, depth in struts), 4)


def _wrap(body, display, markup):
    if display:
        # A wide formula scrolls inside its own box on a phone; tabindex lets a keyboard scroll it.
        # Its height lets the browser skip it off screen without moving the page (offscreen_blocks.py).
        height = f'style="--formula-height:{formula_height(markup):g}"'
        return f'<div class="arithmatex math-display" tabindex="0" {height}>{body}</div>'
    return f'<span class="arithmatex">{body}</span>'


def placeholders(content, page, stash):
    """Each formula as the page's outer markup around its stand-in in ``stash``; fails on one KaTeX rejects."""

    def replace(match):
        display = match["open"] == "\\["
        tex = html.unescape(match["tex"]).strip()
        markup = _render_or_fail(tex, display, page)
        return _wrap(stash.hide(markup, search_text(markup)), display, markup)

    return ARITHMATEX.sub(replace, content)


# KaTeX's font faces beyond the two nearly every formula uses (overrides/main.html
# preloads those), by a class of KaTeX's markup that sets text in them: a page whose
# formulas use one gets it preloaded too, or its lines grow when the face arrives.
EXTRA_FACES = {"small-op": "Size1-Regular", "large-op": "Size2-Regular", "mathbf": "Main-Bold",
               "delimsizing size1": "Size1-Regular", "delimsizing size2": "Size2-Regular"}


def faces_used(markup):
    """The extra KaTeX faces a formula's markup is set in (sorted)."""
    return sorted({face for css_class, face in EXTRA_FACES.items() if css_class in markup})


def stash_formulas(html_content, page, build):
    """Each formula rendered by KaTeX and put aside; the search indexes its MathML's text.
    The page also learns which extra font faces its formulas use (``page.katex_faces``)."""
    stash = build.stash(page)
    before = len(stash.kept)
    content = placeholders(html_content, page, stash)
    page.katex_faces = faces_used("".join(stash.kept[before:]))
    return content


def save_rendered_formulas(build):
    """KaTeX's output kept for the next build (.cache/katex)."""
    _store.save()
