"""Every mermaid diagram has its committed drawing, and the drawing is of it.

The build puts docs/assets/diagrams/<hash>.svg in place of each ```mermaid
fence (site-builder/sitebuilder/transforms/diagrams.py); `make regen` draws new or edited ones. These
checks name the page and line of a diagram whose drawing is missing, and
catch a drawing that is not the diagram's (edited by hand, or left over).
"""

import html
import re

import pytest

from sitebuilder.pagemodel import diagram_store
from sitebuilder.pagemodel.site import relative

DIAGRAMS = diagram_store.site_diagrams(skip_broken=True)
DRAWN_TEXT = re.compile(r"<(?:p|span|tspan|text)\b[^>]*>([^<]+)<")


def drawn_text(svg):
    """The text the drawing shows: its labels, without the stylesheet."""
    return " ".join(html.unescape(t).strip() for t in DRAWN_TEXT.findall(svg) if t.strip())


def test_the_site_has_diagrams():
    assert len(DIAGRAMS) >= 20


@pytest.mark.parametrize(
    "path, block, diagram", DIAGRAMS, ids=[f"{relative(p)}:{b.line}" for p, b, _ in DIAGRAMS]
)
def test_each_diagram_has_its_own_drawing(path, block, diagram):
    drawing = diagram_store.drawing_path(block.code)
    where = f"{relative(path)}:{block.line}"
    assert drawing.is_file(), f"{where}: this diagram has no drawing; run `make regen`"
    svg = drawing.read_text(encoding="utf-8")
    assert f'<svg id="{diagram_store.element_id(block.code)}"' in svg, (
        f"{relative(drawing)} is not the drawing `make regen` made for {where}; run `make regen ALL=1`"
    )
    shown = drawn_text(svg)
    labels = [e.label for e in diagram.edges if e.label] + re.findall(r'\["([^"]+)"\]|\(\("([^"]+)"\)\)', block.code)
    for label in labels:
        text = label if isinstance(label, str) else next(t for t in label if t)
        for part in html.unescape(text).split("<br>"):
            assert part.strip() in shown, f"{where}: the drawing does not show the label {part.strip()!r}"


@pytest.mark.parametrize(
    "path, block, diagram", DIAGRAMS, ids=[f"{relative(p)}:{b.line}" for p, b, _ in DIAGRAMS]
)
def test_each_flowchart_drawn_across_has_its_narrow_drawing(path, block, diagram):
    narrow = diagram_store.narrow_source(block.code)
    assert narrow and narrow.split("\n", 2)[1].split()[1] in ("TB", "BT"), f"{relative(path)}:{block.line}"
    drawing = diagram_store.drawing_path(narrow)
    assert drawing.is_file(), f"{relative(path)}:{block.line}: no narrow drawing; run `make regen`"
    assert drawn_text(drawing.read_text(encoding="utf-8")), f"{relative(drawing)} shows no label"


def test_no_drawing_is_left_over():
    used = {diagram_store.drawing_path(block.code) for _, block, _ in DIAGRAMS}
    used |= {diagram_store.drawing_path(diagram_store.narrow_source(block.code)) for _, block, _ in DIAGRAMS
             if diagram_store.narrow_source(block.code)}
    unused = sorted(relative(p) for p in diagram_store.STORE.glob("*.svg") if p not in used)
    assert not unused, "drawings no page uses (`make regen` deletes them):\n" + "\n".join(unused)


def test_an_edited_diagram_is_named_with_its_line():
    path, block, _ = DIAGRAMS[0]
    edited = block.code.replace("flowchart LR", "flowchart LR\n    extra --> node")
    assert not diagram_store.drawing_path(edited).is_file()
    assert diagram_store.key(edited) != diagram_store.key(block.code)
    # Blank lines and trailing spaces around the source do not change the drawing.
    assert diagram_store.key("\n" + block.code.replace("\n", "  \n") + "\n\n") == diagram_store.key(block.code)
