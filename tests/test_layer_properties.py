"""Every public layer and loss, fed random shapes, dtypes and kinds of targets.

Each example ends one of two ways: the right numbers (against a reference
computed here, tests/layer_inputs.py) or a ValueError/TypeError whose message
names the argument at fault. A silent wrong number, a refusal of valid input,
and any other exception (an IndexError from inside the library) all fail.
"""

import re
from pathlib import Path

import numpy as np
from hypothesis import event, given, settings
from hypothesis import strategies as st

from snippets.layers import (
    AddLayer,
    Affine,
    MeanSquaredError,
    MulLayer,
    ReLU,
    Sequential,
    Sigmoid,
    SoftmaxWithLoss,
    SumSquaredError,
)
from snippets.layers.softmax import cross_entropy_error, softmax
from snippets.mlp import TwoLayerMLP
from tests.layer_inputs import (
    ANY_SHAPE,
    arrays,
    class_shapes,
    finite_floats,
    is_real,
    reference_class_targets,
    reference_softmax_cross_entropy,
    reference_value_targets,
    targets_for,
)

# The number of examples comes from the profile (tests/conftest.py): 1000 in CI and make test.
PROPERTY = settings(derandomize=True, deadline=None, database=None)
TARGETS = r"\bt \((targets|labels)\)"


def outcome(call):
    """The result of call(), or the ValueError/TypeError it raised; anything else fails the test."""
    try:
        return call()
    except (ValueError, TypeError) as error:
        if isinstance(error, IndexError):  # NumPy's AxisError is both: an index slip inside the library
            raise
        return error


def check(call, fault, expected):
    """fault is None for valid input (then compare with expected()), else a regex the message must match."""
    result = outcome(call)
    event("right numbers" if fault is None else f"refused, naming {fault}")  # --hypothesis-show-statistics
    if fault is not None:
        assert isinstance(result, Exception), f"accepted input it should refuse ({fault}): returned {result!r}"
        assert re.search(fault, str(result)), f"message does not name {fault}: {result}"
        return None
    assert not isinstance(result, Exception), f"refused valid input: {result!r}"
    for got, want in zip(result if isinstance(result, tuple) else (result,), expected(), strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12)
    return result


def sum_to(gradient, shape):
    return np.sum(gradient) if shape == () else gradient


# --- elementwise layers: any real array; the gradient is checked too

@PROPERTY
@given(arrays(), st.sampled_from([ReLU, Sigmoid]), st.data())
def test_relu_and_sigmoid(x, layer_type, data):
    layer = layer_type()
    fault = None if is_real(x) else r"\bx\b"
    xf = np.asarray(x, dtype=float) if fault is None else None
    want = (lambda: [np.maximum(xf, 0)]) if layer_type is ReLU else (lambda: [1 / (1 + np.exp(-xf))])
    if check(lambda: layer.forward(x), fault, want) is None:
        return
    dout = data.draw(finite_floats(np.shape(x)))
    local = (xf > 0) if layer_type is ReLU else want()[0] * (1 - want()[0])
    check(lambda: layer.backward(dout), None, lambda: [np.asarray(dout) * local])


@PROPERTY
@given(arrays(), st.data(), st.sampled_from([MulLayer, AddLayer]))
def test_multiply_and_add(x, data, layer_type):
    y = data.draw(st.one_of(arrays(np.shape(x)), arrays()))
    shapes = np.shape(x), np.shape(y)
    fault = (r"\bx\b" if not is_real(x) else r"\by\b" if not is_real(y)
             else None if shapes[0] == shapes[1] or () in shapes else r"\bx\b.*\by\b")
    xf, yf = np.asarray(x, dtype=complex).real, np.asarray(y, dtype=complex).real
    mul = layer_type is MulLayer
    layer = layer_type()
    if check(lambda: layer.forward(x, y), fault, lambda: [xf * yf if mul else xf + yf]) is None:
        return
    dout = data.draw(finite_floats(np.broadcast_shapes(*shapes)))
    dx, dy = (dout * yf, dout * xf) if mul else (dout * np.ones_like(yf), dout * np.ones_like(xf))
    check(lambda: layer.backward(dout), None, lambda: [sum_to(dx, shapes[0]), sum_to(dy, shapes[1])])


