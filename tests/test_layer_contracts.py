"""What every layer promises, and the bugs that once broke a promise.

Each layer refuses bad input with an error that names it, leaves the caller's
arrays alone, stays finite for inputs of size 1000, and lets a plain number
stand in where a value has one element.
"""

import warnings

import numpy as np
import pytest

from snippets.broadcasting import sum_to_shape
from snippets.gradient import numerical_gradient, relative_error
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
from snippets.layers.softmax import softmax

TOLERANCE = 1e-7


@pytest.fixture
def rng():
    return np.random.default_rng(20261201)


# --- multiply and add: a plain number broadcasts, its gradient is summed back

def test_mul_by_a_number_sums_the_numbers_gradient(rng):
    prices, dout = np.array([100.0, 150.0]), np.array([1.0, 2.0])
    layer = MulLayer()
    np.testing.assert_allclose(layer.forward(prices, 1.1), [110.0, 165.0])
    dprices, drate = layer.backward(dout)
    np.testing.assert_allclose(dprices, 1.1 * dout)
    assert np.shape(drate) == () and drate == pytest.approx(100.0 + 300.0)
    numeric = numerical_gradient(lambda r: float(np.sum(prices * r * dout)), 1.1)
    assert drate == pytest.approx(numeric, rel=1e-9)


def test_add_a_number_to_an_array_sums_its_gradient():
    layer = AddLayer()
    np.testing.assert_allclose(layer.forward(5.0, np.array([1.0, 2.0, 3.0])), [6.0, 7.0, 8.0])
    dx, dy = layer.backward(np.array([1.0, 2.0, 3.0]))
    assert np.shape(dx) == () and dx == pytest.approx(6.0)
    np.testing.assert_array_equal(dy, [1.0, 2.0, 3.0])


@pytest.mark.parametrize("layer_type", [MulLayer, AddLayer])
def test_mul_and_add_refuse_nan_and_mismatched_shapes(layer_type):
    with pytest.raises(ValueError, match="NaN"):
        layer_type().forward(np.array([1.0, np.nan]), np.ones(2))
    with pytest.raises(ValueError, match=r"\(3,\).*\(3, 1\)"):
        layer_type().forward(np.ones(3), np.ones((3, 1)))
    layer = layer_type()
    layer.forward(np.ones(2), np.ones(2))
    with pytest.raises(ValueError, match="NaN"):
        layer.backward(np.array([np.nan, 1.0]))
    with pytest.raises(ValueError, match=r"dout.*\(3,\).*\(2,\)"):
        layer.backward(np.ones(3))


def test_add_backward_before_forward_is_refused():
    with pytest.raises(RuntimeError, match="AddLayer.backward"):
        AddLayer().backward(1.0)


@pytest.mark.parametrize(("grad_shape", "shape", "expected"), [
    ((2, 3), (), 21.0), ((2, 3), (3,), [5.0, 7.0, 9.0]), ((2, 3), (2, 1), [[6.0], [15.0]]), ((2, 3), (2, 3), None),
])
def test_sum_to_shape_undoes_broadcasting(grad_shape, shape, expected):
    grad = np.arange(1.0, 7.0).reshape(grad_shape)
    reduced = sum_to_shape(grad, shape)
    assert np.shape(reduced) == shape
    np.testing.assert_array_equal(reduced, grad if expected is None else expected)


# --- ReLU at the kink

def test_relu_gradient_at_exactly_zero_is_zero():
    layer = ReLU()
    assert layer.forward(np.array([0.0, 1e-12, -1e-12])).tolist() == [0.0, 1e-12, 0.0]
    assert layer.backward(np.array([1.0, 1.0, 1.0])).tolist() == [0.0, 1.0, 0.0]


# --- a plain number as dout where the output has one element

@pytest.mark.parametrize("layer_type", [ReLU, Sigmoid])
def test_a_number_starts_backward_from_a_one_element_output(layer_type):
    layer = layer_type()
    out = layer.forward(np.array([0.5]))
    dx = layer.backward(1.0)
    assert dx.shape == out.shape == (1,)
    with pytest.raises(ValueError, match=r"dout.*\(2,\)"):
        layer.backward(np.ones(2))


def test_sigmoid_refuses_a_number_for_a_many_element_output():
    layer = Sigmoid()
    layer.forward(np.zeros(3))
    with pytest.raises(ValueError, match=r"dout has shape \(\).*\(3,\)"):
        layer.backward(1.0)


# --- Affine: orientation, no bias, copies, dout checked before it is reshaped

