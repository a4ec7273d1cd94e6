"""A tiny scalar autograd engine that also keeps the pages' graph diagrams honest.

Every value remembers the operation that made it, its inputs, and the local
derivative with respect to each input (known as soon as the forward value is).
``backward()`` then fills ``.grad`` for every node: the same reverse sweep as
PyTorch's autograd, on plain Python floats. ``to_mermaid`` draws the graph in
the site's style, so a diagram's numbers can be compared with a real
computation instead of being typed by hand (pagemodel.mermaid reads a page's
diagram back for that comparison).

A plain number mixed into an operation (``x + 1``, ``0.5 * v``) is folded into
the operation ("+1", "×0.5"): only values are nodes of the graph. Each node's
``kind`` and ``const`` name its operation for code that recomputes the graph
elsewhere (the pages' step-through figures do it in the browser).
"""

import itertools
import math
import numbers
from dataclasses import dataclass

_ids = itertools.count(1)


def _finite(number, what):
    """number as a float, or a ValueError that names what it was meant to be."""
    if isinstance(number, bool) or not isinstance(number, numbers.Real):
        raise TypeError(f"{what} must be a real number, got {type(number).__name__}")
    number = float(number)
    if not math.isfinite(number):
        raise ValueError(f"{what} must be finite, got {number}")
    return number


class Value:
    def __init__(self, data, id=None, label=None, op=None, inputs=(), local=(), kind=None, const=None):
        self.data = _finite(data, "a Value's data")
        self.grad = 0.0
        self.id = id or f"n{next(_ids)}"
        self.label = label or op or self.id  # node text in a diagram
        self.op = op                          # None for a leaf
        self.kind = kind                      # "mul", "exp", ...; None for a leaf
        self.const = const                    # the folded number of "+1", "×0.5", "x²"
        self.inputs = tuple(inputs)
        self.local = tuple(local)             # d self / d inputs[i]

    def named(self, id, label=None):
        """Give a node the id (and text) a page's diagram uses; returns self."""
        self.id = id
        if label is not None:
            self.label = label
        return self

    def __repr__(self):
        return f"Value({self.id}={self.data:g}, grad={self.grad:g})"

    # -- operations: value, inputs and local derivatives ------------------
    def _unary(self, op, kind, data, local, const=None):
        return Value(data, op=op, kind=kind, const=const, inputs=(self,), local=(local,))

    def __add__(self, other):
        if not isinstance(other, Value):
            other = _finite(other, "the number added")
            sign = "+" if other >= 0 else "−"
            return self._unary(f"{sign}{abs(other):g}", "add_const", self.data + other, 1.0, other)
        return Value(self.data + other.data, op="+", kind="add", inputs=(self, other), local=(1.0, 1.0))

    __radd__ = __add__

    def __mul__(self, other):
        if not isinstance(other, Value):
            other = _finite(other, "the factor")
            return self._unary(f"×{other:g}", "mul_const", self.data * other, other, other)
        return Value(self.data * other.data, op="×", kind="mul", inputs=(self, other),
                     local=(other.data, self.data))

    __rmul__ = __mul__

    def __neg__(self):
        return self._unary("×(−1)", "neg", -self.data, -1.0)

    def __sub__(self, other):
        if not isinstance(other, Value):
            return self + (-_finite(other, "the number subtracted"))
        return Value(self.data - other.data, op="−", kind="sub", inputs=(self, other), local=(1.0, -1.0))

    def __rsub__(self, other):
        return (-self) + other

    def __pow__(self, exponent):
        if isinstance(exponent, Value):
            raise TypeError("the exponent of ** must be a plain number, not a Value")
        n = _finite(exponent, "the exponent")
        if self.data == 0 and n < 1:
            raise ValueError(f"0 ** {n:g} has no finite derivative")
        label = {2.0: "x²", 3.0: "x³", -1.0: "x⁻¹"}.get(n, f"x^{n:g}")
        return self._unary(label, "pow", self.data**n, n * self.data ** (n - 1), n)

    def square(self):
        return self**2

    def reciprocal(self):
        if self.data == 0:
            raise ZeroDivisionError("1/x of a Value that is 0")
        return self._unary("1/x", "reciprocal", 1.0 / self.data, -1.0 / self.data**2)

    def __truediv__(self, other):
        if not isinstance(other, Value):
            other = _finite(other, "the divisor")
            if other == 0:
                raise ZeroDivisionError("a Value divided by the number 0")
            return self * (1.0 / other)
        return self * other.reciprocal()

    def __rtruediv__(self, other):
        return self.reciprocal() * other if other != 1 else self.reciprocal()

    def exp(self):
        if self.data > 709.0:
            raise OverflowError(f"exp({self.data:g}) is too large for a float")
        e = math.exp(self.data)
        return self._unary("exp", "exp", e, e)

    def log(self):
        if self.data <= 0:
            raise ValueError(f"log needs a positive input, got {self.data:g}")
        return self._unary("log", "log", math.log(self.data), 1.0 / self.data)

    def sigmoid(self):
        y = 1.0 / (1.0 + math.exp(-self.data)) if self.data >= 0 else \
            math.exp(self.data) / (1.0 + math.exp(self.data))
        return self._unary("sigmoid", "sigmoid", y, y * (1.0 - y))

    def tanh(self):
        t = math.tanh(self.data)
        return self._unary("tanh", "tanh", t, 1.0 - t * t)

    def relu(self):
        # Gradient 0 at exactly 0, as PyTorch and the ReLU layer define it.
        positive = self.data > 0
        return self._unary("ReLU", "relu", self.data if positive else 0.0, 1.0 if positive else 0.0)

    # -- backpropagation --------------------------------------------------
    def topological_order(self):
        """Every node this value depends on, each after all of its inputs.

        An explicit stack instead of recursion, so a chain of any length
        works (Python's recursion limit stops a recursive walk near 1000).
        """
        order, seen = [], {id(self)}
        stack = [(self, iter(self.inputs))]
        while stack:
            node, inputs = stack[-1]
            for parent in inputs:
                if id(parent) not in seen:
                    seen.add(id(parent))
                    stack.append((parent, iter(parent.inputs)))
                    break
            else:
                stack.pop()
                order.append(node)
        return order

    def backward(self):
        """d self / d node for every node, into node.grad (starting from 1)."""
        order = self.topological_order()
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            for parent, local in zip(node.inputs, node.local):
                parent.grad += node.grad * local


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str
    kind: str      # "forward" or "backward"
    value: float   # forward: the source's value; backward: the gradient sent along


