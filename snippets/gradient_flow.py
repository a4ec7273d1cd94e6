"""How large the gradient still is when it reaches the first layer of a deep net.

Backpropagation multiplies the upstream gradient by one local derivative per
layer. With sigmoid every such factor contains sigma'(z) <= 0.25, so after ten
layers little is left for the first weights: the vanishing gradient. ReLU's
local derivative is exactly 1 wherever a unit is active, so the gradient keeps
its size. This module measures that with a plain NumPy network, and adds
gradient clipping, the usual guard against the opposite problem.
"""

# --8<-- [start:norms]
from dataclasses import dataclass

# --8<-- [start:imports]
import numpy as np
from numpy.typing import ArrayLike
# --8<-- [end:imports]

from snippets.layers.sigmoid import sigmoid

ACTIVATIONS = ("sigmoid", "relu")


@dataclass
class GradientFlow:
    """What one forward and backward pass measured, layer 1 (nearest the input) first.

    Each list has one number () per layer: shape (depth,).
    """

    loss: float
    upstream: list  # ||dL/dh_k||: the gradient arriving at layer k's output
    weight: list  # ||dL/dW_k||_F = ||h_{k-1}^T dL/dz_k||: what the update of W_k uses
    activation_in: list  # ||h_{k-1}||: the input that dW_k is multiplied by


def layer_gradient_flow(activation: str, depth: int = 10, width: int = 32, batch: int = 64, seed: int = 0,
                        weight_std: float = 1.0) -> GradientFlow:
    """Run a deep net forwards and backwards once and measure every layer: x: (batch, width) -> norms (depth,).

    The network is h_0 = x, z_k = h_{k-1} W_k, h_k = act(z_k) for the hidden
    layers and a last linear layer y = h_depth = h_{depth-1} W_depth (no biases,
    every layer width x width). Weights are weight_std times standard normal
    draws; the same seed gives the same draws, so two runs with different
    weight_std differ only by that scale. The loss is
    L = sum(y^2) / (2 * batch), so dL/dy = y / batch.
    """
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}")
    rng = np.random.default_rng(seed)
    weights = [weight_std * rng.standard_normal((width, width)) for _ in range(depth)]
    x = rng.standard_normal((batch, width))

    # Forward pass: keep every layer's input h and pre-activation z.
    inputs, pre_activations = [], []
    h = x
    for k, W in enumerate(weights):
        inputs.append(h)
        z = h @ W
        pre_activations.append(z)
        if k < depth - 1:
            h = sigmoid(z) if activation == "sigmoid" else np.maximum(z, 0.0)
        else:
            h = z  # the output layer is linear
    loss = float(np.sum(h**2) / (2 * batch))

    # Backward pass, last layer first.
    dh = h / batch  # dL/dy for L = sum(y^2) / (2 * batch)
    upstream, weight = [0.0] * depth, [0.0] * depth
    for k in reversed(range(depth)):
        upstream[k] = float(np.linalg.norm(dh))
        z = pre_activations[k]
        if k == depth - 1:
            dz = dh  # linear output layer
        elif activation == "sigmoid":
            s = sigmoid(z)
            dz = dh * s * (1.0 - s)  # local derivative sigma'(z) <= 0.25
        else:
            dz = dh * (z > 0)  # local derivative 1 or 0
        weight[k] = float(np.linalg.norm(inputs[k].T @ dz))  # dW_k = h_{k-1}^T dz_k
        dh = dz @ weights[k].T  # dL/dh_{k-1}
    activation_in = [float(np.linalg.norm(h_in)) for h_in in inputs]
    return GradientFlow(loss, upstream, weight, activation_in)


def layer_gradient_norms(activation: str, depth: int = 10, width: int = 32, batch: int = 64, seed: int = 0,
                         weight_std: float = 1.0) -> list[float]:
    """Frobenius norm of dL/dW for each of `depth` layers, first layer first: a list of shape (depth,)."""
    flow = layer_gradient_flow(activation, depth, width, batch, seed, weight_std)
    return flow.weight
# --8<-- [end:norms]


# --8<-- [start:clip]
def clip_by_global_norm(grads: dict[str, ArrayLike] | list[ArrayLike],
                        max_norm: float) -> tuple[dict[str, np.ndarray] | list[np.ndarray], float]:
    """Scale all gradients together so that their joint norm is at most max_norm: each (D1, D2, ...) keeps its shape.

    Returns (clipped, original_norm). The norm is taken over every array at
    once, sqrt(sum of all squared entries), and one common factor is applied,
    so the direction of the whole update is kept. Gradients that are already
    small enough are returned unchanged (as copies). `grads` may be a dict or a
    list of arrays; the result has the same form.
    """
    if max_norm <= 0:
        raise ValueError(f"max_norm must be positive, got {max_norm}")
    arrays = list(grads.values()) if isinstance(grads, dict) else list(grads)
    total_norm = float(np.sqrt(sum(np.sum(np.square(g)) for g in arrays)))
    scale = min(1.0, max_norm / (total_norm + 1e-6))  # the small term avoids 0 / 0
    clipped = [np.asarray(g, dtype=float) * scale for g in arrays]
    if isinstance(grads, dict):
        return dict(zip(grads.keys(), clipped)), total_norm
    return clipped, total_norm
# --8<-- [end:clip]
