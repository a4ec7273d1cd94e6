"""Undoing NumPy broadcasting in a backward pass.

When forward stretched an operand (a number times an array, a bias added to
every row), that one value was used at many places, so its gradient is the
sum of the gradients of all those places: the multivariable chain rule.
"""

import numpy as np
from numpy.typing import ArrayLike


def sum_to_shape(grad: ArrayLike, shape: tuple[int, ...]) -> np.ndarray:
    """Sum ``grad`` over the axes that broadcasting added or stretched: (N, D) -> shape, e.g. (D,) or ()."""
    grad = np.asarray(grad, dtype=float)
    extra = grad.ndim - len(shape)
    grad = grad.sum(axis=tuple(range(extra)))  # axes the operand did not have
    stretched = tuple(i for i, size in enumerate(shape) if size == 1 and grad.shape[i] != 1)
    return grad.sum(axis=stretched, keepdims=True) if stretched else grad
