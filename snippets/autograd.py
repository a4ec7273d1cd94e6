"""A tiny scalar autograd engine: ``from snippets.autograd import Value``.

Every Value is one number (shape ``()``, as NumPy writes the shape of a
scalar). It remembers the operation that made it, its inputs, and the local
derivative with respect to each input (known as soon as the forward value
is). ``backward()`` then adds d root / d node to ``node.grad`` for every
node: the same reverse sweep as PyTorch's autograd, on plain Python floats.
As in PyTorch, gradients accumulate across calls; ``zero_grad()`` clears them.

A plain number mixed into an operation (``x + 1``, ``0.5 * v``) is folded into
the operation ("+1", "×0.5"): only values are nodes of the graph. Each node's
``kind`` and ``const`` name its operation for code that recomputes the graph
elsewhere (snippets.tracer draws it; the site's step-through figures replay it).
"""

from __future__ import annotations

import itertools
import math
import numbers

_ids = itertools.count(1)


def _finite(number: float, what: str) -> float:
    """number as a float, or a ValueError that names what it was meant to be."""
    if isinstance(number, bool) or not isinstance(number, numbers.Real):
        raise TypeError(f"{what} must be a real number, got {type(number).__name__}")
    number = float(number)
    if not math.isfinite(number):
        raise ValueError(f"{what} must be finite, got {number}")
    return number


