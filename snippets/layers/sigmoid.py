"""Sigmoid as a layer: its backward pass needs only the forward output."""

# --8<-- [start:sigmoid_layer]
import numpy as np
from numpy.typing import ArrayLike

from snippets.validation import as_finite_array, as_upstream_gradient, require_forward_first


def sigmoid(x: ArrayLike) -> np.ndarray:
    """1 / (1 + exp(-x)) element-wise, x: (N, D) -> (N, D), without overflow: exp is only ever taken of -|x|."""
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


class Sigmoid:
    """y = sigmoid(x), x: (N, D) -> y: (N, D); dy/dx = y (1 - y), so the layer keeps y."""

    def __init__(self) -> None:
        self.out = None

    def forward(self, x: ArrayLike) -> np.ndarray:
        """x: (N, D) -> (N, D), any shape kept; keeps the output for backward."""
        self.out = sigmoid(as_finite_array(x, "x"))
        return self.out

    def backward(self, dout: ArrayLike) -> np.ndarray:
        """dout: (N, D) -> dx: (N, D), dout * y (1 - y)."""
        require_forward_first(self.out, "Sigmoid")
        dout = as_upstream_gradient(dout, self.out.shape)
        return dout * self.out * (1.0 - self.out)
# --8<-- [end:sigmoid_layer]
