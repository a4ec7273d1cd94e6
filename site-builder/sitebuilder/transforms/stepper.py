"""Step-through computational graphs: a page's ``<!-- stepper: NAME -->`` becomes a figure.

For the example NAME of step_examples.py this step traces the graph with
snippets.tracer at build time (stepper_data.py) and writes, in the page's language:

* an SVG (stepper_drawing.py) with every node's forward value and gradient and every connection
  labelled with both (inputs on the left); readable without JavaScript;
* the graph as JSON (nodes in topological order, edges, the order of steps and
  the wording of each local rule), from which docs/assets/javascripts/stepper.js
  adds Previous/Next, recomputes everything when the reader edits an input,
  and announces each step.

tests/test_stepper.py checks the data against the tracer, and
tests/browser/test_stepper.py checks what the browser shows against it.
"""

import html
import json
import re

from mkdocs.exceptions import PluginError

from sitebuilder.pagemodel.site import language_of
from sitebuilder.transforms.step_examples import EXAMPLES
from sitebuilder.transforms.stepper_data import graph_data
from sitebuilder.transforms.stepper_drawing import svg

MARKER = re.compile(r"<!--\s*stepper:\s*([\w-]+)\s*-->")


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
        f"{svg(data)}</div>"
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
