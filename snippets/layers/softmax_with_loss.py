"""Softmax and cross-entropy fused into one layer, whose gradient is y - t."""

# --8<-- [start:softmax_with_loss]
import numpy as np
from numpy.typing import ArrayLike

from snippets.layers.softmax import log_softmax, softmax
from snippets.targets import as_class_scores, as_class_targets
from snippets.validation import as_loss_gradient, require_forward_first


class SoftmaxWithLoss:
    """Softmax then cross-entropy: x: (N, C) scores and t -> the mean loss, a number ().

    backward() returns dx = (y - t) / N, shaped like x: () -> (N, C).
    x is one row of scores (C,) or a batch (N, C); t is one-hot rows (N, C) or integer labels (N,).
    """

    def __init__(self) -> None:
        self.y = self.t = None

    def forward(self, x: ArrayLike, t: ArrayLike) -> float:
        """x: (N, C) scores, t: (N, C) rows or (N,) integer labels -> the mean loss, a number ()."""
        x = as_class_scores(x, "x (scores)")
        # integer labels become one-hot rows; one-hot or probability rows stay as they are
        self.t = as_class_targets(t, x, "x (scores)")
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
