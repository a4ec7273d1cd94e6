"""A two-layer network assembled from the layers of the earlier chapters.

Affine -> ReLU -> Affine -> SoftmaxWithLoss. Each layer already knows its own
backward step, so the network's backward pass is nothing more than calling
them in reverse order. The layers hold the very arrays stored in ``params``:
an in-place update such as ``params["W1"] -= lr * grads["W1"]`` (or the
in-place nudges of numerical differentiation) is seen by the layers at once.
"""

# --8<-- [start:init]
import numpy as np

from snippets.gradient import numerical_gradient as numerical_gradient_of
from snippets.layers import Affine, ReLU, SoftmaxWithLoss

PARAM_NAMES = ("W1", "b1", "W2", "b2")


class TwoLayerMLP:
    """scores = relu(x W1 + b1) W2 + b2, x: (N, input_size) -> scores: (N, output_size).

    W1: (input_size, hidden_size), W2: (hidden_size, output_size); trained with softmax cross-entropy.
    """

    def __init__(self, input_size: int, hidden_size: int, output_size: int, weight_scale: float = 0.1,
                 seed: int = 0) -> None:
        rng = np.random.default_rng(seed)
        self.layers = [
            Affine(weight_scale * rng.standard_normal((input_size, hidden_size)), np.zeros(hidden_size)),
            ReLU(),
            Affine(weight_scale * rng.standard_normal((hidden_size, output_size)), np.zeros(output_size)),
        ]
        # params names the layers' own arrays (the same arrays, not copies).
        first, second = self.layers[0], self.layers[2]
        self.params = {"W1": first.W, "b1": first.b, "W2": second.W, "b2": second.b}
        self.last_layer = SoftmaxWithLoss()
    # --8<-- [end:init]

    # --8<-- [start:forward]
    def predict(self, x):
        """Class scores (before softmax), x: (N, input_size) -> (N, output_size)."""
        self._share_params()
        out = x
        for layer in self.layers:
            out = layer.forward(out)  # each layer caches what its backward needs
        return out

    def loss(self, x, t):
        """Mean softmax cross-entropy, x: (N, input_size), t one-hot (N, output_size) -> a number ()."""
        return self.last_layer.forward(self.predict(x), t)

    def _share_params(self):
        # If a caller replaced an array in params (params["W1"] = ...) instead of
        # updating it in place, point the layers at the new array.
        first, second = self.layers[0], self.layers[2]
        first.W, first.b = self.params["W1"], self.params["b1"]
        second.W, second.b = self.params["W2"], self.params["b2"]
    # --8<-- [end:forward]

    # --8<-- [start:backward]
    def gradient(self, x, t):
        """Backpropagation: x: (N, input_size) -> {"W1": (input_size, hidden_size), "b1": (hidden_size,), ...}."""
        self.loss(x, t)
        dout = self.last_layer.backward(1.0)  # (y - t) / N
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        first, second = self.layers[0], self.layers[2]
        return {"W1": first.dW, "b1": first.db, "W2": second.dW, "b2": second.db}
    # --8<-- [end:backward]

    # --8<-- [start:numerical]
    def numerical_gradient(self, x, t):
        """The same gradients by central differences, each shaped like its parameter (e.g. W1: (D_in, H))."""
        def loss_of(_):
            return self.loss(x, t)

        return {name: numerical_gradient_of(loss_of, self.params[name]) for name in PARAM_NAMES}
    # --8<-- [end:numerical]
