"""The three figures of the site: each function returns SVG bytes.

Labels are in English symbols and numbers only, so that one file serves both
language versions of a page.
"""

import numpy as np

from snippets.gradient_flow import layer_gradient_flow
from snippets.layers.sigmoid import sigmoid
from snippets.mlp import TwoLayerMLP
from snippets.plots.svg import figure, svg_bytes
from snippets.toy_data import three_blobs


def sigmoid_and_derivative():
    """sigma(x) and sigma'(x) = sigma(x)(1 - sigma(x)), whose peak is 0.25 at x = 0."""
    x = np.linspace(-6.0, 6.0, 241)
    y = sigmoid(x)
    fig, ax = figure()
    ax.plot(x, y, label=r"$\sigma(x)$", color="black")
    ax.plot(x, y * (1.0 - y), label=r"$\sigma'(x) = \sigma(x)(1-\sigma(x))$", color="tab:red")
    ax.axhline(0.25, color="tab:red", linestyle=":", linewidth=1)
    ax.set_xlabel("x")
    ax.legend(loc="upper left")
    return svg_bytes(fig)


def gradient_norms(depth=10, width=32):
    """Per layer, the gradient flowing back (left) and the weight gradient (right), log scale.

    The He run reuses the std-1 draws scaled by sqrt(2 / width), as chapter 9's table does.
    """
    layers = np.arange(1, depth + 1)
    runs = (
        ("sigmoid", "sigmoid", 1.0, "tab:red"),
        ("relu", "relu", 1.0, "tab:blue"),
        ("relu He", "relu", (2 / width) ** 0.5, "tab:green"),
    )
    fig, (left, right) = figure(width=9.6, height=3.6, ncols=2)
    for label, activation, std, colour in runs:
        flow = layer_gradient_flow(activation, depth=depth, width=width, weight_std=std)
        left.semilogy(layers, flow.upstream, marker="o", color=colour, label=label)
        right.semilogy(layers, flow.weight, marker="o", color=colour, label=label)
    left.set_ylabel(r"$\|\partial L / \partial h_k\|$")
    right.set_ylabel(r"$\|\partial L / \partial W_k\|$")
    for ax in (left, right):
        ax.set_xlabel("layer k (1 = closest to the input)")
        ax.set_xticks(layers)
    left.legend()
    return svg_bytes(fig)


def loss_curve(steps=101, learning_rate=0.1):
    """Cross-entropy loss of TwoLayerMLP on three blobs, step by step."""
    x, t = three_blobs(points_per_class=20, seed=0)
    net = TwoLayerMLP(input_size=2, hidden_size=16, output_size=3, seed=0)
    losses = []
    for _ in range(steps):
        losses.append(net.loss(x, t))
        grads = net.gradient(x, t)
        for name in net.params:
            net.params[name] -= learning_rate * grads[name]
    fig, ax = figure()
    ax.plot(np.arange(steps), losses, color="black")
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    return svg_bytes(fig)


FIGURES = {
    "sigmoid.svg": sigmoid_and_derivative,
    "gradient-norms.svg": gradient_norms,
    "loss-curve.svg": loss_curve,
}
