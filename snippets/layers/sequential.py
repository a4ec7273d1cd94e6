"""Layers chained into one network: the chain rule as a loop.

forward runs the layers in order; backward hands the gradient through them in
reverse, each layer applying its own local derivative; step moves every
parameter against its gradient (plain gradient descent).
"""

# --8<-- [start:sequential]
import numpy as np
from numpy.typing import ArrayLike


class Sequential:
    """Sequential(Affine(W1, b1), Sigmoid(), ...): x: (N, D_in) -> (N, D_out) through every layer.

    forward, backward, params, grads, step.
    """

    def __init__(self, *layers) -> None:
        self.layers = list(layers)

    def forward(self, x: ArrayLike) -> np.ndarray:
        """x: (N, D_in) -> (N, D_out), each layer's output the next one's input."""
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, dout: ArrayLike) -> np.ndarray:
        """dout: (N, D_out) -> dx: (N, D_in), through the layers in reverse."""
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return dout

    @property
    def params(self) -> list[np.ndarray]:
        """Every parameter array, in layer order (the layers' own arrays, not copies), e.g. W: (D_in, D_out)."""
        return [p for layer in self.layers for p in getattr(layer, "params", [])]

    @property
    def grads(self) -> list[np.ndarray]:
        """The last backward pass's gradients, aligned with params, each shaped like its parameter (D_in, D_out)."""
        return [g for layer in self.layers for g in getattr(layer, "grads", [])]

    def step(self, lr: float) -> None:
        """p <- p - lr * dL/dp for every parameter, in place: lr is a number (), p keeps its shape (D_in, D_out)."""
        grads = self.grads
        if any(g is None for g in grads):
            raise RuntimeError("Sequential.step() called before backward()")
        for param, grad in zip(self.params, grads):
            param -= lr * grad
# --8<-- [end:sequential]
