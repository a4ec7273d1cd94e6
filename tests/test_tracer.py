"""The scalar tracer: gradients against numerical ones and PyTorch (float64), long graphs,
clear errors, and its mermaid output read back."""

import math
import os
import re

import numpy as np
import pytest

from sitebuilder.pagemodel.mermaid import parse_mermaid
from snippets.gradient import numerical_gradient
from snippets.tracer import Value, edges, to_mermaid


def traced_gradient(build, point):
    """Gradients of build(*values) at point, by the tracer."""
    values = [Value(v) for v in point]
    out = build(*values)
    out.backward()
    return out.data, np.array([v.grad for v in values])


def plain(build, point):
    """The same function on floats, through the tracer, for the numerical gradient."""
    return build(*[Value(v) for v in point]).data


FUNCTIONS = {
    "sum and product": (lambda a, b: a * b + a, [1.5, -2.0]),
    "negation and subtraction": (lambda a, b: -a - b * 3 - 2, [0.7, 1.3]),
    "exp": (lambda a: (a * 2).exp(), [0.3]),
    "division": (lambda a, b: a / b + 1 / b + b / 4, [1.2, -0.8]),
    "sigmoid": (lambda a: a.sigmoid(), [-0.4]),
    "staged sigmoid": (lambda a: 1 / (1 + (-a).exp()), [1.0]),
    "square and log": (lambda a, b: (a - b).square() * 0.5 + (a * b).log(), [2.0, 0.5]),
    "a value used twice": (lambda a: a * a + a, [3.0]),
    "powers": (lambda a, b: a**3 - b**-1.5 + (a * b) ** 0.5, [1.3, 2.1]),
    "value minus value": (lambda a, b: (a - b) * (b - a * 2), [0.4, -1.1]),
    "tanh": (lambda a, b: (a * b).tanh() + a.tanh(), [0.6, -0.9]),
    "relu on both sides of 0": (lambda a, b: (a * b).relu() + (a - b).relu() * 3, [1.5, -0.5]),
    "log of a sigmoid": (lambda a, b: (a * b + 1).sigmoid().log(), [-0.7, 2.0]),
    "a small neuron": (lambda x, w, b: (w * x + b).tanh() ** 2 / (x.exp() + 1), [0.8, -1.2, 0.3]),
}


def torch_twin(name):
    """The same function written for torch tensors (None: identical source works)."""
    torch = pytest.importorskip("torch")
    twins = {
        "exp": lambda a: (a * 2).exp(),
        "sigmoid": lambda a: torch.sigmoid(a),
        "staged sigmoid": lambda a: 1 / (1 + (-a).exp()),
        "square and log": lambda a, b: (a - b).square() * 0.5 + (a * b).log(),
        "tanh": lambda a, b: (a * b).tanh() + a.tanh(),
        "relu on both sides of 0": lambda a, b: (a * b).relu() + (a - b).relu() * 3,
        "log of a sigmoid": lambda a, b: torch.sigmoid(a * b + 1).log(),
        "a small neuron": lambda x, w, b: (w * x + b).tanh() ** 2 / (x.exp() + 1),
    }
    return twins.get(name, FUNCTIONS[name][0])


def torch_required():
    """PyTorch is optional; where WITH_TORCH is set (CI), missing it is an error."""
    if os.environ.get("WITH_TORCH"):
        import torch  # noqa: F401


@pytest.mark.parametrize("name", FUNCTIONS)
def test_values_and_gradients_match_torch_float64(name):
    torch_required()
    torch = pytest.importorskip("torch")
    build, point = FUNCTIONS[name]
    data, analytic = traced_gradient(build, point)
    inputs = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in point]
    out = torch_twin(name)(*inputs)
    out.backward()
    assert data == pytest.approx(out.item(), rel=1e-12, abs=1e-15)
    np.testing.assert_allclose(analytic, [v.grad.item() for v in inputs], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_gradients_match_numerical_gradients(name):
    build, point = FUNCTIONS[name]
    _, analytic = traced_gradient(build, point)
    numeric = numerical_gradient(lambda p: plain(build, p), np.array(point, dtype=float))
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-9)


def test_sigmoid_is_stable_and_matches_its_stages():
    for x in (-800.0, -1.0, 0.0, 2.5, 800.0):
        y = Value(x).sigmoid()
        assert 0.0 <= y.data <= 1.0
    staged = 1 / (1 + (-Value(1.0)).exp())
    assert math.isclose(Value(1.0).sigmoid().data, staged.data)


def test_a_chain_of_ten_thousand_nodes_backpropagates():
    x = Value(0.5)
    out = x
    for _ in range(10_000):
        out = out * 1.0001 + 0.0
    out.backward()
    assert len(out.topological_order()) == 20_001
    assert x.grad == pytest.approx(1.0001**10_000, rel=1e-9)


def test_a_wide_diamond_counts_every_path_once():
    x = Value(1.5)
    layer = [x * k for k in range(1, 2001)]
    total = layer[0]
    for v in layer[1:]:
        total = total + v
    total.backward()
    assert x.grad == pytest.approx(sum(range(1, 2001)))
    assert len(total.topological_order()) == 1 + 2000 + 1999


def test_relu_gradient_at_exactly_zero_is_zero():
    a = Value(0.0)
    out = a.relu()
    out.backward()
    assert (out.data, a.grad) == (0.0, 0.0)


