"""TwoLayerMLP: backpropagation agrees with numerical differentiation, and it learns."""

import numpy as np
import pytest

from snippets.gradient import relative_error
from snippets.mlp import TwoLayerMLP

NAMES = ("W1", "b1", "W2", "b2")


def tiny_batch(n=6, features=4, classes=3, seed=1):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, features))
    t = np.eye(classes)[rng.integers(0, classes, n)]
    return x, t


def test_parameters_are_seeded_float64_with_the_documented_shapes():
    a, b = TwoLayerMLP(4, 5, 3, seed=0), TwoLayerMLP(4, 5, 3, seed=0)
    shapes = {"W1": (4, 5), "b1": (5,), "W2": (5, 3), "b2": (3,)}
    for name in NAMES:
        assert a.params[name].dtype == np.float64
        assert a.params[name].shape == shapes[name]
        np.testing.assert_array_equal(a.params[name], b.params[name])
    assert not np.array_equal(a.params["W1"], TwoLayerMLP(4, 5, 3, seed=1).params["W1"])


def test_predict_and_loss():
    x, t = tiny_batch()
    net = TwoLayerMLP(4, 5, 3)
    scores = net.predict(x)
    assert scores.shape == t.shape
    p = net.params
    expected_scores = np.maximum(x @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
    np.testing.assert_allclose(scores, expected_scores)
    e = np.exp(expected_scores - expected_scores.max(axis=1, keepdims=True))
    y = e / e.sum(axis=1, keepdims=True)
    expected_loss = -np.mean(np.sum(t * np.log(y), axis=1))
    loss = net.loss(x, t)
    assert isinstance(loss, float)
    assert loss == pytest.approx(expected_loss, rel=1e-12)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_backprop_matches_numerical_gradient(seed):
    x, t = tiny_batch(seed=seed + 10)
    net = TwoLayerMLP(4, 6, 3, seed=seed)
    analytic = net.gradient(x, t)
    numeric = net.numerical_gradient(x, t)
    assert set(analytic) == set(numeric) == set(NAMES)
    for name in NAMES:
        assert analytic[name].shape == net.params[name].shape
        assert relative_error(analytic[name], numeric[name]) < 1e-7, name


def test_numerical_gradient_leaves_parameters_unchanged():
    x, t = tiny_batch()
    net = TwoLayerMLP(4, 5, 3)
    before = {k: v.copy() for k, v in net.params.items()}
    net.numerical_gradient(x, t)
    for name in NAMES:
        np.testing.assert_array_equal(net.params[name], before[name])


def test_layers_see_in_place_updates_of_params():
    x, t = tiny_batch()
    net = TwoLayerMLP(4, 5, 3)
    before = net.predict(x).copy()
    net.params["b2"] += 1.0  # the same shift for every class
    np.testing.assert_allclose(net.predict(x), before + 1.0)
    net.params["W1"] *= 0.0  # hidden layer now outputs relu(b1) = 0
    np.testing.assert_allclose(net.predict(x), np.broadcast_to(net.params["b2"], before.shape))


def test_sgd_steps_reduce_the_loss():
    x, t = tiny_batch(n=12, seed=3)
    net = TwoLayerMLP(4, 8, 3, seed=0)
    losses = [net.loss(x, t)]
    for _ in range(20):
        grads = net.gradient(x, t)
        for name in NAMES:
            net.params[name] -= 0.5 * grads[name]
        losses.append(net.loss(x, t))
    assert losses[-1] < 0.8 * losses[0]
    assert all(b < a for a, b in zip(losses[:5], losses[1:6]))


def test_the_page_examples_run_as_scripts():
    import runpy

    by_hand = runpy.run_module("snippets.ch08.mlp_by_hand", run_name="__main__")
    for name, grad in by_hand["by_hand"].items():
        np.testing.assert_allclose(grad, by_hand["by_layers"][name], rtol=1e-12, atol=1e-15)
    import snippets.ch08.mlp_training as training_module  # also imported by the figures

    training = runpy.run_path(training_module.__file__, run_name="__main__")
    assert training["losses"][-1] < 0.1
