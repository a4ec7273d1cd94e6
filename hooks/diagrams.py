"""Each mermaid diagram of a page becomes its committed drawing (an inline SVG).

pymdownx.superfences turns a ```mermaid fence into ``<pre class="mermaid">``;
this hook replaces it by the SVG that pagemodel.diagram_store keeps for that
source, inside a declarative shadow root, as Material does when it draws a
diagram in the browser: the page's stylesheet does not reach into the drawing,
and the drawing's colours still follow the page's light or dark scheme (its
stylesheet uses Material's --md-mermaid-* properties, which are inherited).

A diagram without a drawing is shown as its source (with a class Material
does not draw, so nothing is fetched from another host) and logged as a
warning naming the page and line, which fails the strict build.
"""

import html
import logging
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    # MkDocs loads a hook by its file path; `mkdocs build` (unlike `python -m
    # mkdocs`) does not put the project root on sys.path for its imports.
    sys.path.insert(0, str(REPO))

from pagemodel import diagram_store  # noqa: E402
from pagemodel.page import page as page_model  # noqa: E402
from pagemodel.site import relative  # noqa: E402

log = logging.getLogger("mkdocs.hooks.diagrams")
FENCE = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.DOTALL)


def source_line(path, source):
    """The line of the page's fence drawing this source (the HTML has lost it)."""
    wanted = diagram_store.normalized(source)
    for block, _ in page_model(Path(path)).diagrams:
        if diagram_store.normalized(block.code) == wanted:
            return block.line
    return 1


# The drawing goes in after the search plugin has read the page (on_post_page):
# its parser loses track of nesting at SVG's self-closed tags, so even a
# drawing marked data-search-exclude spilled its labels into the index.
PLACEHOLDER = re.compile(r'<div class="diagram"><!-- drawing ([0-9a-f]+) --></div>')


def on_page_content(content, page, **kwargs):
    def replace(match):
        source = html.unescape(match.group(1))
        drawing = diagram_store.drawing_path(source)
        if drawing.is_file():
            return f'<div class="diagram"><!-- drawing {diagram_store.key(source)} --></div>'
        path = page.file.abs_src_path
        log.warning(
            f"{relative(path)}:{source_line(path, source)}: this mermaid diagram has no drawing "
            f"({relative(drawing)}); run `make diagrams` to draw it"
        )
        return f'<pre class="diagram-undrawn"><code>{match.group(1)}</code></pre>'

    return FENCE.sub(replace, content)


def on_post_page(output, **kwargs):
    def drawing(match):
        svg = (diagram_store.STORE / f"{match.group(1)}.svg").read_text(encoding="utf-8").strip()
        return f'<div class="diagram"><template shadowrootmode="open">{svg}</template></div>'

    return PLACEHOLDER.sub(drawing, output)