@pytest.mark.parametrize("make, error, words", [
    (lambda: Value(float("nan")), ValueError, "finite"),
    (lambda: Value("3"), TypeError, "real number"),
    (lambda: Value(-1.0).log(), ValueError, "log needs a positive input, got -1"),
    (lambda: Value(0.0).reciprocal(), ZeroDivisionError, "1/x"),
    (lambda: Value(2.0) / 0, ZeroDivisionError, "divided by the number 0"),
    (lambda: Value(2.0) ** Value(2.0), TypeError, "plain number"),
    (lambda: Value(0.0) ** 0.5, ValueError, "no finite derivative"),
    (lambda: Value(800.0).exp(), OverflowError, "exp(800)"),
    (lambda: Value(1.0) * float("inf"), ValueError, "the factor must be finite"),
])
def test_bad_input_is_named(make, error, words):
    with pytest.raises(error, match=re.escape(words)):
        make()


def test_every_node_names_its_operation():
    a, b = Value(2.0), Value(3.0)
    nodes = [a + b, a + 1, a * b, a * 4, -a, a - b, a**2, a.reciprocal(), a.exp(), a.log(),
             a.sigmoid(), a.tanh(), a.relu()]
    assert [(n.kind, n.const) for n in nodes] == [
        ("add", None), ("add_const", 1.0), ("mul", None), ("mul_const", 4.0), ("neg", None),
        ("sub", None), ("pow", 2.0), ("reciprocal", None), ("exp", None), ("log", None),
        ("sigmoid", None), ("tanh", None), ("relu", None),
    ]
    assert a.kind is None and a.const is None


def test_backward_accumulates_across_calls_as_pytorch_does():
    a = Value(2.0)
    out = a * 3 + a * 4
    out.backward()
    assert a.grad == 7.0
    out.backward()
    assert a.grad == 14.0


def test_an_intermediate_gradient_is_not_sent_on_twice():
    x = Value(1.0)
    y = x * 3
    z = y * 2
    z.backward()
    z.backward()
    assert (x.grad, y.grad, z.grad) == (12.0, 4.0, 2.0)  # twice (6, 2, 1), not 6 + (2 + 2) * 3


def test_zero_grad_gives_a_fresh_start():
    x = Value(1.0)
    z = (x * 3) * 2
    z.backward()
    z.zero_grad()
    z.backward()
    assert x.grad == 6.0


def test_value_has_the_names_a_reader_guesses():
    import snippets
    from snippets import autograd, tracer

    assert snippets.Value is autograd.Value is tracer.Value


def walnut():
    price, count, tax = Value(100, "price", "price"), Value(2, "count", "count"), Value(1.1, "tax", "tax")
    m1 = (price * count).named("m1")
    m2 = (m1 * tax).named("m2")
    m2.backward()
    return m2


def test_mermaid_output_in_the_site_style():
    text = to_mermaid(walnut(), "g", output="total", output_label="amount paid")
    assert text == (
        "flowchart LR\n"
        '    price["price"] -->|"100"| m1(("×"))\n'
        '    count["count"] -->|"2"| m1\n'
        '    m1 -->|"200"| m2(("×"))\n'
        '    tax["tax"] -->|"1.1"| m2\n'
        '    m2 -->|"220"| total["amount paid"]\n'
        '    m2 -.-|"← 1"| total\n'
        '    m1 -.-|"← 1.1"| m2\n'
        '    tax -.-|"← 200"| m2\n'
        '    price -.-|"← 2.2"| m1\n'
        '    count -.-|"← 110"| m1\n'
        "    linkStyle 5,6,7,8,9 stroke:red,color:red\n"
    )
    assert parse_mermaid(text).link_style_problems() == []


def test_format_is_a_spec_or_a_function():
    assert '|"220.00"|' in to_mermaid(walnut(), ".2f", output="total")
    assert '|"<220>"|' in to_mermaid(walnut(), lambda v: f"<{v:g}>", output="total")


def test_hidden_nodes_collapse_into_one_edge():
    x, w = Value(2.0, "x"), Value(0.5, "w")
    h = (w * x + 0.1).sigmoid().named("h")
    out = (h * 3).named("out")
    out.backward()
    found = edges(out, keep={"x", "h", "out"}, hide_grads_of={"x"})
    assert [(e.src, e.dst, e.kind) for e in found] == [
        ("x", "h", "forward"), ("h", "out", "forward"), ("out", "h", "backward"),
    ]
    assert found[0].value == 2.0 and found[2].value == 3.0


def flow(text):
    return [(*e.flow, e.kind, e.value) for e in parse_mermaid(text).edges]


def test_parser_reads_edges_labels_and_link_style():
    text = to_mermaid(walnut(), "g", output="total")
    assert ("m1", "price", "backward", "2.2") in flow(text)
    assert ("price", "m1", "forward", "100") in flow(text)
    assert len(flow(text)) == 10 and sorted(parse_mermaid(text).link_styles()) == [5, 6, 7, 8, 9]
    assert flow('    h1 --> E["E"]') == [("h1", "E", "forward", None)]
    # A gradient line written from the input it reaches carries towards it.
    assert flow('    x -.-|"← 6.5"| mul') == [("mul", "x", "backward", "6.5")]
    assert flow('    L -.->|"1"| y') == [("L", "y", "backward", "1")]
    assert flow('    xp["x > 0"] -->|"y = x"| r1(("×(−1)"))') == [("xp", "r1", "forward", "y = x")]


def test_link_style_problems_are_named():
    text = to_mermaid(walnut(), "g", output="total")
    wrong = text.replace("linkStyle 5,6,7,8,9", "linkStyle 4,5,6,7")
    problems = parse_mermaid(wrong).link_style_problems()
    assert any("count -.- m1 is not red" in p for p in problems)
    assert any("makes edge 4 red" in p for p in problems)
