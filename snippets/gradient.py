"""Numerical gradients: slow, but an independent check on backpropagation."""

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike


def numerical_gradient(f: Callable[[np.ndarray], float], x: ArrayLike, h: float = 1e-5) -> np.ndarray | float:
    """Central difference (f(x+h) - f(x-h)) / 2h for every element of x: x of any shape (D1, D2, ...) -> the same shape.

    A float array is perturbed in place and restored, so f may close over x
    itself (as the parameters of a network do); the caller's values are
    unchanged afterwards. Anything else (a number, an integer array, a list)
    is first copied to a float array, since 3 + 1e-5 is not an integer;
    a number gives a number back.
    """
    if not (isinstance(x, np.ndarray) and x.dtype.kind == "f"):
        grad = numerical_gradient(f, np.array(x, dtype=float), h)
        return float(grad) if grad.ndim == 0 else grad
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        f_plus = f(x)
        x[index] = original - h
        f_minus = f(x)
        x[index] = original
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


def relative_error(analytic: ArrayLike, numeric: ArrayLike) -> float:
    """||a - n|| / (||a|| + ||n||), two arrays of one shape (D1, D2, ...) -> a number ().

    Scale-free, and 0 when both are zero.
    """
    analytic = np.asarray(analytic, dtype=float)
    numeric = np.asarray(numeric, dtype=float)
    denominator = np.linalg.norm(analytic) + np.linalg.norm(numeric)
    if denominator == 0:
        return 0.0
    return float(np.linalg.norm(analytic - numeric) / denominator)