# --- Affine: W of shape (inputs, outputs), never sizes; x one sample or a batch

@st.composite
def affine_inputs(draw, any_weights=True):
    inputs, outputs = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    good_W = finite_floats((inputs, outputs))
    bad_W = st.one_of(arrays((inputs, outputs)), arrays(), st.integers(1, 4))  # Affine(2, 4) among them
    W = draw(bad_W if any_weights and draw(st.integers(0, 3)) == 0 else good_W)  # one in four wrong
    bad_b = st.one_of(arrays((outputs,)), arrays(), st.integers(1, 4))
    b = draw(st.sampled_from([None, "good", "good", "bad"]))
    b = b and draw(finite_floats((outputs,)) if b == "good" else bad_b)
    n = draw(st.integers(1, 3))
    x_shape = draw(st.sampled_from([(inputs,), (n, inputs), (n, 1, inputs), (n, inputs, 1), ANY_SHAPE]))
    return W, b, draw(arrays(x_shape))


def affine_fault(W, b, x):
    """The argument Affine(W, b).forward(x) must name, or None where all three are right."""
    if not (is_real(W) and np.ndim(W) == 2 and np.size(W) > 0):
        return r"\bW\b"
    if b is not None and not (is_real(b) and np.shape(b) == (np.shape(W)[1],)):
        return r"\bb\b"
    shape = np.shape(x)
    features = None if len(shape) == 0 or np.size(x) == 0 else int(np.prod(shape[1:] if len(shape) > 1 else shape))
    return None if is_real(x) and features == np.shape(W)[0] else r"\bx\b"


def affine_reference(W, b, x):
    """(x flattened to rows, x W + b shaped as Affine promises: (outputs,) for one sample)."""
    W, b = np.asarray(W, dtype=float), 0.0 if b is None else np.asarray(b, dtype=float)
    flat = np.asarray(x, dtype=float).reshape(1 if np.ndim(x) == 1 else np.shape(x)[0], len(W))
    out = flat @ W + b
    return flat, out[0] if np.ndim(x) == 1 else out


@PROPERTY
@given(affine_inputs(), st.data())
def test_affine(inputs, data):
    W, b, x = inputs
    fault = affine_fault(W, b, x)
    built = outcome(lambda: Affine(W, b))
    if isinstance(built, Exception):
        event(f"refused, naming {fault}")
        assert fault in (r"\bW\b", r"\bb\b") and re.search(fault, str(built)), built
        return
    flat, want = (None, None) if fault else affine_reference(W, b, x)
    if check(lambda: built.forward(x), fault, lambda: [want]) is None:
        return
    dout = data.draw(finite_floats(np.shape(want)))
    rows = np.asarray(dout).reshape(len(flat), -1)
    check(lambda: built.backward(dout), None, lambda: [(rows @ np.asarray(W, dtype=float).T).reshape(np.shape(x))])
    np.testing.assert_allclose(built.dW, flat.T @ rows)
    if b is not None:
        np.testing.assert_allclose(built.db, rows.sum(axis=0))


@PROPERTY
@given(affine_inputs(any_weights=False))
def test_sequential(inputs):
    W, _, x = inputs
    fault = affine_fault(W, None, x)
    want = None if fault else 1 / (1 + np.exp(-affine_reference(W, None, x)[1]))
    check(lambda: Sequential(Affine(W), Sigmoid(), ReLU()).forward(x), fault, lambda: [want])


# --- losses: integer labels and one-hot rows give the same numbers, every mistake is named

@st.composite
def scores_and_targets(draw, probabilities=False):
    shape = draw(class_shapes())
    scores = draw(st.one_of(finite_floats(shape), finite_floats(shape), arrays(shape)))
    if probabilities and is_real(scores) and np.ndim(scores) in (1, 2) and np.size(scores) and draw(st.integers(0, 3)):
        scores = softmax(np.asarray(scores, dtype=float))
    return scores, draw(targets_for(shape))


