"""The pages' computational-graph diagrams show what a real computation gives.

Each diagram below is rebuilt with snippets.tracer using the page's node ids.
The page's edges (which nodes, which direction) must be exactly the traced
ones, every edge label must be the traced number (exactly, or at the precision
the page shows where noted), and linkStyle must colour exactly the backward edges.
The step-through figures (``<!-- stepper: ... -->``) are generated from the tracer
itself; tests/test_stepper.py checks them.
"""

from decimal import InvalidOperation

import pytest

from sitebuilder.pagemodel.numbers import shows
from sitebuilder.pagemodel.page import page
from sitebuilder.pagemodel.site import DOCS, LANGUAGES, relative
from snippets.tracer import Value, edges, to_mermaid


def walnuts():
    price, count, tax = Value(100, "price"), Value(2, "count"), Value(1.1, "tax")
    m1 = (price * count).named("m1")
    m2 = (m1 * tax).named("m2")
    m2.backward()
    return edges(m2, output="total")


def network_121():
    """x -> (h1, h2) -> y_hat -> L; weights and biases are hidden nodes."""
    x = Value(2.0, "x")
    w1, w2, w3, w4 = (Value(w, f"w{i}") for i, w in enumerate((0.5, 0.6, 0.8, 0.9), 1))
    b1, b2, b3 = (Value(b, f"b{i}") for i, b in enumerate((0.1, 0.2, 0.3), 1))
    h1 = (w1 * x + b1).sigmoid().named("h1")
    h2 = (w2 * x + b2).sigmoid().named("h2")
    y_hat = (w3 * h1 + w4 * h2 + b3).sigmoid().named("y")
    loss = ((1.0 - y_hat).square() * 0.5).named("L")
    loss.backward()
    # Only the neurons are drawn; nobody needs the gradient of the input x.
    return edges(loss, keep={"x", "h1", "h2", "y", "L"}, hide_grads_of={"x"})


def forward_only(traced):
    """A forward-pass figure draws only the forward edges of the computation."""
    return [e for e in traced if e.kind == "forward"]


def walnuts_folded():
    """Chapter 3's first figure: the count and the tax factor folded into the nodes."""
    price = Value(100, "price")
    total = ((price * 2).named("m1") * 1.1).named("m2")
    total.backward()
    return forward_only(edges(total, output="total"))


def walnuts_and_pistachios_forward():
    wp, wc, pp, pc, tax = (Value(v, n) for v, n in ((100, "wp"), (2, "wc"), (150, "pp"), (3, "pc"), (1.1, "tax")))
    total = (((wp * wc).named("mw") + (pp * pc).named("mp")).named("add") * tax).named("mt")
    total.backward()
    return forward_only(edges(total, output="total"))


def node_with_upstream(op):
    """Chapter 3's add and multiply nodes, receiving 1.3 from a larger computation after them."""
    def build():
        x, y = Value(10, "x"), Value(5, "y")
        z = (x + y if op == "add" else x * y).named(op)
        (z * 1.3).backward()
        return edges(z, output="z")
    build.__name__ = f"{op}_node"
    return build


def single_neuron():
    """Chapter 8's neuron: sigma(w x + b) against the target t, loss (a - t)^2."""
    w, x, b, t = Value(0.5, "w"), Value(2.0, "x"), Value(-0.5, "b"), Value(1.0, "t")
    sig = ((w * x).named("mul") + b).named("add").sigmoid().named("sig")
    loss = (sig - t).square().named("sq")
    loss.backward()
    # The subtraction inside "(a - t)^2" is not drawn; nobody needs x's or t's gradient.
    keep = {"w", "x", "mul", "b", "add", "sig", "t", "sq"}
    return edges(loss, output="L", keep=keep, hide_grads_of={"x", "t"})


# (page, node ids of the diagram, traced edges, labels exact or at shown precision)
CH03 = "chapters/03-computational-graphs.md"
DIAGRAMS = [
    (CH03, {"price", "m1", "m2", "total"}, walnuts_folded, None),
    (CH03, {"wp", "wc", "pp", "pc", "mw", "mp", "add", "mt", "tax", "total"}, walnuts_and_pistachios_forward, None),
    (CH03, {"x", "y", "add", "z"}, node_with_upstream("add"), None),
    (CH03, {"x", "y", "mul", "z"}, node_with_upstream("mul"), None),
    ("chapters/07-worked-examples.md", {"x", "h1", "h2", "y", "L"}, network_121, None),
    ("chapters/08-mlp-numpy.md", {"w", "x", "mul", "b", "add", "sig", "t", "sq", "L"}, single_neuron, None),
]
WALNUT_IDS = {"price", "count", "m1", "tax", "m2", "total"}
CASES = [(lang, *d) for d in DIAGRAMS for lang in LANGUAGES]


