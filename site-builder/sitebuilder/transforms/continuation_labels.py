"""A code block that continues the one above says so, above the block.

A ``{.python continuation}`` block uses names an earlier block defined; copied
alone it fails (NameError), and on the page it looked like any other block.
Each gets a line of text just before its ``div.highlight``: outside the block,
so Material's copy button (which copies the ``<code>`` inside it) never takes
it along, and real text, so a screen reader says it too. The page model knows
each block's chain; the HTML has lost the fence's options, so the model's
Python fences and the page's highlighted Python blocks are paired in order.
The label is put aside while the search plugin reads the page (sitebuilder.stash):
seventy copies of one sentence would only crowd the search results.
"""

import html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuilder.pagemodel.page import PYTHON
from sitebuilder.pagemodel.page import page as page_model
from sitebuilder.pagemodel.site import language_of, relative

LABELS = {
    "ko": "이어지는 코드: 위 블록 다음에 실행합니다",
    "en": "Continues the block above: run it after that one",
}
PYTHON_BLOCK = re.compile(r'<div class="language-(?:' + '|'.join(PYTHON) + r') highlight">')


def label(language):
    """The label's markup: a paragraph the stylesheet (copy-blocks.css) sets small."""
    return f'<p class="code-continues">{html.escape(LABELS[language])}</p>'


def labelled(content, continues, language, stash=None):
    """``content`` with the label before each highlighted Python block whose
    flag in ``continues`` (one per block, in page order) is true."""
    found = PYTHON_BLOCK.findall(content)
    if len(found) != len(continues):
        raise ValueError(f"the page shows {len(found)} Python blocks where its Markdown has {len(continues)}")
    flags = iter(continues)

    def replace(match):
        if not next(flags):
            return match[0]
        markup = label(language)
        return (stash.hide(markup) if stash is not None else markup) + match[0]

    return PYTHON_BLOCK.sub(replace, content)


def label_continuations(content, page, build):
    """Every continuation block of a Markdown page gets its label, in the page's language."""
    source = page.file.abs_src_path
    if not source or not source.endswith(".md") or not PYTHON_BLOCK.search(content):
        return content
    blocks = [b for b in page_model(Path(source)).blocks if b.lang in PYTHON]
    if not any(b.continues_previous for b in blocks):
        return content
    try:
        return labelled(content, [b.continues_previous for b in blocks],
                        language_of(page.file.src_uri), build.stash(page))
    except ValueError as error:
        raise PluginError(f"{relative(source)}: {error}") from None
