"""The step-through figures show what snippets.tracer computes.

The built pages are read back: the JSON each figure carries and the numbers
its static SVG shows (what a reader without JavaScript sees) must be the
tracer's for the published inputs, and those must be the numbers the chapters
publish. Browser behaviour is in tests/browser/test_stepper.py.
"""

import json
import math
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from sitebuilder.pagemodel.site import DOCS, LANGUAGES
from sitebuilder.transforms.step_examples import EXAMPLES
from sitebuilder.transforms.stepper import figure, step_through_figures
from sitebuilder.transforms.stepper_data import graph_data, number
from sitebuilder.transforms.stepper_drawing import BOX_HEIGHT, CAPTION, edge_geometry, layout, overlap, wide_arrangement
from sitebuilder.transforms.stepper_narrow import narrow_arrangement
from sitebuilder.transforms.stepper_routes import crossed, crosses, route

# Where each example is placed (the same page in both languages).
PLACES = {
    "square_of_sum": "chapters/03-computational-graphs",
    "walnuts": "chapters/04-simple-layers",
    "walnuts_and_pistachios": "chapters/04-simple-layers",
    "staged_sigmoid": "chapters/05-activation-layers",
    "softmax_with_loss": "chapters/06-affine-softmax",
    "network_121": "chapters/07-worked-examples",
}
CASES = [(name, lang) for name in PLACES for lang in LANGUAGES]
SVG_NS = "{http://www.w3.org/2000/svg}"


def built_page(built_site, lang, place):
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    return (built_site / f"{prefix}{place}" / "index.html").read_text(encoding="utf-8")


def figure_on(html, name):
    """(JSON data, SVG element) of the figure for example ``name`` on a built page."""
    match = re.search(rf'<figure class="stepper" id="stepper-{name}".*?</figure>', html, re.S)
    assert match, f"no step-through figure {name!r} on the page"
    block = match.group(0)
    data = json.loads(re.search(r'<script type="application/json" class="stepper-data">(.*?)</script>',
                                block, re.S).group(1).replace("<\\/", "</"))
    svg = ET.fromstring(re.search(r"<svg.*?</svg>", block, re.S).group(0))
    return data, svg


def texts(svg, kind, key):
    """{data-node or data-edge: (value text, gradient text)} of the SVG."""
    found = {}
    for g in svg.iter(f"{SVG_NS}g"):
        if kind in g.get("class", "").split():
            shown = {t.get("class"): t.text for t in g.iter(f"{SVG_NS}text")}
            found[g.get(key)] = (shown["stepper-v"], shown["stepper-g"])
    return found


@pytest.mark.parametrize("name, lang", CASES, ids=[f"{lang}:{name}" for name, lang in CASES])
def test_the_built_figure_carries_the_tracers_numbers(built_site, name, lang):
    data, svg = figure_on(built_page(built_site, lang, PLACES[name]), name)
    root = EXAMPLES[name].trace()
    traced = {n.id: n for n in root.topological_order()}
    assert [n["id"] for n in data["nodes"]] == list(traced)
    for n in data["nodes"]:
        node = traced[n["id"]]
        assert (n["value"], n["grad"], n["kind"], n["const"]) == (node.data, node.grad, node.kind, node.const)
        assert (n["inputs"], n["local"]) == ([p.id for p in node.inputs], list(node.local))
    assert data["language"] == lang
    assert data["inputs"] == [i.id for i in EXAMPLES[name].inputs]
    assert sorted(data["inputs"]) == sorted(n["id"] for n in data["nodes"] if not n["inputs"])
    # The static SVG shows every value and gradient, nodes and edges.
    nodes = texts(svg, "stepper-node", "data-node")
    assert nodes == {i: (number(v.data), f"∂ {number(v.grad)}") for i, v in traced.items()}
    edges = texts(svg, "stepper-edge", "data-edge")
    expected = {}
    for index, e in enumerate(data["edges"]):
        dst = traced[e["dst"]]
        assert dst.inputs[e["slot"]].id == e["src"]
        expected[str(index)] = (number(traced[e["src"]].data), f"∂ {number(dst.grad * dst.local[e['slot']])}")
    assert edges == expected


