"""Each layer against its definition and against a numerical gradient (float64)."""

import warnings

import numpy as np
import pytest

from snippets.gradient import numerical_gradient, relative_error
from snippets.layers import AddLayer, Affine, MulLayer, ReLU, Sigmoid, SoftmaxWithLoss
from snippets.layers.softmax import softmax

TOLERANCE = 1e-7


@pytest.fixture
def rng():
    return np.random.default_rng(20261124)


def check_gradient(forward, backward, x, dout):
    """Compare backward(dout) with the numerical gradient of sum(forward(x) * dout)."""
    analytic = backward(dout)
    numeric = numerical_gradient(lambda v: float(np.sum(forward(v) * dout)), x)
    assert relative_error(analytic, numeric) < TOLERANCE


def test_mul_layer_multiplies_and_swaps_inputs_backward():
    layer = MulLayer()
    assert layer.forward(3.0, 4.0) == 12.0
    assert layer.backward(2.0) == (8.0, 6.0)


def test_mul_layer_gradient_matches_numerical(rng):
    x, y, dout = rng.normal(size=(3, 4)), rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    layer = MulLayer()
    layer.forward(x, y)
    dx, dy = layer.backward(dout)
    assert relative_error(dx, numerical_gradient(lambda v: np.sum(v * y * dout), x.copy())) < TOLERANCE
    assert relative_error(dy, numerical_gradient(lambda v: np.sum(x * v * dout), y.copy())) < TOLERANCE


def test_add_layer_passes_gradient_to_both_inputs():
    layer = AddLayer()
    assert layer.forward(3.0, 4.0) == 7.0
    assert layer.backward(2.5) == (2.5, 2.5)


def test_relu_forward_and_gradient(rng):
    x = rng.normal(size=(4, 5))
    x[np.abs(x) < 1e-3] = 0.5  # keep away from the kink, where the derivative is undefined
    layer = ReLU()
    np.testing.assert_array_equal(layer.forward(x), np.maximum(x, 0))
    check_gradient(lambda v: ReLU().forward(v), layer.backward, x.copy(), rng.normal(size=x.shape))


def test_sigmoid_forward_and_gradient(rng):
    x = rng.normal(size=(4, 5)) * 3
    layer = Sigmoid()
    np.testing.assert_allclose(layer.forward(x), 1 / (1 + np.exp(-x)), rtol=1e-15)
    check_gradient(lambda v: Sigmoid().forward(v), layer.backward, x.copy(), rng.normal(size=x.shape))


def test_affine_gradients_for_a_batch(rng):
    W, b = rng.normal(size=(6, 3)), rng.normal(size=3)
    x, dout = rng.normal(size=(5, 6)), rng.normal(size=(5, 3))
    layer = Affine(W, b)
    np.testing.assert_allclose(layer.forward(x), x @ W + b)
    dx = layer.backward(dout)

    def loss_for(**override):
        probe = Affine(override.get("W", W), override.get("b", b))
        return float(np.sum(probe.forward(override.get("x", x)) * dout))

    assert relative_error(dx, numerical_gradient(lambda v: loss_for(x=v), x.copy())) < TOLERANCE
    assert relative_error(layer.dW, numerical_gradient(lambda v: loss_for(W=v), W.copy())) < TOLERANCE
    assert relative_error(layer.db, numerical_gradient(lambda v: loss_for(b=v), b.copy())) < TOLERANCE


def test_affine_flattens_nd_input_and_restores_its_shape(rng):
    W, b = rng.normal(size=(12, 2)), np.zeros(2)
    x = rng.normal(size=(4, 3, 2, 2))
    layer = Affine(W, b)
    out = layer.forward(x)
    assert out.shape == (4, 2)
    np.testing.assert_allclose(out, x.reshape(4, 12) @ W)
    assert layer.backward(np.ones((4, 2))).shape == x.shape
    assert layer.dW.shape == W.shape and layer.db.shape == b.shape


def test_affine_accepts_a_single_vector(rng):
    W, b = rng.normal(size=(2, 3)), rng.normal(size=3)
    x = rng.normal(size=2)
    layer = Affine(W, b)
    np.testing.assert_allclose(layer.forward(x), x @ W + b)
    assert layer.backward(np.ones(3)).shape == (2,)