def test_affine_weight_rows_are_inputs():
    W = np.array([[1.0, 2.0, 3.0], [10.0, 20.0, 30.0]])  # (2 inputs, 3 outputs)
    out = Affine(W).forward(np.array([1.0, 0.0]))
    np.testing.assert_array_equal(out, [1.0, 2.0, 3.0])  # input 0 reads row 0


def test_affine_without_bias(rng):
    W, x, dout = rng.normal(size=(3, 2)), rng.normal(size=(4, 3)), rng.normal(size=(4, 2))
    layer = Affine(W, b=None)
    np.testing.assert_allclose(layer.forward(x), x @ W)
    layer.backward(dout)
    assert layer.db is None and len(layer.params) == len(layer.grads) == 1
    numeric = numerical_gradient(lambda v: float(np.sum(Affine(v).forward(x) * dout)), W.copy())
    assert relative_error(layer.dW, numeric) < TOLERANCE


@pytest.mark.parametrize("W", [np.array([[1.0, 2.0], [3.0, 4.0]]), [[1.0, 2.0], [3.0, 4.0]],
                               np.array([[1, 2], [3, 4]])], ids=["float array", "list", "int array"])
def test_affine_always_copies_its_parameters(W):
    b = np.zeros(2)
    kept_W, kept_b = np.array(W, dtype=float), b.copy()
    layer = Affine(W, b)
    assert not np.shares_memory(layer.W, W) and not np.shares_memory(layer.b, b)
    layer.forward(np.ones(2))
    layer.backward(np.ones(2))
    net = Sequential(layer)
    net.step(0.1)  # updates the layer's own arrays in place ...
    np.testing.assert_array_equal(np.asarray(W, dtype=float), kept_W)  # ... never the caller's
    np.testing.assert_array_equal(b, kept_b)
    assert not np.array_equal(layer.W, kept_W)


def test_affine_refuses_a_transposed_dout_instead_of_reshaping_it(rng):
    layer = Affine(rng.normal(size=(4, 3)), np.zeros(3))
    layer.forward(rng.normal(size=(2, 4)))  # output (2, 3)
    with pytest.raises(ValueError, match=r"dout has shape \(3, 2\).*\(2, 3\)"):
        layer.backward(np.ones((3, 2)))


def test_affine_refuses_nan_in_its_parameters():
    with pytest.raises(ValueError, match="W contains NaN"):
        Affine([[np.nan]], [0.0])


# --- SoftmaxWithLoss: labels, target rows, one sample

def test_integer_labels_give_the_same_loss_and_gradient_as_one_hot(rng):
    x, labels = rng.normal(size=(4, 3)), np.array([2, 0, 1, 2])
    with_labels, with_one_hot = SoftmaxWithLoss(), SoftmaxWithLoss()
    assert with_labels.forward(x, labels) == pytest.approx(with_one_hot.forward(x, np.eye(3)[labels]))
    np.testing.assert_allclose(with_labels.backward(), with_one_hot.backward())
    with pytest.raises(ValueError, match=r"t \(labels\) must be in \[0, 3\)"):
        SoftmaxWithLoss().forward(x, np.array([0, 1, 3, 0]))


def test_target_rows_that_do_not_sum_to_one_are_refused():
    with pytest.raises(ValueError, match="sum to 1"):
        SoftmaxWithLoss().forward(np.zeros((1, 2)), np.array([[1.0, 1.0]]))


def test_soft_targets_get_the_right_gradient(rng):
    x, t = rng.normal(size=(2, 3)), np.array([[0.2, 0.5, 0.3], [0.0, 0.9, 0.1]])
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    numeric = numerical_gradient(lambda v: SoftmaxWithLoss().forward(v, t), x.copy())
    assert relative_error(layer.backward(), numeric) < TOLERANCE


def test_one_sample_backpropagates_through_relu():
    x = np.array([0.5, -1.0, 2.0])
    relu, loss = ReLU(), SoftmaxWithLoss()
    loss.forward(relu.forward(x), 2)  # label of one sample: a plain int
    dscores = loss.backward()
    assert dscores.shape == (3,)
    np.testing.assert_allclose(dscores, softmax(np.maximum(x, 0)) - np.eye(3)[2])
    assert relu.backward(dscores).shape == (3,)


def test_loss_gradient_must_be_a_number():
    layer = SoftmaxWithLoss()
    layer.forward(np.zeros(2), np.array([1.0, 0.0]))
    with pytest.raises(ValueError, match="dout must be a number"):
        layer.backward(np.ones(2))