def grads(name):
    root = EXAMPLES[name].trace()
    return root, {n.id: n.grad for n in root.topological_order()}, {n.id: n.data for n in root.topological_order()}


def test_the_published_numbers():
    root, g, v = grads("square_of_sum")
    assert (v["add"], root.data, g["add"], g["x"], g["y"]) == (3, 9, 6, 6, 6)
    root, g, _ = grads("walnuts")
    assert root.data == pytest.approx(220)
    assert (g["price"], g["count"], g["tax"]) == pytest.approx((2.2, 110, 200))
    root, g, v = grads("walnuts_and_pistachios")
    assert (root.data, v["add"]) == pytest.approx((715, 650))
    assert [g[i] for i in ("wp", "pp", "wc", "pc", "tax")] == pytest.approx([2.2, 3.3, 110, 165, 650])
    root, g, _ = grads("staged_sigmoid")
    assert (round(root.data, 4), round(g["x"], 4)) == (0.7311, 0.1966)
    root, g, v = grads("network_121")
    assert (round(v["yhat"], 3), round(g["w3"], 3), round(g["w1"], 4)) == (0.835, -0.017, -0.0068)
    root, g, v = grads("softmax_with_loss")
    scores = np.array([0.3, 2.9, 4.0])
    y = np.exp(scores) / np.exp(scores).sum()
    t = np.array([0.0, 1.0, 0.0])
    np.testing.assert_allclose([g[f"a{k}"] for k in (1, 2, 3)], y - t, rtol=1e-12, atol=1e-15)
    assert root.data == pytest.approx(-math.log(y[1]))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_example_is_placed_on_its_page(lang):
    for name, place in PLACES.items():
        text = (DOCS / lang / f"{place}.md").read_text(encoding="utf-8")
        assert f"<!-- stepper: {name} -->" in text, f"docs/{lang}/{place}.md has no {name} figure"
    assert set(PLACES) == set(EXAMPLES)


@pytest.mark.parametrize("name", EXAMPLES)
def test_inputs_are_left_of_what_they_feed_and_boxes_do_notoverlap(name):
    data = graph_data(name, "en")
    place, width, height = layout(data)
    for e in data["edges"]:
        src_x, _, src_w = place[e["src"]]
        assert src_x + src_w < place[e["dst"]][0], f"{e['src']} is not left of {e['dst']}"
    boxes = list(place.values())
    for i, (x1, y1, w1) in enumerate(boxes):
        assert 0 <= x1 and x1 + w1 <= width and 0 <= y1 <= height
        for x2, y2, w2 in boxes[i + 1:]:
            assert x1 + w1 <= x2 or x2 + w2 <= x1 or abs(y1 - y2) >= 58, "two node boxes overlap"


@pytest.mark.parametrize("name", EXAMPLES)
def test_edge_labels_cover_no_other_label_and_no_box(name):
    data = graph_data(name, "ko")
    place, _, _ = layout(data)
    boxes = [(x, y - 16, x + w, y + BOX_HEIGHT) for x, y, w in place.values()]
    labels = [(lx - 40, ly - 20, lx + 40, ly + 20) for *_, lx, ly in edge_geometry(data, place)]
    for i, label in enumerate(labels):
        edge = data["edges"][i]
        assert not any(overlap(label, b) for b in boxes), f"{edge['src']}->{edge['dst']}: label on a box"
        assert not any(overlap(label, other) for other in labels[i + 1:]), (
            f"{edge['src']}->{edge['dst']}: labels overlap"
        )


@pytest.mark.parametrize("value, text", [
    (220.00000000000003, "220"), (2.2, "2.2"), (110.00000000000001, "110"), (-0.016540, "−0.01654"),
    (0.7310585786300049, "0.7311"), (-0.0, "0"), (1e-7, "1e−7"), (123456.0, "1.235e5"), (0.0001234, "0.0001234"),
])
def test_numbers_are_written_with_four_significant_digits(value, text):
    assert number(value) == text


