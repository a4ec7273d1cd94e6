"""Sigmoid as a layer: its backward pass needs only the forward output."""

import numpy as np

from snippets.validation import as_finite_array, require_forward_first, require_same_shape


def sigmoid(x):
    """1 / (1 + exp(-x)) without overflow: exp is only ever taken of -|x|."""
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


# --8<-- [start:sigmoid_layer]
class Sigmoid:
    """y = sigmoid(x); dy/dx = y (1 - y), so the layer keeps y."""

    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = sigmoid(as_finite_array(x, "x"))
        return self.out

    def backward(self, dout):
        require_forward_first(self.out, "Sigmoid")
        require_same_shape("dout", dout, "the forward output", self.out)
        return dout * self.out * (1.0 - self.out)
# --8<-- [end:sigmoid_layer]