# --- squared errors: the constants the chapters state

def test_sum_squared_error_is_half_the_sum_with_gradient_y_minus_t():
    y, t = np.array([0.5, -1.2, 2.0]), np.array([1.0, -1.0, 1.5])
    loss = SumSquaredError()
    assert loss.forward(y, t) == pytest.approx(0.5 * np.sum((y - t) ** 2))
    np.testing.assert_allclose(loss.backward(), y - t)
    np.testing.assert_allclose(loss.backward(), numerical_gradient(lambda v: SumSquaredError().forward(v, t), y))


def test_mean_squared_error_averages_with_gradient_two_over_n():
    y, t = np.array([[0.8, 0.3], [0.1, 0.4]]), np.array([[1.0, 0.0], [0.0, 1.0]])
    loss = MeanSquaredError()
    assert loss.forward(y, t) == pytest.approx(np.mean((y - t) ** 2))
    np.testing.assert_allclose(loss.backward(), 2 * (y - t) / 4)
    np.testing.assert_allclose(loss.backward(), numerical_gradient(lambda v: MeanSquaredError().forward(v, t), y))


@pytest.mark.parametrize("loss_type", [SumSquaredError, MeanSquaredError])
def test_squared_errors_refuse_bad_input(loss_type):
    with pytest.raises(ValueError, match=r"t \(targets\) has shape \(3,\).*y \(prediction\) has shape \(2,\)"):
        loss_type().forward(np.ones(2), np.ones(3))
    with pytest.raises(ValueError, match="NaN"):
        loss_type().forward(np.array([np.nan]), np.ones(1))
    with pytest.raises(RuntimeError, match="before"):
        loss_type().backward()


# --- Sequential: the chain rule as a loop

def test_sequential_matches_a_numerical_gradient_and_steps_downhill(rng):
    W1, b1, W2 = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2))
    x, t = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))

    def loss_of(W1=W1, b1=b1, W2=W2):
        return MeanSquaredError().forward(Sequential(Affine(W1, b1), Sigmoid(), Affine(W2)).forward(x), t)

    net, loss = Sequential(Affine(W1, b1), Sigmoid(), Affine(W2)), MeanSquaredError()
    before = loss.forward(net.forward(x), t)
    net.backward(loss.backward())
    numeric = [numerical_gradient(lambda v: loss_of(W1=v), W1.copy()),
               numerical_gradient(lambda v: loss_of(b1=v), b1.copy()),
               numerical_gradient(lambda v: loss_of(W2=v), W2.copy())]
    for analytic, expected in zip(net.grads, numeric, strict=True):
        assert relative_error(analytic, expected) < TOLERANCE
    net.step(0.1)
    assert loss.forward(net.forward(x), t) < before


def test_sequential_step_before_backward_is_refused():
    with pytest.raises(RuntimeError, match="before backward"):
        Sequential(Affine(np.eye(2))).step(0.1)


# --- every layer: finite at +-1000, the caller's input untouched

def layers_on(x):
    """(name, layer, forward arguments) for each layer fed x."""
    return [
        ("MulLayer", MulLayer(), (x, 2.0)),
        ("AddLayer", AddLayer(), (x, 2.0)),
        ("ReLU", ReLU(), (x,)),
        ("Sigmoid", Sigmoid(), (x,)),
        ("Affine", Affine(np.ones((2, 2)), np.ones(2)), (x,)),
        ("SoftmaxWithLoss", SoftmaxWithLoss(), (x, np.array([0.0, 1.0]))),
        ("SumSquaredError", SumSquaredError(), (x, np.zeros(2))),
        ("MeanSquaredError", MeanSquaredError(), (x, np.zeros(2))),
    ]


@pytest.mark.parametrize("index", range(len(layers_on(np.zeros(2)))), ids=[n for n, *_ in layers_on(np.zeros(2))])
def test_layers_stay_finite_and_leave_the_input_alone(index):
    x = np.array([1000.0, -1000.0])
    _, layer, args = layers_on(x)[index]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = layer.forward(*args)
        loss_layer = np.ndim(out) == 0
        dout = np.ones(np.shape(out))
        grads = layer.backward() if loss_layer else layer.backward(dout)
    assert np.all(np.isfinite(out))
    assert loss_layer or dout.tolist() == np.ones(np.shape(out)).tolist()
    assert all(np.all(np.isfinite(g)) for g in (grads if isinstance(grads, tuple) else (grads,)))
    assert x.tolist() == [1000.0, -1000.0]
