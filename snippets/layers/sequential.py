"""Layers chained into one network: the chain rule as a loop.

forward runs the layers in order; backward hands the gradient through them in
reverse, each layer applying its own local derivative; step moves every
parameter against its gradient (plain gradient descent).
"""

# --8<-- [start:sequential]
class Sequential:
    """Sequential(Affine(W1, b1), Sigmoid(), ...): forward, backward, params, grads, step."""

    def __init__(self, *layers):
        self.layers = list(layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, dout):
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return dout

    @property
    def params(self):
        """Every parameter array, in layer order (the layers' own arrays, not copies)."""
        return [p for layer in self.layers for p in getattr(layer, "params", [])]

    @property
    def grads(self):
        """The gradients of the last backward pass, aligned with params."""
        return [g for layer in self.layers for g in getattr(layer, "grads", [])]

    def step(self, lr):
        """p <- p - lr * dL/dp for every parameter, in place."""
        grads = self.grads
        if any(g is None for g in grads):
            raise RuntimeError("Sequential.step() called before backward()")
        for param, grad in zip(self.params, grads):
            param -= lr * grad
# --8<-- [end:sequential]
