"""A code block that continues the one above says so, above the block.

A ``{.python continuation}`` block uses names an earlier block defined; copied
alone it fails (NameError), and on the page it looked like any other block.
Each gets a line of text just before its ``div.highlight``: outside the block,
so Material's copy button (which copies the ``<code>`` inside it) never takes
it along, and real text, so a screen reader says it too. The page model knows
each block's chain; the HTML has lost the fence's options, so the model's
Python fences and the page's highlighted Python blocks are paired in order.
Methods shown outside their class get a label saying where they belong.
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
    "ko": {"continues": "이어지는 코드: 위 블록 다음에 실행합니다",
           "method": "클래스의 일부: 위 클래스 안에 들여 써서 넣는 메서드입니다"},
    "en": {"continues": "Continues the block above: run it after that one",
           "method": "Part of the class above: these methods go inside it, indented"},
}
# Methods shown dedented (pymdownx.snippets' dedent_subsections): pasted alone they
# are plain functions; they belong inside the class an earlier block opens.
METHOD_SHOWN_DEDENTED = re.compile(r"^def \w+\(self\b", re.M)
PYTHON_BLOCK = re.compile(r'<div class="language-(?:' + '|'.join(PYTHON) + r') highlight">')


def label(language, kind):
    """The label's markup: a paragraph the stylesheet (copy-blocks.css) sets small."""
    return f'<p class="code-continues">{html.escape(LABELS[language][kind])}</p>'


def kind_of(block):
    """"method", "continues" or None: what a reader must know before copying the block."""
    if METHOD_SHOWN_DEDENTED.search(block.code):
        return "method"
    return "continues" if block.continues_previous else None


def labelled(content, kinds, language, stash=None):
    """``content`` with a label before each highlighted Python block whose
    kind in ``kinds`` (one per block, in page order, see kind_of) is not None."""
    found = PYTHON_BLOCK.findall(content)
    if len(found) != len(kinds):
        raise ValueError(f"the page shows {len(found)} Python blocks where its Markdown has {len(kinds)}")
    remaining = iter(kinds)

    def replace(match):
        kind = next(remaining)
        if kind is None:
            return match[0]
        markup = label(language, kind)
        return (stash.hide(markup) if stash is not None else markup) + match[0]

    return PYTHON_BLOCK.sub(replace, content)


def label_continuations(content, page, build):
    """Every continuation block of a Markdown page gets its label, in the page's language."""
    source = page.file.abs_src_path
    if not source or not source.endswith(".md") or not PYTHON_BLOCK.search(content):
        return content
    blocks = [b for b in page_model(Path(source)).blocks if b.lang in PYTHON]
    kinds = [kind_of(b) for b in blocks]
    if not any(kinds):
        return content
    try:
        return labelled(content, kinds,
                        language_of(page.file.src_uri), build.stash(page))
    except ValueError as error:
        raise PluginError(f"{relative(source)}: {error}") from None
