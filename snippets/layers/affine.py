"""The fully connected layer y = x W + b, for a batch of inputs of any shape."""

# --8<-- [start:affine]
import numpy as np
from numpy.typing import ArrayLike

from snippets.validation import as_finite_array, as_upstream_gradient, require_forward_first

# Affine(2, 4) is nn.Linear(in, out) from PyTorch habit; this layer never makes up weights.
HOW_TO_BUILD = ("Affine takes the weights themselves, not sizes: Affine(W, b) with W of shape (inputs, outputs) "
                "and b of shape (outputs,), e.g. Affine(0.01 * rng.standard_normal((2, 4)), np.zeros(4)) "
                "for 2 inputs and 4 outputs")


class Affine:
    """y = x W + b, x: (N, D_in) -> y: (N, D_out), with W: (D_in, D_out) and b: (D_out,).

    Row i of W holds input i's weights.

    W and b are copied, so the layer owns its parameters: training it never
    changes the caller's arrays (read the trained ones from layer.W, layer.b).
    b=None gives a layer without bias. Keeps x for dW = x^T dout, W for dx = dout W^T;
    an input of shape (N, d1, d2, ...) is flattened to (N, d1*d2*...).
    """

    def __init__(self, W: ArrayLike, b: ArrayLike | None = None) -> None:
        self.W = as_finite_array(W, "W", copy=True)
        if self.W.ndim != 2 or self.W.size == 0:
            raise ValueError(f"W must be a non-empty 2-D array; got shape {self.W.shape}. {HOW_TO_BUILD}")
        self.b = None if b is None else as_finite_array(b, "b", copy=True)
        if self.b is not None and self.b.shape != (self.W.shape[1],):
            raise ValueError(f"b must have shape ({self.W.shape[1]},) to match W {self.W.shape}; "
                             f"got b {self.b.shape}")
        self.x = self.x_shape = self.dW = self.db = None

    def forward(self, x: ArrayLike) -> np.ndarray:
        """x: (N, D_in) -> (N, D_out); also (D_in,) -> (D_out,) and (N, d1, d2, ...) -> (N, D_out)."""
        x = as_finite_array(x, "x")
        if x.ndim == 0 or x.size == 0:
            raise ValueError(f"x must be one sample of shape ({self.W.shape[0]},) or a non-empty batch "
                             f"(N, {self.W.shape[0]}); got shape {x.shape}")
        flat = x.reshape(1, -1) if x.ndim == 1 else x.reshape(x.shape[0], -1)
        if flat.shape[1] != self.W.shape[0]:
            raise ValueError(f"x has shape {x.shape}, which gives {flat.shape[1]} features, "
                             f"but W has shape {self.W.shape}")
        self.x, self.x_shape = flat, x.shape
        out = flat @ self.W if self.b is None else flat @ self.W + self.b
        return out[0] if x.ndim == 1 else out

    def backward(self, dout: ArrayLike) -> np.ndarray:
        """dout: (N, D_out) -> dx: shaped like forward's x; sets dW: (D_in, D_out) and db: (D_out,)."""
        require_forward_first(self.x, "Affine")
        out_shape = (self.W.shape[1],) if len(self.x_shape) == 1 else (self.x.shape[0], self.W.shape[1])
        dout = as_upstream_gradient(dout, out_shape).reshape(self.x.shape[0], -1)  # checked, then reshaped
        self.dW = self.x.T @ dout
        self.db = None if self.b is None else dout.sum(axis=0)
        return (dout @ self.W.T).reshape(self.x_shape)

    @property
    def params(self) -> list[np.ndarray]:
        """[W: (D_in, D_out), b: (D_out,)], the layer's own arrays ([W] without bias)."""
        return [self.W] if self.b is None else [self.W, self.b]

    @property
    def grads(self) -> list[np.ndarray]:
        """[dW: (D_in, D_out), db: (D_out,)] of the last backward, aligned with params."""
        return [self.dW] if self.b is None else [self.dW, self.db]
# --8<-- [end:affine]
