"""Layers with a ``forward``/``backward`` interface, one idea per module."""

from snippets.layers.affine import Affine
from snippets.layers.relu import ReLU
from snippets.layers.sequential import Sequential
from snippets.layers.sigmoid import Sigmoid
from snippets.layers.simple import AddLayer, MulLayer
from snippets.layers.softmax_with_loss import SoftmaxWithLoss
from snippets.layers.squared_error import MeanSquaredError, SumSquaredError

__all__ = [
    "AddLayer", "Affine", "MeanSquaredError", "MulLayer", "ReLU", "Sequential", "Sigmoid",
    "SoftmaxWithLoss", "SumSquaredError",
]
