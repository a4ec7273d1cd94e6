"""Gradient norms per layer show vanishing gradients; clipping bounds the norm."""

import numpy as np
import pytest

from snippets.gradient_flow import clip_by_global_norm, layer_gradient_norms


def test_one_finite_norm_per_layer_and_deterministic():
    norms = layer_gradient_norms("sigmoid", depth=6, width=8, batch=4)
    assert len(norms) == 6
    assert all(isinstance(n, float) and np.isfinite(n) and n > 0 for n in norms)
    assert norms == layer_gradient_norms("sigmoid", depth=6, width=8, batch=4)


def test_norms_match_a_numerical_derivative():
    # Perturbing one weight of the first layer changes the loss as dW1 predicts;
    # recompute the loss through the same construction with a tiny network.
    from snippets.gradient import numerical_gradient
    from snippets.layers.sigmoid import sigmoid

    depth, width, batch, seed = 3, 4, 5, 0
    rng = np.random.default_rng(seed)
    weights = [rng.standard_normal((width, width)) for _ in range(depth)]
    x = rng.standard_normal((batch, width))

    def loss_for(W, index):
        h = x
        for k in range(depth):
            z = h @ (W if k == index else weights[k])
            h = sigmoid(z) if k < depth - 1 else z
        return float(np.sum(h**2) / (2 * batch))

    norms = layer_gradient_norms("sigmoid", depth=depth, width=width, batch=batch, seed=seed)
    for k in range(depth):
        W = weights[k].copy()
        numeric = numerical_gradient(lambda w, k=k: loss_for(w, k), W)
        assert norms[k] == pytest.approx(np.linalg.norm(numeric), rel=1e-6)


def test_sigmoid_gradients_vanish_towards_the_first_layer():
    norms = layer_gradient_norms("sigmoid")
    assert len(norms) == 10
    assert norms[0] < 0.05 * norms[-1]


def test_relu_weight_gradients_look_flat_although_the_flowing_gradient_explodes():
    """With std-1 weights dW_k = h_{k-1}^T dz_k stays level because the activations
    shrink towards the input as fast as the gradient grows: chapter 9's warning."""
    norms = layer_gradient_norms("relu")
    ratio = norms[0] / norms[-1]
    assert 0.2 < ratio < 5
    sigmoid_ratio = layer_gradient_norms("sigmoid")[0] / layer_gradient_norms("sigmoid")[-1]
    assert abs(np.log(ratio)) < 0.25 * abs(np.log(sigmoid_ratio))


def test_unknown_activation_is_refused():
    with pytest.raises(ValueError):
        layer_gradient_norms("tanh")


def global_norm(arrays):
    return np.sqrt(sum(np.sum(a**2) for a in arrays))


def test_clipping_bounds_the_norm_and_keeps_the_direction():
    rng = np.random.default_rng(0)
    grads = {"W": 10 * rng.standard_normal((3, 4)), "b": 10 * rng.standard_normal(4)}
    clipped, norm = clip_by_global_norm(grads, max_norm=1.0)
    assert norm == pytest.approx(global_norm(grads.values()))
    assert norm > 1.0
    assert global_norm(clipped.values()) <= 1.0
    assert global_norm(clipped.values()) == pytest.approx(1.0, rel=1e-5)
    flat = np.concatenate([g.ravel() for g in grads.values()])
    flat_clipped = np.concatenate([clipped[k].ravel() for k in grads])
    cosine = flat @ flat_clipped / (np.linalg.norm(flat) * np.linalg.norm(flat_clipped))
    assert cosine == pytest.approx(1.0)
    np.testing.assert_allclose(flat_clipped, flat * (flat_clipped[0] / flat[0]))


def test_small_gradients_pass_unchanged_and_lists_work():
    grads = [np.array([0.3, -0.4])]
    clipped, norm = clip_by_global_norm(grads, max_norm=1.0)
    assert norm == pytest.approx(0.5)
    assert isinstance(clipped, list)
    np.testing.assert_array_equal(clipped[0], grads[0])
    assert clipped[0] is not grads[0]


@pytest.mark.torch
def test_clipping_agrees_with_torch():
    import torch

    rng = np.random.default_rng(1)
    arrays = [5 * rng.standard_normal((4, 3)), 5 * rng.standard_normal(3)]
    params = [torch.zeros(a.shape, dtype=torch.float64, requires_grad=True) for a in arrays]
    for p, a in zip(params, arrays):
        p.grad = torch.tensor(a)
    torch_norm = torch.nn.utils.clip_grad_norm_(params, max_norm=1.0)
    clipped, norm = clip_by_global_norm(arrays, max_norm=1.0)
    assert norm == pytest.approx(float(torch_norm))
    for p, c in zip(params, clipped):
        np.testing.assert_allclose(p.grad.numpy(), c, rtol=1e-12)


def test_flow_agrees_with_torch_autograd():
    """The gradient flowing back and the loss, as autograd computes them."""
    torch = pytest.importorskip("torch")
    from snippets.gradient_flow import layer_gradient_flow

    depth, width, batch, seed = 4, 5, 6, 3
    flow = layer_gradient_flow("relu", depth=depth, width=width, batch=batch, seed=seed)
    rng = np.random.default_rng(seed)
    weights = [torch.tensor(rng.standard_normal((width, width)), requires_grad=True) for _ in range(depth)]
    h = torch.tensor(rng.standard_normal((batch, width)))
    outputs = []
    for k, W in enumerate(weights):
        h = h @ W if k == depth - 1 else torch.relu(h @ W)
        h.retain_grad()
        outputs.append(h)
    loss = (h**2).sum() / (2 * batch)
    loss.backward()
    assert flow.loss == pytest.approx(loss.item())
    assert flow.upstream == pytest.approx([o.grad.norm().item() for o in outputs])
    assert flow.weight == pytest.approx([W.grad.norm().item() for W in weights])


def test_he_scaling_keeps_the_flowing_gradient_while_std_one_explodes():
    from snippets.gradient_flow import layer_gradient_flow

    std_one = layer_gradient_flow("relu", weight_std=1.0)
    he = layer_gradient_flow("relu", weight_std=(2 / 32) ** 0.5)
    assert std_one.upstream[0] / std_one.upstream[-1] > 1e5
    assert 0.1 < he.upstream[0] / he.upstream[-1] < 10
