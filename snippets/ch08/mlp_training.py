"""The one seeded training run of TwoLayerMLP on three Gaussian blobs.

Chapter 8 shows it, chapter 10 runs it for longer, and the loss curve of
chapter 8 is drawn from it (by the site's build, site-builder/sitebuilder/
generators/plots/figures.py), so the figure is the run the page shows.
"""

# --8<-- [start:train]
import numpy as np

from snippets.mlp import TwoLayerMLP
from snippets.toy_data import three_blobs


def train(steps, learning_rate=0.1, report_every=20):
    """Train for `steps` steps; return the network and the loss before each step."""
    x, t = three_blobs(points_per_class=20, seed=0)  # 60 points in the plane
    # 1. initialise: seeded random weights, biases at 0
    net = TwoLayerMLP(input_size=2, hidden_size=16, output_size=3, seed=0)
    losses = []
    for step in range(steps):
        losses.append(net.loss(x, t))
        if report_every and step % report_every == 0:
            accuracy = np.mean(net.predict(x).argmax(axis=1) == t.argmax(axis=1))
            print(f"step {step:3d}: loss = {losses[-1]:.4f}, accuracy = {accuracy:.2f}")
        # 2. forward pass and 3. loss: both happen inside gradient(), which then
        # 4. runs the backward pass and returns dL/dparameter for every parameter
        grads = net.gradient(x, t)
        # 5. update: a small step against the gradient, in place (the layers see it)
        for name in net.params:
            net.params[name] -= learning_rate * grads[name]
    return net, losses
# --8<-- [end:train]


if __name__ == "__main__":
    # --8<-- [start:run]
    net, losses = train(steps=101)
    # --8<-- [end:run]
