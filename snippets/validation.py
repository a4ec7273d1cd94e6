"""Input checks shared by the layers.

A wrong shape or a NaN deep inside a backward pass is hard to trace back to
its cause, so the layers reject bad input at the door with a message that
names the shapes involved.
"""

import numpy as np


def as_finite_array(value, name):
    """Return ``value`` as a float array, refusing NaN and infinity."""
    array = np.asarray(value, dtype=float)
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} contains NaN or infinity: {array!r}")
    return array


def require_same_shape(name_a, a, name_b, b):
    """Refuse two operands whose shapes differ (broadcasting would hide a bug)."""
    shape_a, shape_b = np.shape(a), np.shape(b)
    if shape_a != shape_b:
        raise ValueError(
            f"{name_a} has shape {shape_a} but {name_b} has shape {shape_b}; "
            "they must match"
        )


def require_forward_first(cached, layer):
    """Refuse a backward call that has no forward pass to differentiate."""
    if cached is None:
        raise RuntimeError(f"{layer}.backward() called before {layer}.forward()")
