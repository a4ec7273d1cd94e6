"""Softmax and the log of it, both safe for scores of any size."""

# --8<-- [start:softmax]
import numpy as np
from numpy.typing import ArrayLike


def softmax(a: ArrayLike) -> np.ndarray:
    """Probabilities along the last axis, a: (N, C) -> (N, C) (or (C,) -> (C,)).

    Subtracting the row maximum keeps exp from overflowing; the result is unchanged.
    """
    a = np.asarray(a, dtype=float)
    shifted = a - a.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)
# --8<-- [end:softmax]

from snippets.targets import as_class_scores, as_class_targets


def log_softmax(a: ArrayLike) -> np.ndarray:
    """log(softmax(a)), a: (N, C) -> (N, C), without ever forming a probability that underflows to 0."""
    a = np.asarray(a, dtype=float)
    shifted = a - a.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def cross_entropy_error(y: ArrayLike, t: ArrayLike) -> float:
    """Mean over the batch of -sum t log y: y (N, C) or (C,), t labels (N,) or rows like y -> a number ().

    y is probabilities; t is integer labels or rows shaped like y. A tiny floor keeps log(0) finite.
    """
    y = as_class_scores(y, "y (probabilities)")
    if np.any(y < 0):
        raise ValueError(f"y (probabilities) must be non-negative, as softmax outputs are; got {y!r}")
    t = np.atleast_2d(as_class_targets(t, y, "y (probabilities)"))  # now shaped like y
    y = np.atleast_2d(y)
    return float(-np.sum(t * np.log(np.maximum(y, 1e-300))) / y.shape[0])
