"""ReLU as a layer: it lets the gradient through where the input was positive."""

# --8<-- [start:relu]
import numpy as np
from numpy.typing import ArrayLike

from snippets.validation import as_finite_array, as_upstream_gradient, require_forward_first


class ReLU:
    """y = max(0, x) element-wise, x: (N, D) -> y: (N, D) (any shape in, the same out).

    Remembers where x <= 0 as a boolean mask.

    At exactly x = 0 the gradient is taken as 0 (the mask includes 0), as
    Deep Learning from Scratch and PyTorch do.
    """

    def __init__(self) -> None:
        self.mask = None

    def forward(self, x: ArrayLike) -> np.ndarray:
        """x: (N, D) -> (N, D), any shape kept; remembers the mask for backward."""
        x = as_finite_array(x, "x")
        self.mask = x <= 0
        return np.where(self.mask, 0.0, x)  # a new array; x is left untouched

    def backward(self, dout: ArrayLike) -> np.ndarray:
        """dout: (N, D) -> dx: (N, D), zero where x was <= 0."""
        require_forward_first(self.mask, "ReLU")
        dout = as_upstream_gradient(dout, self.mask.shape)
        return np.where(self.mask, 0.0, dout)  # never writes into dout
# --8<-- [end:relu]
