"""Input checks shared by the layers.

A wrong shape or a NaN deep inside a backward pass is hard to trace back to
its cause, so the layers reject bad input at the door with a message that
names the shapes involved.
"""

import numpy as np


def as_real_array(value, name):
    """``value`` as an array of bool, int or float, keeping its dtype (labels stay integers).

    Complex numbers and text are refused rather than converted: NumPy would
    drop an imaginary part with only a warning, and "1.5" is not a number.
    """
    try:
        array = np.asarray(value)
    except ValueError:  # nested lists of different lengths
        raise ValueError(f"{name} must be a rectangular array; got a ragged {type(value).__name__}") from None
    if array.dtype.kind == "O":  # a list mixing numbers with other objects
        try:
            array = array.astype(float)
        except (TypeError, ValueError):
            raise TypeError(f"{name} must hold real numbers (bool, int or float); got {array!r}") from None
    if array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold real numbers (bool, int or float); got dtype {array.dtype}")
    return array


def as_finite_array(value, name, copy=False):
    """``value`` as a float array (a copy if asked), refusing NaN and infinity."""
    array = as_real_array(value, name).astype(float, copy=copy)
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


def as_upstream_gradient(dout, shape):
    """dout as a finite array of the forward output's shape.

    A plain number is accepted where the output has one element, so that
    ``backward(1.0)`` starts the backward pass from a one-element output.
    """
    dout = as_finite_array(dout, "dout")
    if dout.ndim == 0 and int(np.prod(shape)) == 1:
        return dout.reshape(shape)
    require_same_shape("dout", dout, "the forward output", np.empty(shape))
    return dout


def as_operands(x, y):
    """x and y as finite arrays of one shape, or one of them a plain number.

    Other broadcasting is refused: a (3,) and a (3, 1) operand would silently
    make a (3, 3) result.
    """
    x, y = as_finite_array(x, "x"), as_finite_array(y, "y")
    if x.shape != y.shape and x.ndim > 0 and y.ndim > 0:
        raise ValueError(f"x has shape {x.shape} but y has shape {y.shape}; they must match, or one be a number")
    return x, y


def as_loss_gradient(dout):
    """The upstream gradient of a loss, which is one number, so dout is one too."""
    dout = as_finite_array(dout, "dout")
    if dout.ndim:
        raise ValueError(f"dout must be a number, as the loss is; got shape {dout.shape}")
    return dout