class Value:
    """One number that records how it was computed, shape () -> (): Value(2.0).

    ``data`` is the number, ``grad`` the gradient d root / d self after
    ``root.backward()`` (a float, shape ()). ``inputs`` and ``local`` are the
    values this one was computed from and d self / d inputs[i].
    """

    def __init__(self, data: float, id: str | None = None, label: str | None = None, op: str | None = None,
                 inputs: tuple[Value, ...] = (), local: tuple[float, ...] = (),
                 kind: str | None = None, const: float | None = None) -> None:
        self.data = _finite(data, "a Value's data")
        self.grad = 0.0
        self.id = id or f"n{next(_ids)}"
        self.label = label or op or self.id  # node text in a diagram
        self.op = op                          # None for a leaf
        self.kind = kind                      # "mul", "exp", ...; None for a leaf
        self.const = const                    # the folded number of "+1", "×0.5", "x²"
        self.inputs = tuple(inputs)
        self.local = tuple(local)             # d self / d inputs[i]

    def named(self, id: str, label: str | None = None) -> Value:
        """Give a node the id (and text) a page's diagram uses; returns self, shape () -> ()."""
        self.id = id
        if label is not None:
            self.label = label
        return self

    def __repr__(self) -> str:
        return f"Value({self.id}={self.data:g}, grad={self.grad:g})"

    # -- operations: value, inputs and local derivatives ------------------
    def _unary(self, op: str, kind: str, data: float, local: float, const: float | None = None) -> Value:
        return Value(data, op=op, kind=kind, const=const, inputs=(self,), local=(local,))

    def __add__(self, other: Value | float) -> Value:
        """self + other, shapes () + () -> (); d/dself = d/dother = 1."""
        if not isinstance(other, Value):
            other = _finite(other, "the number added")
            sign = "+" if other >= 0 else "−"
            return self._unary(f"{sign}{abs(other):g}", "add_const", self.data + other, 1.0, other)
        return Value(self.data + other.data, op="+", kind="add", inputs=(self, other), local=(1.0, 1.0))

    __radd__ = __add__

    def __mul__(self, other: Value | float) -> Value:
        """self * other, shapes () * () -> (); each input's local derivative is the other input."""
        if not isinstance(other, Value):
            other = _finite(other, "the factor")
            return self._unary(f"×{other:g}", "mul_const", self.data * other, other, other)
        return Value(self.data * other.data, op="×", kind="mul", inputs=(self, other),
                     local=(other.data, self.data))

    __rmul__ = __mul__

    def __neg__(self) -> Value:
        """-self, shape () -> (); local derivative -1."""
        return self._unary("×(−1)", "neg", -self.data, -1.0)

    def __sub__(self, other: Value | float) -> Value:
        """self - other, shapes () - () -> (); local derivatives 1 and -1."""
        if not isinstance(other, Value):
            return self + (-_finite(other, "the number subtracted"))
        return Value(self.data - other.data, op="−", kind="sub", inputs=(self, other), local=(1.0, -1.0))

    def __rsub__(self, other: float) -> Value:
        """other - self for a plain number other, shape () -> ()."""
        return (-self) + other

    def __pow__(self, exponent: float) -> Value:
        """self ** n for a plain number n, shape () -> (); local derivative n self^(n-1)."""
        if isinstance(exponent, Value):
            raise TypeError("the exponent of ** must be a plain number, not a Value")
        n = _finite(exponent, "the exponent")
        if self.data == 0 and n < 1:
            raise ValueError(f"0 ** {n:g} has no finite derivative")
        label = {2.0: "x²", 3.0: "x³", -1.0: "x⁻¹"}.get(n, f"x^{n:g}")
        return self._unary(label, "pow", self.data**n, n * self.data ** (n - 1), n)

    def square(self) -> Value:
        """self ** 2, shape () -> ()."""
        return self**2

    def reciprocal(self) -> Value:
        """1 / self, shape () -> (); local derivative -1 / self^2."""
        if self.data == 0:
            raise ZeroDivisionError("1/x of a Value that is 0")
        return self._unary("1/x", "reciprocal", 1.0 / self.data, -1.0 / self.data**2)

    def __truediv__(self, other: Value | float) -> Value:
        """self / other, shapes () / () -> (): self times the reciprocal of other."""
        if not isinstance(other, Value):
            other = _finite(other, "the divisor")
            if other == 0:
                raise ZeroDivisionError("a Value divided by the number 0")
            return self * (1.0 / other)
        return self * other.reciprocal()

    def __rtruediv__(self, other: float) -> Value:
        """other / self for a plain number other, shape () -> ()."""
        return self.reciprocal() * other if other != 1 else self.reciprocal()

    def exp(self) -> Value:
        """e ** self, shape () -> (); local derivative is the output itself."""
        if self.data > 709.0:
            raise OverflowError(f"exp({self.data:g}) is too large for a float")
        e = math.exp(self.data)
        return self._unary("exp", "exp", e, e)

    def log(self) -> Value:
        """Natural log of a positive self, shape () -> (); local derivative 1 / self."""
        if self.data <= 0:
            raise ValueError(f"log needs a positive input, got {self.data:g}")
        return self._unary("log", "log", math.log(self.data), 1.0 / self.data)

    def sigmoid(self) -> Value:
        """1 / (1 + e^-self), shape () -> (); local derivative y (1 - y)."""
        y = 1.0 / (1.0 + math.exp(-self.data)) if self.data >= 0 else \
            math.exp(self.data) / (1.0 + math.exp(self.data))
        return self._unary("sigmoid", "sigmoid", y, y * (1.0 - y))

    def tanh(self) -> Value:
        """tanh(self), shape () -> (); local derivative 1 - tanh^2."""
        t = math.tanh(self.data)
        return self._unary("tanh", "tanh", t, 1.0 - t * t)

    def relu(self) -> Value:
        """max(0, self), shape () -> (); gradient 0 at exactly 0, as PyTorch and the ReLU layer define it."""
        positive = self.data > 0
        return self._unary("ReLU", "relu", self.data if positive else 0.0, 1.0 if positive else 0.0)

    # -- backpropagation --------------------------------------------------
    def topological_order(self) -> list[Value]:
        """Every node this value depends on, each after all of its inputs: () -> list of Values.

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

    def backward(self) -> None:
        """Add d self / d node to node.grad for every node (self's own grad gains 1), shape () -> ().

        Gradients accumulate across calls, as in PyTorch: calling backward()
        twice gives twice the gradient. Call zero_grad() first for a fresh start.
        Each call sweeps its own gradients first and then adds them, so an
        intermediate node's earlier gradient is never sent on a second time.
        """
        order = self.topological_order()
        sweep = {id(self): 1.0}
        for node in reversed(order):
            upstream = sweep.get(id(node), 0.0)
            for parent, local in zip(node.inputs, node.local):
                sweep[id(parent)] = sweep.get(id(parent), 0.0) + upstream * local
        for node in order:
            node.grad += sweep.get(id(node), 0.0)

    def zero_grad(self) -> None:
        """Set grad to 0 on self and every node it depends on (PyTorch's zero_grad), shape () -> ()."""
        for node in self.topological_order():
            node.grad = 0.0


__all__ = ["Value"]
