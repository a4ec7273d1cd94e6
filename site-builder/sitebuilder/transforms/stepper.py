"""Step-through computational graphs: a page's ``<!-- stepper: NAME -->`` becomes a figure.

For the example NAME of step_examples.py this step traces the graph with
snippets.tracer at build time (stepper_data.py) and writes, in the page's language:

* an SVG (stepper_drawing.py) with every node's forward value and gradient and every connection
  labelled with both (inputs on the left); readable without JavaScript;
* the same drawn top to bottom (stepper_narrow.py), for a column too narrow for the first:
  a container query on the graph's box shows the wide drawing while it fits at
  11/13 of its size or more (13 px labels at 11 px and up), else the narrow one,
  each scaled down to the column if it is still wider;
* the graph as JSON (nodes in topological order, edges, the order of steps and
  the wording of each local rule), from which docs/assets/javascripts/stepper.js
  adds Previous/Next, recomputes everything when the reader edits an input,
  and announces each step.

tests/test_stepper.py checks the data against the tracer, and
tests/browser/test_stepper.py checks what the browser shows against it.
"""

import html
import json
import math
import re

from mkdocs.exceptions import PluginError

from sitebuilder.pagemodel.site import language_of
from sitebuilder.transforms.step_examples import EXAMPLES
from sitebuilder.transforms.stepper_data import graph_data
from sitebuilder.transforms.stepper_drawing import layout, svg
from sitebuilder.transforms.stepper_narrow import narrow_arrangement

MARKER = re.compile(r"<!--\s*stepper:\s*([\w-]+)\s*-->")
# The smallest scale at which the wide drawing is still shown: its 13 px labels at 11 px.
WIDE_MIN_SCALE = 11 / 13


def switch(data):
    """The container query choosing the drawing, inside the wide SVG (a <style> in the
    page's body is not valid HTML; in an SVG it is): the threshold is this graph's own.
    Written without "<", which an SVG's text may not hold."""
    width = layout(data)[1]
    figure = f"#stepper-{data['name']}"
    return (f"<style>@container not (width >= {math.ceil(width * WIDE_MIN_SCALE)}px){{"
            f"{figure} .stepper-wide{{display:none}}{figure} .stepper-narrow{{display:block}}}}</style>")


def figure(name, language):
    """The whole figure: legend, drawing in a scrollable region, and the data for stepper.js."""
    if name not in EXAMPLES:
        raise KeyError(f"no step-through example named {name!r} (known: {', '.join(sorted(EXAMPLES))})")
    data = graph_data(name, language)
    words = data["words"]
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    nodes = {n["id"]: n for n in data["nodes"]}
    # Named after its inputs: two figures on one page need two different region names.
    region = f'{words["scroll"]}: {", ".join(nodes[i]["label"] for i in data["inputs"])}'
    return (
        f'<figure class="stepper" id="stepper-{name}" data-stepper="{name}">'
        f'<p class="stepper-legend">{html.escape(words["legend"])}</p>'
        f'<div class="stepper-scroll" tabindex="0" role="region" aria-label="{html.escape(region)}">'
        f"{svg(data, head=switch(data))}"
        f"{svg(data, narrow_arrangement, 'narrow')}</div>"
        f'<script type="application/json" class="stepper-data">{payload}</script>'
        "</figure>"
    )


# -- MkDocs hook ----------------------------------------------------------------
def step_through_figures(html_text, page, build):
    """Each ``<!-- stepper: NAME -->`` marker becomes its figure, in the page's language."""
    language = language_of(page.file.src_uri)

    def replace(match):
        try:
            return figure(match.group(1), language)
        except KeyError as error:
            raise PluginError(f"docs/{page.file.src_uri}: {error.args[0]}") from None

    return MARKER.sub(replace, html_text)
