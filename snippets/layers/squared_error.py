"""Squared-error losses, with the two constants the chapters use.

Chapter 6 pairs an identity output with 1/2 sum (y - t)^2, whose gradient is
exactly y - t; chapter 8 averages, (1/n) sum (y - t)^2 over all n entries,
whose gradient is 2 (y - t) / n. Two names, so the constant is never a guess.
"""

# --8<-- [start:squared_error]
import numpy as np

from snippets.targets import as_value_targets
from snippets.validation import as_finite_array, as_loss_gradient, require_forward_first


def difference(y, t):
    """y - t for targets of y's shape; integer labels of class scores become one-hot rows first."""
    y = as_finite_array(y, "y (prediction)")
    if y.size == 0:
        raise ValueError(f"y (prediction) is empty (shape {y.shape}); a loss needs at least one value")
    return y - as_value_targets(t, y, "y (prediction)")


class SumSquaredError:
    """L = 1/2 sum (y - t)^2; backward() returns dL/dy = y - t."""

    def __init__(self):
        self.diff = None

    def forward(self, y, t):
        self.diff = difference(y, t)
        return float(0.5 * np.sum(self.diff**2))

    def backward(self, dout=1.0):
        require_forward_first(self.diff, "SumSquaredError")
        return as_loss_gradient(dout) * self.diff


class MeanSquaredError:
    """L = (1/n) sum (y - t)^2 over all n entries; backward() returns 2 (y - t) / n."""

    def __init__(self):
        self.diff = None

    def forward(self, y, t):
        self.diff = difference(y, t)
        return float(np.mean(self.diff**2))

    def backward(self, dout=1.0):
        require_forward_first(self.diff, "MeanSquaredError")
        return as_loss_gradient(dout) * 2.0 * self.diff / self.diff.size
# --8<-- [end:squared_error]
