"""Softmax and cross-entropy fused into one layer, whose gradient is y - t."""

import numpy as np

from snippets.validation import as_finite_array, require_forward_first, require_same_shape


# --8<-- [start:softmax]
def softmax(a):
    """Subtracting the row maximum keeps exp from overflowing; the result is unchanged."""
    a = np.asarray(a, dtype=float)
    shifted = a - a.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)
# --8<-- [end:softmax]


def log_softmax(a):
    """log(softmax(a)) computed without ever forming a probability that underflows to 0."""
    a = np.asarray(a, dtype=float)
    shifted = a - a.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def cross_entropy_error(y, t):
    """Mean over the batch of -sum t log y; a tiny floor keeps log(0) finite."""
    y = np.atleast_2d(y)
    t = np.atleast_2d(t)
    return float(-np.sum(t * np.log(np.maximum(y, 1e-300))) / y.shape[0])


# --8<-- [start:softmax_with_loss]
class SoftmaxWithLoss:
    """forward(x, t) returns the loss; backward() returns (y - t) / batch size."""

    def __init__(self):
        self.y = None
        self.t = None

    def forward(self, x, t):
        x = as_finite_array(x, "x")
        t = as_finite_array(t, "t")
        require_same_shape("x (scores)", x, "t (one-hot targets)", t)
        self.y = np.atleast_2d(softmax(x))
        self.t = np.atleast_2d(t)
        # The loss from log-probabilities stays exact where y itself rounds to 0.
        log_y = np.atleast_2d(log_softmax(x))
        return float(-np.sum(self.t * log_y) / self.y.shape[0])

    def backward(self, dout=1):
        require_forward_first(self.y, "SoftmaxWithLoss")
        batch_size = self.y.shape[0]
        return dout * (self.y - self.t) / batch_size
# --8<-- [end:softmax_with_loss]
