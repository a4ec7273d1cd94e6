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
from pathlib import Path

from sitebuilder.pagemodel import diagram_store
from sitebuilder.pagemodel.page import page as page_model
from sitebuilder.pagemodel.site import relative

log = logging.getLogger("mkdocs.plugins.backprop-site.diagrams")
FENCE = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.DOTALL)


def source_line(path, source):
    """The line of the page's fence drawing this source (the HTML has lost it)."""
    wanted = diagram_store.normalized(source)
    for block, _ in page_model(Path(path)).diagrams:
        if diagram_store.normalized(block.code) == wanted:
            return block.line
    return 1


def drawing_markup(drawing):
    svg = drawing.read_text(encoding="utf-8").strip()
    return f'<template shadowrootmode="open">{svg}</template>'


def stash_drawings(content, page, build):
    """Each diagram becomes its drawing, put aside until the page is finished: the search
    plugin's parser loses track of nesting at SVG's self-closed tags, so even a drawing
    marked data-search-exclude spilled its labels into the index."""

    def replace(match):
        source = html.unescape(match.group(1))
        drawing = diagram_store.drawing_path(source)
        if drawing.is_file():
            # The class stays in the content: the page template loads diagrams.js where it finds one.
            return f'<div class="diagram">{build.stash(page).hide(drawing_markup(drawing), tag="span")}</div>'
        path = page.file.abs_src_path
        log.warning(
            f"{relative(path)}:{source_line(path, source)}: this mermaid diagram has no drawing "
            f"({relative(drawing)}); run `make regen` to draw it"
        )
        return f'<pre class="diagram-undrawn"><code>{match.group(1)}</code></pre>'

    return FENCE.sub(replace, content)
