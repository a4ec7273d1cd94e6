"""Softmax and cross-entropy fused into one layer, whose gradient is y - t."""

# --8<-- [start:softmax_with_loss]
import numpy as np
from numpy.typing import ArrayLike

from snippets.layers.softmax import log_softmax, softmax
from snippets.validation import as_finite_array, as_loss_gradient, require_forward_first, require_same_shape


def as_target_distribution(t: ArrayLike, scores: np.ndarray) -> np.ndarray:
    """t: (N,) labels or (N, C) probabilities -> (N, C) rows that each sum to 1.

    Class labels (one int per row) become one-hot rows; any other target must be
    rows of probabilities, since (y - t) / N is the gradient only when each row sums to 1.
    """
    if np.asarray(t).dtype.kind in "iu" and np.ndim(t) == scores.ndim - 1:
        labels, classes = np.asarray(t), scores.shape[-1]
        if np.any((labels < 0) | (labels >= classes)):
            raise ValueError(f"labels must be in 0..{classes - 1}; got {labels!r}")
        return np.eye(classes)[labels]
    t = as_finite_array(t, "t")
    require_same_shape("x (scores)", scores, "t (targets)", t)
    if np.any(t < 0) or not np.allclose(t.sum(axis=-1), 1.0):
        raise ValueError(f"each row of t must be non-negative and sum to 1 (one-hot or probabilities); got {t!r}")
    return t


class SoftmaxWithLoss:
    """Softmax then cross-entropy: x: (N, C) scores and t -> the mean loss, a number ().

    backward() returns dx = (y - t) / N, shaped like x: () -> (N, C).
    x is one row of scores (C,) or a batch (N, C); t is one-hot rows (N, C) or integer labels (N,).
    """

    def __init__(self) -> None:
        self.y = self.t = None

    def forward(self, x: ArrayLike, t: ArrayLike) -> float:
        """x: (N, C) scores, t: (N, C) or (N,) labels -> the mean loss, a number ()."""
        x = as_finite_array(x, "x")
        if x.ndim not in (1, 2):
            raise ValueError(f"x must have shape (C,) or (N, C); got {x.shape}")
        self.t = as_target_distribution(t, x)
        self.y = softmax(x)
        # The loss from log-probabilities stays exact where y itself rounds to 0.
        return float(-np.sum(self.t * log_softmax(x)) / self.batch_size)

    @property
    def batch_size(self) -> int:
        """N of the last forward's x: (N, C) (1 for one row (C,))."""
        return 1 if self.y.ndim == 1 else self.y.shape[0]

    def backward(self, dout: float = 1.0) -> np.ndarray:
        """dout: () -> dx: (N, C), dout * (y - t) / N."""
        require_forward_first(self.y, "SoftmaxWithLoss")
        return as_loss_gradient(dout) * (self.y - self.t) / self.batch_size
# --8<-- [end:softmax_with_loss]
