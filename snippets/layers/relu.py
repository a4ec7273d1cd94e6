"""ReLU as a layer: it lets the gradient through where the input was positive."""

import numpy as np

from snippets.validation import as_finite_array, require_forward_first, require_same_shape


# --8<-- [start:relu]
class ReLU:
    """y = max(0, x), remembering where x <= 0 as a boolean mask."""

    def __init__(self):
        self.mask = None

    def forward(self, x):
        x = as_finite_array(x, "x")
        self.mask = x <= 0
        return np.where(self.mask, 0.0, x)  # a new array; x is left untouched

    def backward(self, dout):
        require_forward_first(self.mask, "ReLU")
        require_same_shape("dout", dout, "the forward input", self.mask)
        return np.where(self.mask, 0.0, dout)  # never writes into dout
# --8<-- [end:relu]
