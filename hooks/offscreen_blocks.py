"""Long pages lay out only the formulas and code blocks near the screen.

A long chapter holds 5,000-10,000 elements, over half of them KaTeX's spans
for the display formulas and Pygments' spans for the code. Laying all of them
out before the first paint cost a phone (Lighthouse's 4x-slowed CPU) about
half a second of blocked main thread. extra.css gives display formulas and
code blocks ``content-visibility: auto``: the browser skips those off screen
until they come near, and still finds them with Ctrl+F and links into them.

A skipped box takes the height it is told, so each box is told the height
it will have, from numbers the build already knows, and nothing moves when it
is drawn: the tallest strut of the formula (KaTeX sizes every formula in em,
``<span class="strut" style="height:…em">``) and the number of lines of the
code block. extra.css turns these into lengths; tests/browser checks on every
page that the told height is the drawn one.
"""

import re

from mkdocs.plugins import event_priority

DISPLAY_FORMULA = re.compile(r'<div class="arithmatex math-display"(?P<attrs>[^>]*)>(?P<body>.*?)</div>', re.DOTALL)
STRUT = re.compile(r'<span class="strut" style="height:(?P<height>[\d.]+)em;(?:vertical-align:(?P<align>-?[\d.]+)em;)?')
CODE_BLOCK = re.compile(
    r'(?P<open><div class="language-[\w-]+ highlight"><pre)><span></span><code>(?P<code>.*?)</code>', re.DOTALL
)


def formula_height(markup):
    """The height of a KaTeX formula's line in its own em (KaTeX's markup has no divs).

    KaTeX gives each part of a formula a strut as tall as the part, set below
    the baseline by the part's depth; the line reaches from the highest top to
    the deepest bottom among them."""
    struts = [(float(m["height"]), -float(m["align"] or 0)) for m in STRUT.finditer(markup)]
    if not struts:
        return 0.0
    return round(max(height - depth for height, depth in struts) + max(depth for _, depth in struts), 4)


def code_lines(code):
    return code.rstrip("\n").count("\n") + 1


def with_heights(html):
    def formula(match):
        height = f'style="--formula-height:{formula_height(match["body"]):g}"'
        return f'<div class="arithmatex math-display"{match["attrs"]} {height}>{match["body"]}</div>'

    def code(match):
        return f'{match["open"]} style="--lines:{code_lines(match["code"])}"><span></span><code>{match["code"]}</code>'

    return CODE_BLOCK.sub(code, DISPLAY_FORMULA.sub(formula, html))


@event_priority(-200)  # after the formulas and code blocks are back in the page (katex_math, code_search_text)
def on_post_page(output, page, config):
    return with_heights(output)
