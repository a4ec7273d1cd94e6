"""Each mermaid diagram of a page becomes its committed drawing (an inline SVG).

pymdownx.superfences turns a ```mermaid fence into ``<pre class="mermaid">``;
this hook replaces it by the SVG that pagemodel.diagram_store keeps for that
source, inside a declarative shadow root, as Material does when it draws a
diagram in the browser: the page's stylesheet does not reach into the drawing,
and the drawing's colours still follow the page's light or dark scheme (its
stylesheet uses Material's --md-mermaid-* properties, which are inherited).

A flowchart drawn across also has a narrow drawing (top to bottom,
diagram_store.narrow_source); both go into the shadow root, and a container
query on the diagram's own width shows the wide one where it fits at three
quarters of its size or more (labels 12 px and up), else the narrow one. Each
is scaled down to the column if it is still wider, so nothing scrolls sideways.
A browser without container queries shows the wide one, which scrolls.

A diagram without a drawing is shown as its source (with a class Material
does not draw, so nothing is fetched from another host) and logged as a
warning naming the page and line, which fails the strict build.
"""

import html
import logging
import math
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


# The smallest scale at which the wide drawing is still preferred to the narrow one.
WIDE_MIN_SCALE = 0.75
SVG_WIDTH = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)"')
SCALED = ":host{display:block;container-type:inline-size}svg{display:block;max-width:100%;height:auto}"


def drawing_width(svg):
    found = SVG_WIDTH.search(svg)
    if not found:
        raise ValueError(f"a diagram drawing without a width attribute: {svg[:120]!r}")
    return float(found.group(1))


def drawing_markup(drawing, narrow=None):
    """The shadow root holding the drawing, and the narrow drawing if there is one."""
    svg = drawing.read_text(encoding="utf-8").strip()
    if narrow is None:
        return f'<template shadowrootmode="open"><style>{SCALED}</style>{svg}</template>'
    switch = math.ceil(drawing_width(svg) * WIDE_MIN_SCALE)
    style = (f"{SCALED}.narrow{{display:none}}"
             f"@container (width < {switch}px){{.wide{{display:none}}.narrow{{display:block}}}}")
    narrow_svg = narrow.read_text(encoding="utf-8").strip()
    return (f'<template shadowrootmode="open"><style>{style}</style>'
            f'<div class="wide">{svg}</div><div class="narrow">{narrow_svg}</div></template>')


def missing(page, source, drawing):
    path = page.file.abs_src_path
    log.warning(
        f"{relative(path)}:{source_line(path, source)}: this mermaid diagram has no drawing "
        f"({relative(drawing)}); run `make regen` to draw it"
    )


def stash_drawings(content, page, build):
    """Each diagram becomes its drawing, put aside until the page is finished: the search
    plugin's parser loses track of nesting at SVG's self-closed tags, so even a drawing
    marked data-search-exclude spilled its labels into the index."""

    def replace(match):
        source = html.unescape(match.group(1))
        drawing = diagram_store.drawing_path(source)
        narrow_source = diagram_store.narrow_source(source)
        narrow = narrow_source and diagram_store.drawing_path(narrow_source)
        if drawing.is_file() and (narrow is None or narrow.is_file()):
            markup = drawing_markup(drawing, narrow)
            # The class stays in the content: the page template loads diagrams.js where it finds one.
            return f'<div class="diagram">{build.stash(page).hide(markup, tag="span")}</div>'
        missing(page, source, drawing if not drawing.is_file() else narrow)
        return f'<pre class="diagram-undrawn"><code>{match.group(1)}</code></pre>'

    return FENCE.sub(replace, content)
