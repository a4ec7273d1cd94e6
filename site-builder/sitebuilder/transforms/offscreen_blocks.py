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
code block (site-builder/sitebuilder/transforms/katex_math.py writes the formula's, this hook the code's).
extra.css turns these into lengths; tests/browser checks on every
page that the told height is the drawn one.

Material, too, reaches a code block only when it comes on screen
(``content.lazy`` in mkdocs.yml): that is when it makes a block that scrolls
sideways focusable, so a keyboard can scroll it. Until then each block is
focusable as written here; Material takes the tabindex off a block that does
not scroll once it reaches it.
"""

import re

CODE_BLOCK = re.compile(
    r'(?P<open><div class="language-[\w-]+ highlight"><pre)><span></span><code>(?P<code>.*?)</code>', re.DOTALL
)


def code_lines(code):
    return code.rstrip("\n").count("\n") + 1


def with_heights(html):
    """Code blocks with their line count, focusable (site-builder/sitebuilder/transforms/katex_math.py writes each
    display formula's height as it wraps the formula)."""

    def code(match):
        lines = code_lines(match["code"])
        return f'{match["open"]} style="--lines:{lines}"><span></span><code tabindex="0">{match["code"]}</code>'

    return CODE_BLOCK.sub(code, html)


def code_block_heights(output, page, build):
    """Each code block told its line count (after the stash has put the highlighted blocks back)."""
    return with_heights(output)
