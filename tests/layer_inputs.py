"""Random inputs for the property tests, and the rule each layer is held to, written out again here.

The rule for targets (snippets/targets.py states it for the library): for
scores of shape (N, C), integer labels of shape (N,) with values in [0, C) or
targets of shape (N, C); for one sample (C,), one integer label or one row
(C,). The reference functions below decide validity and compute the expected
numbers their own way (one-hot by comparison with arange, losses by the
textbook formula), so a test fails on a silent wrong number as well as on a
wrong refusal.
"""

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

DTYPES = ["float64", "float32", "int64", "int8", "bool", "complex128"]
ELEMENTS = {
    "f": lambda dtype: st.floats(-20, 20, width=8 * dtype.itemsize),
    "i": lambda dtype: st.integers(-5, 5),
    "b": lambda dtype: st.booleans(),
    "c": lambda dtype: st.complex_numbers(max_magnitude=20, allow_nan=False, allow_infinity=False),
}
ANY_SHAPE = hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4)


@st.composite
def arrays(draw, shape=ANY_SHAPE, dtypes=DTYPES):
    """An array of a random dtype (complex included), sometimes with a NaN or an
    infinity, sometimes handed over as nested lists or a plain number."""
    shape = draw(shape) if isinstance(shape, st.SearchStrategy) else shape
    dtype = np.dtype(draw(st.sampled_from(dtypes)))
    array = draw(hnp.arrays(dtype, shape, elements=ELEMENTS[dtype.kind](dtype)))
    if dtype.kind == "f" and array.size and draw(st.integers(0, 9)) == 0:
        array.flat[draw(st.integers(0, array.size - 1))] = draw(st.sampled_from([np.nan, np.inf, -np.inf]))
    return array.tolist() if draw(st.integers(0, 9)) == 0 else array


def finite_floats(shape):
    """Finite float64 of ``shape``: weights that are right, or dout for a backward pass."""
    return hnp.arrays(np.float64, shape, elements=st.floats(-20, 20))


def is_real(value):
    """What every layer accepts as numbers: bool, int or float, all finite."""
    array = np.asarray(value)
    return array.dtype.kind in "biuf" and bool(np.all(np.isfinite(array.astype(float))))


def class_shapes():
    """Mostly (C,) or (N, C) with N, C in 1..4 (so N == C often), sometimes any shape."""
    n, c = st.integers(1, 4), st.integers(1, 4)
    return st.one_of(st.tuples(c), st.tuples(n, c), st.tuples(n, c), st.tuples(n, c), ANY_SHAPE)


TARGET_KINDS = ["labels", "labels", "one_hot", "one_hot_int", "probabilities", "unnormalised", "float_labels",
                "column", "wrong_count", "single_row", "scalar_label", "out_of_range", "anything"]


@st.composite
def targets_for(draw, shape):
    """Targets of every kind for scores of ``shape``: the right ones and each usual mistake."""
    kind = draw(st.sampled_from(TARGET_KINDS))
    n, c = (shape[0] if len(shape) == 2 else 1), (shape[-1] if shape else 1)
    batch = shape[:-1]
    labels = draw(hnp.arrays(np.int64, batch, elements=st.integers(0, max(c - 1, 0))))
    if kind == "labels":
        return labels
    if kind == "one_hot":
        return (labels[..., None] == np.arange(c)).astype(float)
    if kind == "one_hot_int":
        return (labels[..., None] == np.arange(c)).astype(draw(st.sampled_from(["int64", "bool"])))
    if kind == "probabilities":
        weights = draw(hnp.arrays(np.float64, shape, elements=st.floats(0.1, 5)))
        return weights / weights.sum(axis=-1, keepdims=True) if weights.ndim else weights
    if kind == "unnormalised":
        return draw(hnp.arrays(np.float64, shape, elements=st.floats(-2, 2)))
    if kind == "float_labels":
        return labels.astype(float)
    if kind == "column":
        return labels.reshape(-1, 1)
    if kind == "wrong_count":
        return draw(hnp.arrays(np.int64, draw(st.integers(0, 5)), elements=st.integers(0, max(c - 1, 0))))
    if kind == "single_row":
        return np.eye(max(c, 1))[0] if draw(st.booleans()) else np.eye(max(c, 1), dtype=int)[0]
    if kind == "scalar_label":
        return draw(st.integers(0, max(c - 1, 0)))
    if kind == "out_of_range":
        return labels + draw(st.sampled_from([-n - 2, c, c + 1]))
    return draw(arrays())


def reference_class_targets(shape, t, probabilities=True):
    """The targets as float rows shaped like the scores, or None where the rule refuses them."""
    t = np.asarray(t)
    if t.dtype.kind not in "biuf" or len(shape) not in (1, 2):
        return None
    classes = shape[-1]
    if t.dtype.kind in "iu" and t.shape == shape[:-1]:
        if np.any((t < 0) | (t >= classes)):
            return None
        return (t[..., None] == np.arange(classes)).astype(float)
    if t.shape != tuple(shape) or not is_real(t):
        return None
    t = t.astype(float)
    if probabilities and (np.any(t < 0) or not np.allclose(t.sum(axis=-1), 1.0)):
        return None
    return t


def reference_value_targets(shape, t):
    """Targets of a squared error: y's own shape, or class labels where y holds class scores."""
    if np.shape(t) == tuple(shape):
        return np.asarray(t, dtype=float) if is_real(t) else None
    if len(shape) in (1, 2) and shape[-1] >= 2:
        return reference_class_targets(shape, t, probabilities=False)
    return None


def reference_softmax_cross_entropy(scores, t):
    """(loss, dL/dscores) straight from the definitions, for scores in [-20, 20]."""
    scores, t = np.atleast_2d(scores), np.atleast_2d(t)
    exp = np.exp(scores)
    log_probabilities = scores - np.log(exp.sum(axis=1, keepdims=True))
    n = scores.shape[0]
    return -np.sum(t * log_probabilities) / n, (exp / exp.sum(axis=1, keepdims=True) - t) / n
