"""The figures of the site: each function returns SVG bytes.

Labels are in English symbols and numbers only, so that one file serves both
language versions of a page.
"""

import contextlib
import io
import runpy

import numpy as np

from sitebuilder.generators.plots.svg import figure, svg_bytes
from sitebuilder.pagemodel.site import DOCS
from snippets.ch08.mlp_training import train
from snippets.gradient_flow import layer_gradient_flow
from snippets.layers.sigmoid import sigmoid


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


def loss_curve(steps=101):
    """Cross-entropy loss, step by step, of the training run chapter 8 shows."""
    _, losses = train(steps, report_every=None)
    fig, ax = figure()
    ax.plot(np.arange(steps), losses, color="black")
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    return svg_bytes(fig)


def spiral_boundaries(grid_points=100):
    """Decision regions of chapter 8's linear classifier and MLP on the spiral, side by side.

    The models come from running snippets/ch08/spiral.py as a script (its printed
    accuracies are discarded here), so the figure shows the page's own run.
    """
    with contextlib.redirect_stdout(io.StringIO()):
        run = runpy.run_module("snippets.ch08.spiral", run_name="__main__")  # as python -m runs it
    x, t = run["x"], run["t"]
    labels = t.argmax(axis=1)
    axis = np.linspace(-1.2, 1.2, grid_points)
    gx, gy = np.meshgrid(axis, axis)
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    models = (
        ("linear", run["linear"].forward),
        ("two-layer MLP", run["mlp"].predict),
    )
    colours = np.array(["tab:red", "tab:blue", "tab:green"])
    fig, axes = figure(width=9.6, height=4.4, ncols=2)
    for ax, (title, scores_of) in zip(axes, models):
        regions = scores_of(grid).argmax(axis=1).reshape(gx.shape)
        ax.contourf(gx, gy, regions, levels=[-0.5, 0.5, 1.5, 2.5], colors=list(colours), alpha=0.25)
        ax.scatter(x[:, 0], x[:, 1], c=colours[labels], s=12, edgecolors="black", linewidths=0.3)
        accuracy = np.mean(scores_of(x).argmax(axis=1) == labels)
        ax.set_title(f"{title}: accuracy {accuracy:.2f}")
        ax.set_aspect("equal")
        ax.set_xticks([-1, 0, 1])
        ax.set_yticks([-1, 0, 1])
    return svg_bytes(fig)


FIGURES = {
    "sigmoid.svg": sigmoid_and_derivative,
    "gradient-norms.svg": gradient_norms,
    "loss-curve.svg": loss_curve,
    "spiral.svg": spiral_boundaries,
}

PLOT_DIR = DOCS / "assets" / "plots"


def derived_files():
    """{docs/assets/plots/<name>: SVG bytes} for every figure (make regen writes them)."""
    return {PLOT_DIR / name: draw() for name, draw in FIGURES.items()}
