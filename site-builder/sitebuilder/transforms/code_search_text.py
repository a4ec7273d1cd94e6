"""Material's search plugin reads each highlighted code block as plain text.

Pygments writes a span around every token of a code block, some 40,000 over
the site, and the search plugin parses every one of them with Python's
HTMLParser to index the text between them (profiled: the largest part of its
time once the math no longer reaches it, see katex_math.py). So the content
the plugin reads holds each block as ``<pre><code>`` and its text only, which
the plugin indexes exactly as before, and the finished page gets the
highlighted block back (sitebuilder.stash).
"""

import re

HIGHLIGHTED = re.compile(r"<pre>(?:<span></span>)?<code>(?P<code>.*?)</code></pre>", re.DOTALL)
TAG = re.compile(r"<[^>]*>")


def stand_ins(content, stash):
    """`content` with each highlighted block replaced by its text; the blocks go into `stash`."""

    def replace(match):
        if "<span" not in match["code"]:
            return match[0]  # nothing to strip (diagram sources, plain output)
        return stash.hide(match[0], f"<code>{TAG.sub('', match['code'])}</code>", tag="pre")

    return HIGHLIGHTED.sub(replace, content)


def stash_highlighted_code(html, page, build):
    """Every highlighted code block put aside; the search indexes its plain text."""
    return stand_ins(html, build.stash(page))