def edges(root, output=None, keep=None, hide_grads_of=()):
    """The diagram's edges, forward ones first, after ``root.backward()``.

    ``output`` adds a terminal node (``root -> output`` and back with root.grad).
    ``keep`` (ids) draws only those nodes: a hidden chain between two kept nodes
    becomes one edge whose backward value sums the chain's gradients.
    ``hide_grads_of`` (ids) gets no backward edge, as for an input whose gradient
    nobody needs.
    """
    order = root.topological_order()
    shown = [n for n in order if keep is None or n.id in keep]
    shown_ids = {id(n) for n in shown}

    def reach(node):  # {kept ancestor: d node / d ancestor through hidden nodes}
        through = {}
        for parent, local in zip(node.inputs, node.local):
            if id(parent) in shown_ids:
                through[parent] = through.get(parent, 0.0) + local
            else:
                for ancestor, d in reach(parent).items():
                    through[ancestor] = through.get(ancestor, 0.0) + local * d
        return through

    links = [(node, reach(node)) for node in shown]
    forward = [Edge(a.id, b.id, "forward", a.data) for b, r in links for a in r]
    backward = [Edge(b.id, a.id, "backward", b.grad * d)
                for b, r in reversed(links) for a, d in r.items() if a.id not in hide_grads_of]
    if output is not None:
        forward.append(Edge(root.id, output, "forward", root.data))
        backward.insert(0, Edge(output, root.id, "backward", root.grad))
    return forward + backward


def to_mermaid(root, fmt="g", output=None, output_label=None, keep=None, hide_grads_of=()):
    """A ``flowchart LR`` in the site's style; fmt is a format spec or a function."""
    number = fmt if callable(fmt) else (lambda v: format(v, fmt))
    nodes = {n.id: n for n in root.topological_order()}
    declared, lines = set(), ["flowchart LR"]

    def ref(node_id):
        if node_id in declared:
            return node_id
        declared.add(node_id)
        node = nodes.get(node_id)
        if node is None:
            return f'{node_id}["{output_label or node_id}"]'
        return f'{node_id}(("{node.label}"))' if node.op else f'{node_id}["{node.label}"]'

    all_edges = edges(root, output, keep, hide_grads_of)
    for e in all_edges:
        if e.kind == "forward":
            lines.append(f'    {ref(e.src)} -->|"{number(e.value)}"| {ref(e.dst)}')
        else:  # written from the input it reaches, so mermaid keeps inputs on the left
            lines.append(f'    {ref(e.dst)} -.-|"← {number(e.value)}"| {ref(e.src)}')
    red = [str(i) for i, e in enumerate(all_edges) if e.kind == "backward"]
    if red:
        lines.append(f"    linkStyle {','.join(red)} stroke:red,color:red")
    return "\n".join(lines) + "\n"
