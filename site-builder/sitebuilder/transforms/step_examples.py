"""The computations the pages let a reader step through, written with snippets.tracer.

Each example names its inputs (with the published values, labels in both
languages, and a range the tests draw random inputs from) and builds its graph
from a dict of input Values. Node ids are the ones the pages' figures and
tests refer to; ``captions`` names the intermediate results worth a name.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from snippets.tracer import Value


@dataclass(frozen=True)
class Input:
    id: str
    label: dict        # {"ko": ..., "en": ...}
    value: float       # the value the page publishes
    low: float         # random inputs for the tests are drawn from [low, high]
    high: float
    editable: bool = True
    given: bool = False  # a target, not something learned: summaries list no gradient for it


@dataclass(frozen=True)
class Check:
    """A sum the last step spells out: target's gradient = plus − minus (values)."""

    target: str
    label: str
    plus: str
    minus: str


@dataclass(frozen=True)
class Example:
    name: str
    inputs: tuple
    build: Callable    # {input id: Value} -> root Value
    captions: dict = field(default_factory=dict)  # node id -> {"ko": ..., "en": ...} or a plain string
    checks: tuple = ()

    def published(self):
        return {i.id: i.value for i in self.inputs}

    def trace(self, values=None):
        """The root Value after backward(), for the published inputs or ``values``."""
        values = {**self.published(), **(values or {})}
        unknown = set(values) - {i.id for i in self.inputs}
        if unknown:
            raise KeyError(f"{self.name}: no input named {sorted(unknown)}")
        leaves = {i.id: Value(values[i.id], i.id, i.id) for i in self.inputs}
        root = self.build(leaves)
        root.backward()
        return root


def both(ko, en=None):
    return {"ko": ko, "en": en if en is not None else ko}


def _square_of_sum(v):
    return ((v["x"] + v["y"]).named("add") ** 2).named("sq")


def _walnuts(v):
    subtotal = (v["price"] * v["count"]).named("m1")
    return (subtotal * v["tax"]).named("total")


def _walnuts_and_pistachios(v):
    walnuts = (v["wp"] * v["wc"]).named("mw")
    pistachios = (v["pp"] * v["pc"]).named("mp")
    subtotal = (walnuts + pistachios).named("add")
    return (subtotal * v["tax"]).named("total")


def _staged_sigmoid(v):
    neg = (-v["x"]).named("neg")
    e = neg.exp().named("exp")
    s = (1 + e).named("add")
    return (1 / s).named("y")


def _network_121(v):
    h1 = ((v["w1"] * v["x"]).named("w1x") + v["b1"]).named("z1").sigmoid().named("h1")
    h2 = ((v["w2"] * v["x"]).named("w2x") + v["b2"]).named("z2").sigmoid().named("h2")
    weighted = ((v["w3"] * h1).named("w3h1") + (v["w4"] * h2).named("w4h2")).named("sum")
    y_hat = (weighted + v["b3"]).named("zout").sigmoid().named("yhat")
    error = (v["t"] - y_hat).named("err")
    return ((error**2).named("sq") * 0.5).named("L")


def _softmax_with_loss(v):
    e = [v[f"a{k}"].exp().named(f"e{k}") for k in (1, 2, 3)]
    total = ((e[0] + e[1]).named("s12") + e[2]).named("S")
    inverse = total.reciprocal().named("r")
    y = [(e[k - 1] * inverse).named(f"y{k}") for k in (1, 2, 3)]
    terms = [(v[f"t{k}"] * y[k - 1].log().named(f"log{k}")).named(f"tl{k}") for k in (1, 2, 3)]
    return (-((terms[0] + terms[1]).named("c12") + terms[2]).named("c")).named("L")


EXAMPLES = {
    e.name: e
    for e in (
        Example(
            "square_of_sum",
            (Input("x", both("x"), 1.0, -3.0, 3.0), Input("y", both("y"), 2.0, -3.0, 3.0)),
            _square_of_sum,
            {"add": both("u"), "sq": both("z")},
        ),
        Example(
            "walnuts",
            (
                Input("price", both("호두 가격", "walnut price"), 100, 50, 300),
                Input("count", both("호두 개수", "walnut count"), 2, 1, 10),
                Input("tax", both("세금 배율", "tax factor"), 1.1, 1.0, 1.3),
            ),
            _walnuts,
            {"m1": both("소계", "subtotal"), "total": both("지불 금액", "total")},
        ),
        Example(
            "walnuts_and_pistachios",
            (
                Input("wp", both("호두 가격", "walnut price"), 100, 50, 300),
                Input("wc", both("호두 개수", "walnut count"), 2, 1, 10),
                Input("pp", both("피스타치오 가격", "pistachio price"), 150, 50, 300),
                Input("pc", both("피스타치오 개수", "pistachio count"), 3, 1, 10),
                Input("tax", both("세금 배율", "tax factor"), 1.1, 1.0, 1.3),
            ),
            _walnuts_and_pistachios,
            {"add": both("소계", "subtotal"), "total": both("지불 금액", "total")},
        ),
        Example(
            "staged_sigmoid",
            (Input("x", both("x"), 1.0, -4.0, 4.0),),
            _staged_sigmoid,
            {"y": both("y")},
        ),
        Example(
            "network_121",
            (
                Input("x", both("x"), 2.0, -3.0, 3.0),
                Input("w1", both("w₁"), 0.5, -1.5, 1.5),
                Input("b1", both("b₁"), 0.1, -1.0, 1.0),
                Input("w2", both("w₂"), 0.6, -1.5, 1.5),
                Input("b2", both("b₂"), 0.2, -1.0, 1.0),
                Input("w3", both("w₃"), 0.8, -1.5, 1.5),
                Input("w4", both("w₄"), 0.9, -1.5, 1.5),
                Input("b3", both("b₃"), 0.3, -1.0, 1.0),
                Input("t", both("t (정답)", "t (target)"), 1.0, 0.0, 1.0, given=True),
            ),
            _network_121,
            {"z1": both("z₁"), "h1": both("h₁"), "z2": both("z₂"), "h2": both("h₂"), "zout": both("z_out"),
             "yhat": both("ŷ"), "err": both("t − ŷ"), "L": both("L")},
        ),
        Example(
            "softmax_with_loss",
            (
                Input("a1", both("a₁"), 0.3, -3.0, 3.0),
                Input("a2", both("a₂"), 2.9, -3.0, 3.0),
                Input("a3", both("a₃"), 4.0, -3.0, 3.0),
                # One-hot targets stay fixed: y − t is the gradient only when t sums to 1.
                Input("t1", both("t₁"), 0.0, 0.0, 0.0, editable=False, given=True),
                Input("t2", both("t₂"), 1.0, 1.0, 1.0, editable=False, given=True),
                Input("t3", both("t₃"), 0.0, 0.0, 0.0, editable=False, given=True),
            ),
            _softmax_with_loss,
            {"S": both("S"), "r": both("1/S"), "L": both("L"),
             **{f"{node}{k}": both(text.format(k=s)) for k, s in ((1, "₁"), (2, "₂"), (3, "₃"))
                for node, text in (("e", "exp(a{k})"), ("y", "y{k}"), ("log", "log y{k}"), ("tl", "t{k} log y{k}"))}},
            tuple(Check(f"a{k}", f"y{s} − t{s}", f"y{k}", f"t{k}") for k, s in ((1, "₁"), (2, "₂"), (3, "₃"))),
        ),
    )
}