def test_an_unknown_example_names_the_page():
    class Page:
        class file:
            src_uri = "en/chapters/04-simple-layers.md"

    missing = r"docs/en/chapters/04-simple-layers.md: no step-through example named 'walnut'"
    with pytest.raises(Exception, match=missing):
        step_through_figures("<p>x</p>\n<!-- stepper: walnut -->\n", Page, None)


def test_the_page_language_chooses_the_words():
    assert "곱셈 노드" in figure("walnuts", "ko") and "multiply node" in figure("walnuts", "en")
    assert "호두 가격" in figure("walnuts", "ko") and "walnut price" in figure("walnuts", "en")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_narrow_drawing_runs_top_to_bottom_and_fits_a_phone(name, lang):
    data = graph_data(name, lang)
    place, width, height, geometry = narrow_arrangement(data)
    # 13 px labels shown at 11 px or more in a phone's 356 px column.
    assert width * 11 / 13 <= 356, f"{width} px: too wide for a phone"
    for e in data["edges"]:
        assert place[e["src"]][1] + BOX_HEIGHT < place[e["dst"]][1], f"{e['src']} is not above {e['dst']}"
    boxes = list(place.values())
    for i, (x1, y1, w1) in enumerate(boxes):
        assert 0 <= x1 and x1 + w1 <= width and 0 <= y1 and y1 + BOX_HEIGHT <= height
        for x2, y2, w2 in boxes[i + 1:]:
            assert x1 + w1 <= x2 or x2 + w2 <= x1 or abs(y1 - y2) >= BOX_HEIGHT, "two node boxes overlap"
    labels = [(lx - 40, ly - 20, lx + 40, ly + 20) for *_, lx, ly in geometry]
    captions = [(x, y - CAPTION, x + w, y + BOX_HEIGHT) for x, y, w in boxes]
    for i, label in enumerate(labels):
        edge = f"{data['edges'][i]['src']}->{data['edges'][i]['dst']}"
        assert 0 <= label[0] and label[2] <= width, f"{edge}: label outside the drawing"
        assert not any(overlap(label, b) for b in captions), f"{edge}: label on a box"
        assert not any(overlap(label, other) for other in labels[i + 1:]), f"{edge}: labels overlap"


@pytest.mark.parametrize("name", EXAMPLES)
def test_both_drawings_carry_the_same_numbers_and_only_one_is_shown_at_a_time(name):
    html = figure(name, "en")
    drawings = [ET.fromstring(svg) for svg in re.findall(r"<svg.*?</svg>", html, re.S)]
    assert [d.get("class") for d in drawings] == ["stepper-graph stepper-wide", "stepper-graph stepper-narrow"]
    for kind, key in (("stepper-node", "data-node"), ("stepper-edge", "data-edge")):
        assert texts(drawings[0], kind, key) == texts(drawings[1], kind, key)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an id is used twice"
    width = layout(graph_data(name, "en"))[1]
    assert f"@container not (width >= {math.ceil(width * 11 / 13)}px)" in html


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("arrangement", [wide_arrangement, narrow_arrangement], ids=["wide", "narrow"])
def test_no_edge_passes_behind_a_box_other_than_its_ends(arrangement, name, lang):
    data = graph_data(name, lang)
    place, _, _, geometry = arrangement(data)
    for e, (points, *_) in zip(data["edges"], geometry, strict=True):
        boxes = {i: (x, y - CAPTION, x + w, y + BOX_HEIGHT) for i, (x, y, w) in place.items()
                 if i not in (e["src"], e["dst"])}
        behind = [i for i, box in boxes.items() if crossed(points, [box])]
        assert not behind, f"{e['src']}->{e['dst']} is drawn through {', '.join(behind)}"


def test_a_straight_edge_through_a_box_is_routed_beside_it():
    box = (40, 40, 60, 60)
    assert crosses((50, 0), (50, 100), box) and not crosses((0, 0), (100, 0), box)
    points = route((50, 0), (52, 100), [box], flow=1)
    assert len(points) == 4 and not crossed(points, [box])
