"""The fully connected layer y = x W + b, for a batch of inputs of any shape."""

import numpy as np

from snippets.validation import as_finite_array, require_forward_first


# --8<-- [start:affine]
class Affine:
    """Keeps x for dW = x^T dout, and W for dx = dout W^T.

    An input of shape (N, d1, d2, ...) is flattened to (N, d1*d2*...) so that
    images and vectors go through the same matrix product; backward reshapes
    dx back to the shape the caller gave.
    """

    def __init__(self, W, b):
        self.W = as_finite_array(W, "W")
        self.b = as_finite_array(b, "b")
        if self.W.ndim != 2 or self.b.shape != (self.W.shape[1],):
            raise ValueError(
                f"W must be 2-D and b must have shape ({self.W.shape[-1]},); "
                f"got W {self.W.shape} and b {self.b.shape}"
            )
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        x = as_finite_array(x, "x")
        self.original_x_shape = x.shape
        flat = x.reshape(1, -1) if x.ndim == 1 else x.reshape(x.shape[0], -1)
        if flat.shape[1] != self.W.shape[0]:
            raise ValueError(
                f"x has shape {x.shape}, which gives {flat.shape[1]} features, "
                f"but W has shape {self.W.shape}"
            )
        self.x = flat
        out = flat @ self.W + self.b
        return out[0] if x.ndim == 1 else out

    def backward(self, dout):
        require_forward_first(self.x, "Affine")
        dout = np.asarray(dout, dtype=float).reshape(self.x.shape[0], -1)
        if dout.shape != (self.x.shape[0], self.W.shape[1]):
            raise ValueError(
                f"dout has shape {dout.shape} but the forward output had shape "
                f"{(self.x.shape[0], self.W.shape[1])}"
            )
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        dx = dout @ self.W.T
        return dx.reshape(self.original_x_shape)
# --8<-- [end:affine]
