"""Layers with a ``forward``/``backward`` interface, one idea per module."""

from snippets.layers.affine import Affine
from snippets.layers.relu import ReLU
from snippets.layers.sigmoid import Sigmoid
from snippets.layers.simple import AddLayer, MulLayer
from snippets.layers.softmax_with_loss import SoftmaxWithLoss

__all__ = ["AddLayer", "Affine", "MulLayer", "ReLU", "Sigmoid", "SoftmaxWithLoss"]
