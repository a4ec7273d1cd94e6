"""The target rule on the cases that once went wrong: each gives the right number or names t."""

import numpy as np
import pytest

from snippets.layers import Affine, MeanSquaredError, SoftmaxWithLoss, SumSquaredError
from snippets.layers.softmax import cross_entropy_error, softmax
from snippets.mlp import TwoLayerMLP

SCORES = np.eye(3) * 3  # batch size equal to the class count: labels (3,) look like one row
LABELS = np.array([0, 1, 2])


def test_labels_and_one_hot_rows_give_the_same_numbers_when_batch_size_equals_class_count():
    expected = -np.log(np.exp(3) / (np.exp(3) + 2))  # 0.0949, every row right with the same margin
    assert cross_entropy_error(softmax(SCORES), LABELS) == pytest.approx(expected)  # was 6.2848
    assert cross_entropy_error(softmax(SCORES), np.eye(3)) == pytest.approx(expected)
    assert SoftmaxWithLoss().forward(SCORES, LABELS) == pytest.approx(expected)
    for loss_type in (SumSquaredError, MeanSquaredError):
        with_labels, with_rows = loss_type(), loss_type()
        assert with_labels.forward(SCORES, LABELS) == with_rows.forward(SCORES, np.eye(3))
        np.testing.assert_array_equal(with_labels.backward(), with_rows.backward())
    net, x = TwoLayerMLP(2, 4, 3), np.array([[0.1, 0.2], [0.3, -0.1], [1.0, 0.5]])
    assert net.loss(x, LABELS) == net.loss(x, np.eye(3))
    for name, gradient in net.gradient(x, LABELS).items():
        np.testing.assert_array_equal(gradient, net.gradient(x, np.eye(3))[name])


@pytest.mark.parametrize(("t", "error", "message"), [
    (np.array([1.0, 0.0, 0.0]), TypeError, r"shape \(3,\) and dtype float64.*one target row is never"),
    (np.array([0, 1]), ValueError, r"t \(targets\) has shape \(2,\) and dtype int64.*labels of shape \(3,\)"),
    (np.array([0.0, 1.0, 2.0]), TypeError, r"dtype float64.*class labels must be integers"),
    (np.array([[0], [1], [2]]), ValueError, r"shape \(3, 1\).*not a column"),
    (np.array([0, 1, 3]), ValueError, r"t \(labels\) must be in \[0, 3\)"),
    (np.array([-1, 1, 2]), ValueError, r"t \(labels\) must be in \[0, 3\)"),
])
def test_every_loss_names_the_targets_it_refuses(t, error, message):
    for call in (lambda: cross_entropy_error(softmax(SCORES), t), lambda: SoftmaxWithLoss().forward(SCORES, t),
                 lambda: TwoLayerMLP(2, 4, 3).loss(np.ones((3, 2)), t)):
        with pytest.raises(error, match=message):
            call()


def test_affine_refuses_sizes_and_inputs_it_cannot_multiply():
    with pytest.raises(ValueError, match=r"W must be a non-empty 2-D array; got shape \(\).*Affine\(W, b\)"):
        Affine(2, 4)
    layer = Affine(np.ones((2, 3)))
    for x in (1.0, np.empty((0, 2))):
        with pytest.raises(ValueError, match=r"x must be one sample of shape \(2,\) or a non-empty batch"):
            layer.forward(x)
    with pytest.raises(TypeError, match=r"x must hold real numbers.*complex128"):
        layer.forward(np.array([1 + 1j, 2.0]))
