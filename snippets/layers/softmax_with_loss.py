"""Softmax and cross-entropy fused into one layer, whose gradient is y - t."""

# --8<-- [start:softmax_with_loss]
import numpy as np

from snippets.layers.softmax import log_softmax, softmax
from snippets.targets import as_class_scores, as_class_targets
from snippets.validation import as_loss_gradient, require_forward_first


class SoftmaxWithLoss:
    """forward(x, t) returns the mean loss; backward() returns (y - t) / batch size, shaped like x.

    x is one row of scores (C,) or a batch (N, C); t is one-hot rows or integer labels.
    """

    def __init__(self):
        self.y = self.t = None

    def forward(self, x, t):
        x = as_class_scores(x, "x (scores)")
        # integer labels become one-hot rows; one-hot or probability rows stay as they are
        self.t = as_class_targets(t, x, "x (scores)")
        self.y = softmax(x)
        # The loss from log-probabilities stays exact where y itself rounds to 0.
        return float(-np.sum(self.t * log_softmax(x)) / self.batch_size)

    @property
    def batch_size(self):
        return 1 if self.y.ndim == 1 else self.y.shape[0]

    def backward(self, dout=1.0):
        require_forward_first(self.y, "SoftmaxWithLoss")
        return as_loss_gradient(dout) * (self.y - self.t) / self.batch_size
# --8<-- [end:softmax_with_loss]
