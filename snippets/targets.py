"""The targets a loss accepts, checked and turned into rows shaped like the scores.

One rule for every loss. For scores of shape (N, C): integer labels of shape
(N,) with values in [0, C), or targets of shape (N, C) (one-hot rows,
probability rows, or for a squared error any values). For one sample, scores
of shape (C,): one integer label, or one row of shape (C,). Nothing is
broadcast: a single row is never repeated for a batch, and a label vector is
never read as one row, even when N equals C.
"""

import numpy as np

from snippets.validation import as_finite_array, as_real_array


def as_class_scores(scores, name):
    """Scores (or probabilities) of one sample (C,) or a batch (N, C), neither empty."""
    scores = as_finite_array(scores, name)
    if scores.ndim not in (1, 2) or scores.size == 0:
        raise ValueError(f"{name} must have shape (C,) for one sample or (N, C) for a batch, "
                         f"with N, C >= 1; got shape {scores.shape}")
    return scores


def expected_targets(shape):
    """The accepted forms of t for scores of ``shape``, as the error messages state them."""
    if len(shape) == 1:
        return f"one integer label in [0, {shape[0]}) or a target row of shape {shape}"
    return f"integer labels of shape ({shape[0]},) with values in [0, {shape[1]}) or targets of shape {shape}"


def refuse_targets(t, scores, scores_name, error=ValueError):
    """Raise ``error`` naming t's shape and dtype, the scores' shape and what would fit."""
    hints = []
    if t.ndim == scores.ndim - 1 and t.dtype.kind not in "iu":
        hints.append("class labels must be integers (t.astype(int) if they are whole numbers)")
    if scores.ndim == 2 and t.shape == scores.shape[1:]:
        hints.append("one target row is never repeated for every sample")
    if scores.ndim == 2 and t.shape == (scores.shape[0], 1):
        hints.append("labels go in a vector of shape (N,), not a column (t.ravel())")
    raise error(f"t (targets) has shape {t.shape} and dtype {t.dtype}, but {scores_name} has shape "
                f"{scores.shape}: expected {'; '.join([expected_targets(scores.shape), *hints])}")


def labels_to_one_hot(labels, scores, scores_name):
    """Integer labels, one per sample of scores, as one-hot rows shaped like scores."""
    if labels.shape != scores.shape[:-1]:
        refuse_targets(labels, scores, scores_name)
    classes = scores.shape[-1]
    if np.any((labels < 0) | (labels >= classes)):
        raise ValueError(f"t (labels) must be in [0, {classes}) for the {classes} classes of "
                         f"{scores_name}; got values from {labels.min()} to {labels.max()}")
    return np.eye(classes)[labels]


def as_class_targets(t, scores, scores_name, probabilities=True):
    """t as float rows shaped like scores (C,) or (N, C), by the rule above.

    Labels become one-hot rows. With ``probabilities`` every row must also be
    non-negative and sum to 1, which the gradient (y - t) / N of softmax with
    cross-entropy assumes.
    """
    t = as_real_array(t, "t (targets)")
    if t.ndim == scores.ndim - 1:
        if t.dtype.kind not in "iu":
            refuse_targets(t, scores, scores_name, TypeError)
        return labels_to_one_hot(t, scores, scores_name)
    if t.shape != scores.shape:
        refuse_targets(t, scores, scores_name)
    t = as_finite_array(t, "t (targets)")
    if probabilities and (np.any(t < 0) or not np.allclose(t.sum(axis=-1), 1.0)):
        raise ValueError("each row of t (targets) must be non-negative and sum to 1 "
                         f"(one-hot or probabilities); got {t!r}")
    return t


def as_value_targets(t, y, y_name):
    """Targets of a squared error: values of y's own shape, or, where y holds
    class scores (C,) or (N, C) with C >= 2, class labels as one-hot rows."""
    t = as_real_array(t, "t (targets)")
    if t.shape == y.shape:
        return as_finite_array(t, "t (targets)")
    if y.ndim in (1, 2) and y.shape[-1] >= 2:
        return as_class_targets(t, y, y_name, probabilities=False)
    raise ValueError(f"t (targets) has shape {t.shape} and dtype {t.dtype}, but {y_name} has shape "
                     f"{y.shape}: expected targets of shape {y.shape}")