def class_scores_fault(scores, name, probabilities=False):
    valid = is_real(scores) and np.ndim(scores) in (1, 2) and np.size(scores) > 0
    return None if valid and not (probabilities and np.any(np.asarray(scores, dtype=float) < 0)) else rf"\b{name}\b"


@PROPERTY
@given(scores_and_targets())
def test_softmax_with_loss(inputs):
    x, t = inputs
    T = reference_class_targets(np.shape(x), t)
    fault = class_scores_fault(x, "x") or (TARGETS if T is None else None)
    layer = SoftmaxWithLoss()
    want = None if fault else reference_softmax_cross_entropy(np.asarray(x, dtype=float), T)
    if check(lambda: layer.forward(x, t), fault, lambda: [want[0]]) is not None:
        check(lambda: layer.backward(), None, lambda: [want[1].reshape(np.shape(x))])


@PROPERTY
@given(scores_and_targets(probabilities=True))
def test_cross_entropy_error(inputs):
    y, t = inputs
    T = reference_class_targets(np.shape(y), t)
    fault = class_scores_fault(y, "y", probabilities=True) or (TARGETS if T is None else None)
    yf = np.atleast_2d(np.asarray(y, dtype=complex).real)
    check(lambda: cross_entropy_error(y, t), fault,
          lambda: [-np.sum(np.atleast_2d(T) * np.log(np.maximum(yf, 1e-300))) / len(yf)])


@PROPERTY
@given(scores_and_targets(), st.sampled_from([SumSquaredError, MeanSquaredError]))
def test_squared_errors(inputs, loss_type):
    y, t = inputs
    T = reference_value_targets(np.shape(y), t)
    fault = r"\by\b" if not (is_real(y) and np.size(y)) else (TARGETS if T is None else None)
    layer, diff = loss_type(), None if fault else np.asarray(y, dtype=float) - T
    mean = loss_type is MeanSquaredError
    if check(lambda: layer.forward(y, t), fault,
             lambda: [np.mean(diff**2) if mean else 0.5 * np.sum(diff**2)]) is not None:
        check(lambda: layer.backward(), None, lambda: [2 * diff / diff.size if mean else diff])


@st.composite
def network_inputs(draw):
    features, hidden, classes = draw(st.integers(1, 3)), draw(st.integers(1, 4)), draw(st.integers(1, 4))
    n = draw(st.integers(1, 4))
    x_shape = draw(st.sampled_from([(n, features), (n, features), (features,), ANY_SHAPE]))
    x = draw(arrays(x_shape, ["float64"]) if draw(st.booleans()) else arrays(x_shape))
    scores_shape = (classes,) if np.ndim(x) == 1 else (np.shape(x)[0] if np.ndim(x) else 1, classes)
    return TwoLayerMLP(features, hidden, classes, weight_scale=0.5, seed=draw(st.integers(0, 9))), x, \
        draw(targets_for(scores_shape)), scores_shape


@PROPERTY
@given(network_inputs())
def test_two_layer_mlp_loss_and_gradient(inputs):
    net, x, t, scores_shape = inputs
    W1, b1, W2, b2 = (net.params[name] for name in ("W1", "b1", "W2", "b2"))
    T = reference_class_targets(scores_shape, t)
    fault = affine_fault(W1, b1, x) or (TARGETS if T is None else None)
    if fault is None:
        xs = affine_reference(W1, b1, x)[0]
        hidden = np.maximum(xs @ W1 + b1, 0)
        loss, dscores = reference_softmax_cross_entropy(hidden @ W2 + b2, T)
        dhidden = dscores @ W2.T * (hidden > 0)
        want = [xs.T @ dhidden, dhidden.sum(axis=0), hidden.T @ dscores, dscores.sum(axis=0)]
    check(lambda: net.loss(x, t), fault, lambda: [loss])
    check(lambda: tuple(net.gradient(x, t).values()), fault, lambda: want)


def test_ci_and_make_test_run_a_thousand_examples_per_property():
    ci = settings.get_profile("ci")
    assert ci.max_examples == 1000 and ci.derandomize and PROPERTY.derandomize
    recipe = Path("Makefile").read_text(encoding="utf-8").split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "pytest --hypothesis-profile=ci" in recipe

