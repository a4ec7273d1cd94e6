"""Each figure gets a button that opens it full screen (docs/assets/javascripts/enlarge.js).

A diagram on a phone is shown in its narrow drawing, a step-through graph
top to bottom, a plot shrunk to the column: a reader who wants the details
opens the figure (its wide drawing, the plot at its own size or larger) in a
full-screen dialog, where it pans and pinch-zooms. The button is written here,
in a row of its own under the figure, so nothing moves when the page loads and
no script runs per figure: enlarge.js listens for a tap anywhere and builds
its dialog the first time one is asked for.

Figures: diagram drawings (diagrams.py, after it), step-through graphs
(stepper.py, after it) and plots (an image of assets/plots/ alone in its
paragraph). The button's markup is put aside while the search plugin reads
the page (sitebuilder.stash): its icon is an SVG, and the label is no content.
"""

import functools
import html
import re
from pathlib import Path

from sitebuilder.pagemodel.site import language_of

LABELS = {"ko": "그림 크게 보기", "en": "Enlarge the figure"}
DIAGRAM = re.compile(r'<div class="diagram"><span data-stash="\d+"></span></div>')
STEPPER = re.compile(r'<figure class="stepper".*?</figure>', re.DOTALL)
PLOT = re.compile(r'<p>(<img [^>]*src="[^"]*assets/plots/[^"]*"[^>]*>)</p>')


@functools.cache
def icon():
    """Material's magnify-plus-outline icon, from the installed theme (aria-hidden: the button has the label)."""
    import material

    path = Path(material.__file__).parent / "templates" / ".icons" / "material" / "magnify-plus-outline.svg"
    return path.read_text(encoding="utf-8").strip().replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def button(language):
    label = html.escape(LABELS[language])
    return (f'<div class="enlarge-bar"><button type="button" class="enlarge-button" '
            f'aria-label="{label}" title="{label}">{icon()}</button></div>')


def wrapped(figure, kind, bar):
    return f'<div class="enlargeable" data-figure="{kind}">{figure}{bar}</div>'


def enlarge_buttons(content, page, build):
    """Every diagram, step-through graph and plot of the page, with its enlarge button under it."""
    if not any(pattern.search(content) for pattern in (DIAGRAM, STEPPER, PLOT)):
        return content
    bar = build.stash(page).hide(button(language_of(page.file.src_uri)), tag="div")
    content = DIAGRAM.sub(lambda m: wrapped(m[0], "diagram", bar), content)
    content = STEPPER.sub(lambda m: wrapped(m[0], "stepper", bar), content)
    return PLOT.sub(lambda m: wrapped(f"<p>{m[1]}</p>", "plot", bar), content)
