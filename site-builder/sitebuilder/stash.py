"""Parts of a page kept out of the search plugin's reach until the page is finished.

Material's search plugin indexes each page's HTML as it stands after
``on_page_content``, parsing it with Python's HTMLParser. Three kinds of
markup are wrong or costly to index as they are: KaTeX's formulas (a span per
glyph; its ``data-search-exclude`` ends at the first nested ``</span>``),
Pygments' highlighted code (some 40,000 spans over the site) and the diagram
drawings (the parser loses track of nesting at SVG's self-closed tags). A
transform hands such markup to the page's :class:`Stash` with the text search
should index instead; the stash writes a stand-in holding that text, and
:meth:`Stash.restore` puts every original back into the finished page.
"""

import re

STAND_IN = re.compile(r'<(?P<tag>span|pre|div) data-stash="(?P<index>\d+)">.*?</(?P=tag)>', re.DOTALL)


class Stash:
    """The markup one page has put aside, in the order it was put aside."""

    def __init__(self):
        self.kept = []

    def hide(self, markup, indexed="", tag="span"):
        """A stand-in for ``markup``: a ``tag`` element holding ``indexed`` (HTML the search indexes)."""
        self.kept.append(markup)
        return f'<{tag} data-stash="{len(self.kept) - 1}">{indexed}</{tag}>'

    def restore(self, html):
        """``html`` with every stand-in replaced by the markup it stands for."""
        return STAND_IN.sub(lambda match: self.kept[int(match["index"])], html)


def restore_stashed(output, page, build):
    """The finished page gets back every formula, code block and drawing put aside for the search."""
    return build.stash(page).restore(output)