def test_softmax_with_loss_gradient_is_y_minus_t_over_batch(rng):
    x = rng.normal(size=(4, 5))
    t = np.eye(5)[[0, 3, 1, 4]]
    layer = SoftmaxWithLoss()
    loss = layer.forward(x, t)
    y = softmax(x)
    assert loss == pytest.approx(-np.sum(t * np.log(y)) / 4)
    np.testing.assert_allclose(layer.backward(), (y - t) / 4)
    numeric = numerical_gradient(lambda v: SoftmaxWithLoss().forward(v, t), x.copy())
    assert relative_error(layer.backward(), numeric) < TOLERANCE


def test_extreme_inputs_stay_finite_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert Sigmoid().forward(np.array([-1000.0, 1000.0])).tolist() == [0.0, 1.0]
        layer = SoftmaxWithLoss()
        loss = layer.forward(np.array([[1000.0, -1000.0]]), np.array([[0.0, 1.0]]))
        assert np.isfinite(loss) and loss > 600  # log of a probability that underflowed to 0
        assert np.all(np.isfinite(layer.backward()))


@pytest.mark.parametrize("layer_type", [ReLU, Sigmoid])
def test_backward_leaves_the_callers_gradient_alone(layer_type, rng):
    layer = layer_type()
    layer.forward(rng.normal(size=(3, 3)))
    dout = rng.normal(size=(3, 3))
    kept = dout.copy()
    layer.backward(dout)
    np.testing.assert_array_equal(dout, kept)


def test_relu_forward_leaves_the_callers_input_alone():
    x = np.array([-1.0, 2.0])
    ReLU().forward(x)
    assert x.tolist() == [-1.0, 2.0]


def test_wrong_shapes_are_named_in_the_error(rng):
    with pytest.raises(ValueError, match=r"\(2,\).*\(3,\)"):
        MulLayer().forward(np.ones(2), np.ones(3))
    layer = Affine(rng.normal(size=(4, 3)), np.zeros(3))
    with pytest.raises(ValueError, match=r"\(2, 5\).*\(4, 3\)"):
        layer.forward(np.ones((2, 5)))
    with pytest.raises(ValueError, match=r"W .*\(4, 3\).*b .*\(2,\)"):
        Affine(np.ones((4, 3)), np.ones(2))
    relu = ReLU()
    relu.forward(np.ones((2, 2)))
    with pytest.raises(ValueError, match=r"\(3,\).*\(2, 2\)"):
        relu.backward(np.ones(3))
    with pytest.raises(ValueError, match=r"t \(targets\) has shape \(1, 2\).*x \(scores\) has shape \(1, 3\)"):
        SoftmaxWithLoss().forward(np.ones((1, 3)), np.ones((1, 2)))


def test_nan_input_is_refused():
    with pytest.raises(ValueError, match="NaN"):
        Sigmoid().forward(np.array([0.0, np.nan]))
    with pytest.raises(ValueError, match="NaN"):
        SoftmaxWithLoss().forward(np.array([[np.nan, 0.0]]), np.array([[1.0, 0.0]]))


def test_backward_before_forward_is_refused():
    with pytest.raises(RuntimeError, match="before"):
        MulLayer().backward(1.0)


def test_numerical_gradient_restores_x_and_uses_central_difference():
    x = np.array([1.0, -2.0, 3.0])
    grad = numerical_gradient(lambda v: float(np.sum(v**3)), x)
    assert x.tolist() == [1.0, -2.0, 3.0]
    np.testing.assert_allclose(grad, 3 * x**2, rtol=1e-9)



def test_numerical_gradient_accepts_integers_and_plain_numbers():
    ints = np.array([1, 2])
    np.testing.assert_allclose(numerical_gradient(lambda v: float(np.sum(v**2)), ints), [2.0, 4.0], rtol=1e-9)
    assert ints.tolist() == [1, 2]
    slope = numerical_gradient(lambda v: v**3, 2.0)
    assert isinstance(slope, float) and slope == pytest.approx(12.0, rel=1e-9)