def diagram_on(path, node_ids):
    """The page's mermaid diagram whose nodes are exactly node_ids."""
    for block, diagram in page(path).diagrams:
        if {e.source for e in diagram.edges} | {e.target for e in diagram.edges} == node_ids:
            return block, diagram
    pytest.fail(f"{relative(path)}: no mermaid diagram with the nodes {sorted(node_ids)}")


def label_shows(label, value, fmt):
    """Does the page's label show the traced value?"""
    if label is None:
        return False
    if fmt is not None:
        return label == format(value, fmt)
    try:
        return shows(label, value)
    except InvalidOperation:
        return False


def describe(src, dst, kind, label):
    arrow = "-->" if kind == "forward" else "-.->"
    return f'{src} {arrow}|"{label}"| {dst}'


def diagram_problems(path, node_ids, build, fmt):
    """(where the diagram is, what differs from the traced computation), page order first."""
    block, diagram = diagram_on(path, node_ids)
    where = f"{relative(path)}:{block.line}"
    problems = [f"linkStyle: {p}" for p in diagram.link_style_problems()]
    on_page = [(*e.flow, e.kind, e.value) for e in diagram.edges]
    page_edges = {(s, d, k): label for s, d, k, label in on_page}
    if len(page_edges) != len(on_page):
        problems.append("an edge is drawn twice")
    traced = {(e.src, e.dst, e.kind): e.value for e in build()}
    for s, d, k, label in on_page:
        if (s, d, k) not in traced:
            problems.append(f"{describe(s, d, k, label)} is not an edge of the computation")
        elif not label_shows(label, traced[(s, d, k)], fmt):
            problems.append(f"{describe(s, d, k, label)}: the computation gives {traced[(s, d, k)]!r}")
    for (s, d, k), value in traced.items():
        if (s, d, k) not in page_edges:
            problems.append(f"{describe(s, d, k, format(value, '.4g'))} is missing from the diagram")
    return where, problems


@pytest.mark.parametrize(
    "lang, path, node_ids, build, fmt", CASES,
    ids=[f"{lang}/{path}:{build.__name__}" for lang, path, _, build, _ in CASES],
)
def test_diagram_matches_the_traced_computation(lang, path, node_ids, build, fmt):
    where, problems = diagram_problems(DOCS / lang / path, node_ids, build, fmt)
    assert not problems, f"{where}: first differing edge: {problems[0]}" + "".join(
        f"\n  also: {p}" for p in problems[1:]
    )


def walnut_page():
    """A page with the walnut diagram as the tracer draws it."""
    price, count, tax = Value(100, "price", "호두 가격"), Value(2, "count", "호두 개수"), Value(1.1, "tax", "소비세")
    total = ((price * count).named("m1") * tax).named("m2")
    total.backward()
    return "# 호두\n\n```mermaid\n" + to_mermaid(total, output="total", output_label="지불 금액") + "```\n"


def test_the_walnut_diagram_as_drawn_passes(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(walnut_page(), encoding="utf-8")
    assert diagram_problems(page, WALNUT_IDS, walnuts, "g")[1] == []


def test_a_wrong_number_or_arrow_is_caught(tmp_path):
    text = walnut_page()
    page = tmp_path / "page.md"
    page.write_text(text.replace('price -.-|"← 2.2"| m1', 'price -.-|"← 2.3"| m1'), encoding="utf-8")
    _, problems = diagram_problems(page, WALNUT_IDS, walnuts, "g")
    assert problems == ['m1 -.->|"2.3"| price: the computation gives 2.2']

    page = tmp_path / "other-page.md"  # pages are parsed once per path
    page.write_text(text.replace('count -.-|"← 110"| m1', 'm1 -->|"110"| count'), encoding="utf-8")
    _, problems = diagram_problems(page, WALNUT_IDS, walnuts, "g")
    assert problems[0].startswith("linkStyle: linkStyle makes edge 9 red")
    assert 'm1 -->|"110"| count is not an edge of the computation' in problems
    assert 'm1 -.->|"110"| count is missing from the diagram' in problems


def test_labels_at_the_precision_shown():
    assert label_shows("-0.1649", -0.16493, None)
    assert label_shows("1", 1.0, None)
    assert not label_shows("-0.1650", -0.16493, None)
    assert not label_shows("0.1649", -0.16493, None)
