"""Material's search plugin reads each highlighted code block as plain text.

Pygments writes a span around every token of a code block, some 40,000 over
the site, and the search plugin parses every one of them with Python's
HTMLParser to index the text between them (profiled: the largest part of its
time once the math no longer reaches it, see hooks/katex_math.py). So the
content the plugin reads holds each block as ``<pre><code>`` and its text only,
which the plugin indexes exactly as before, and the finished page gets the
highlighted block back (on_post_page).
"""

import re

from mkdocs.plugins import event_priority

HIGHLIGHTED = re.compile(r"<pre>(?:<span></span>)?<code>(?P<code>.*?)</code></pre>", re.DOTALL)
STAND_IN = re.compile(r'<pre data-code-block="(?P<index>\d+)"><code>[^<]*</code></pre>')
TAG = re.compile(r"<[^>]*>")


def stand_ins(content, blocks):
    """`content` with each highlighted block replaced by its text; the blocks go into `blocks`."""

    def replace(match):
        if "<span" not in match["code"]:
            return match[0]  # nothing to strip (diagram sources, plain output)
        blocks.append(match[0])
        return f'<pre data-code-block="{len(blocks) - 1}"><code>{TAG.sub("", match["code"])}</code></pre>'

    return HIGHLIGHTED.sub(replace, content)


def restore(output, blocks):
    return STAND_IN.sub(lambda match: blocks[int(match["index"])], output)


@event_priority(-50)  # after the hooks that write code blocks (notebook pages)
def on_page_content(html, page, config, files):
    page.highlighted_blocks = []
    return stand_ins(html, page.highlighted_blocks)


def on_post_page(output, page, config):
    return restore(output, getattr(page, "highlighted_blocks", []))
