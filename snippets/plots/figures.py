"""The three figures of the site: each function returns SVG bytes.

Labels are in English symbols and numbers only, so that one file serves both
language versions of a page.
"""

import numpy as np

from snippets.ch08.mlp_training import train
from snippets.gradient_flow import layer_gradient_norms
from snippets.layers.sigmoid import sigmoid
from snippets.plots.svg import figure, svg_bytes


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


def gradient_norms(depth=10):
    """Per-layer norm of dL/dW in a 10-layer net, sigmoid against ReLU, log scale."""
    layers = np.arange(1, depth + 1)
    fig, ax = figure()
    for activation, colour in (("sigmoid", "tab:red"), ("relu", "tab:blue")):
        norms = layer_gradient_norms(activation, depth=depth)
        ax.semilogy(layers, norms, marker="o", color=colour, label=activation)
    ax.set_xlabel("layer (1 = closest to the input)")
    ax.set_ylabel(r"$\|\partial L / \partial W\|$")
    ax.set_xticks(layers)
    ax.legend()
    return svg_bytes(fig)


def loss_curve(steps=101):
    """Cross-entropy loss, step by step, of the training run chapter 8 shows."""
    _, losses = train(steps, report_every=None)
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
