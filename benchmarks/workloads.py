"""What the benchmark times: seeded batches, and the plain-NumPy step doing only PyTorch's work."""

import numpy as np

from snippets.mlp import PARAM_NAMES

LEARNING_RATE = 0.1  # of every training step timed, NumPy and PyTorch alike


def make_batch(batch, inputs, classes, seed=0):
    """Inputs from a standard normal and one-hot targets, both from a fixed seed."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((batch, inputs))
    t = np.eye(classes)[rng.integers(0, classes, batch)]
    return x, t


def parameter_count(net):
    return sum(p.size for p in net.params.values())


def shape_label(sizes):
    return "-".join(str(s) for s in sizes)


def backward_only(net):
    """The backward half of TwoLayerMLP.gradient, after a forward pass has run."""
    dout = net.last_layer.backward(1.0)
    for layer in reversed(net.layers):
        dout = layer.backward(dout)
    return dout


def equal_work_gradient(params, x, t):
    """TwoLayerMLP.gradient's arithmetic with only what a training step needs.

    What PyTorch's step does and snippets.mlp does on top: no input checks
    (finite values, shapes), no gradient with respect to the input x, and the
    softmax computed once (snippets.layers computes softmax and log-softmax
    separately).
    """
    W1, b1, W2, b2 = (params[name] for name in PARAM_NAMES)
    hidden = x @ W1 + b1
    active = hidden > 0
    relu = hidden * active
    scores = relu @ W2 + b2
    shifted = scores - scores.max(axis=1, keepdims=True)
    y = np.exp(shifted)
    y /= y.sum(axis=1, keepdims=True)
    dscores = (y - t) / x.shape[0]
    dhidden = (dscores @ W2.T) * active
    return {"W1": x.T @ dhidden, "b1": dhidden.sum(axis=0), "W2": relu.T @ dscores, "b2": dscores.sum(axis=0)}


def sgd_step(params, grads):
    for name in PARAM_NAMES:
        params[name] -= LEARNING_RATE * grads[name]  # in place: the layers see it
