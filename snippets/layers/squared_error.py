"""Squared-error losses, with the two constants the chapters use.

Chapter 6 pairs an identity output with 1/2 sum (y - t)^2, whose gradient is
exactly y - t; chapter 8 averages, (1/n) sum (y - t)^2 over all n entries,
whose gradient is 2 (y - t) / n. Two names, so the constant is never a guess.
"""

# --8<-- [start:squared_error]
import numpy as np
from numpy.typing import ArrayLike

from snippets.targets import as_value_targets
from snippets.validation import as_finite_array, as_loss_gradient, require_forward_first


def difference(y: ArrayLike, t: ArrayLike) -> np.ndarray:
    """y - t, (N, D) and (N, D) -> (N, D), for targets of y's shape.

    Integer labels of class scores, (N,), become one-hot rows first.
    """
    y = as_finite_array(y, "y (prediction)")
    if y.size == 0:
        raise ValueError(f"y (prediction) is empty (shape {y.shape}); a loss needs at least one value")
    return y - as_value_targets(t, y, "y (prediction)")


class SumSquaredError:
    """L = 1/2 sum (y - t)^2, y and t: (N, D) -> L: (); backward() returns dL/dy = y - t: (N, D)."""

    def __init__(self) -> None:
        self.diff = None

    def forward(self, y: ArrayLike, t: ArrayLike) -> float:
        """y: (N, D) prediction, t: (N, D) target -> the loss, a number ()."""
        self.diff = difference(y, t)
        return float(0.5 * np.sum(self.diff**2))

    def backward(self, dout: float = 1.0) -> np.ndarray:
        """dout: () -> dL/dy: (N, D), shaped like y."""
        require_forward_first(self.diff, "SumSquaredError")
        return as_loss_gradient(dout) * self.diff


class MeanSquaredError:
    """L = (1/n) sum (y - t)^2 over all n entries, y and t: (N, D) -> L: ().

    backward() returns 2 (y - t) / n: (N, D).
    """

    def __init__(self) -> None:
        self.diff = None

    def forward(self, y: ArrayLike, t: ArrayLike) -> float:
        """y: (N, D) prediction, t: (N, D) target -> the loss, a number ()."""
        self.diff = difference(y, t)
        return float(np.mean(self.diff**2))

    def backward(self, dout: float = 1.0) -> np.ndarray:
        """dout: () -> dL/dy: (N, D), shaped like y."""
        require_forward_first(self.diff, "MeanSquaredError")
        return as_loss_gradient(dout) * 2.0 * self.diff / self.diff.size
# --8<-- [end:squared_error]
