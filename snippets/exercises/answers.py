"""Judge one answer against the expected value, without words.

messages.py turns a Verdict into a sentence in the notebook's language. What is
judged here: a blank (``...``), something that is not a number, a wrong shape
(a 1-element array where a number is expected is named as such), a value
right to the tolerance, a value rounded as a learner would copy it from a
printout, a value rounded too far, and a wrong value.

A typed float keeps the digits it was typed with: ``repr`` gives the shortest
string that reads back as the same float, so ``-0.0706`` still shows its four
decimals. A computed value shows about 17 significant digits and so is held
to the tolerance instead.
"""

from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from snippets.gradient import relative_error

MIN_DECIMALS = 2  # 0.07 for 0.0706 is a value, 0.1 is a guess
MIN_SIGNIFICANT = 3  # for values such as 1.44e+13 that decimals cannot describe


@dataclass(frozen=True)
class Verdict:
    """kind is one of: blank, not_a_number, number_expected, array_expected,
    shape, correct, rounded, too_rounded, wrong; details fill the message."""

    kind: str
    details: dict = field(default_factory=dict)

    @property
    def right(self):
        return self.kind in ("correct", "rounded")


def typed_digits(value):
    """(decimals, significant digits) of a float as it was typed: -0.0706 -> (4, 3), 1.44e13 -> (-11, 3)."""
    if value == 0 or not np.isfinite(value):
        return 0, 1
    _, digits, exponent = Decimal(repr(float(value))).normalize().as_tuple()
    return -exponent, len(digits)


def _as_array(answer):
    """The answer as a float array, or None when it is not numbers (a string, a dict, a function);
    a string is refused even when it reads as a number, since the answer is a value, not text."""
    try:
        array = np.asarray(answer)
    except (TypeError, ValueError):
        return None
    return array.astype(float) if array.dtype.kind in "iuf" else None


def _shape_verdict(array, expected):
    """A Verdict when the shapes do not fit, else None."""
    if array.shape == expected.shape:
        return None
    if expected.ndim == 0:
        return Verdict("number_expected", {"shape": array.shape, "size": array.size})
    if array.ndim == 0:
        return Verdict("array_expected", {"expected": expected.shape})
    return Verdict("shape", {"shape": array.shape, "expected": expected.shape})


def _significant_half_units(array, expected, significant):
    """Half a unit in the last of `significant` digits, element by element (from the
    answer's magnitude, or the expected one's where the answer is 0)."""
    magnitude = np.where(array != 0, np.abs(array), np.abs(expected))
    exponent = np.floor(np.log10(np.where(magnitude > 0, magnitude, 1.0)))
    return 0.5 * 10.0 ** (exponent - significant + 1)


def _rounding_verdict(array, expected):
    """Is the answer the expected value rounded as a printout rounds it: every element to
    the same number of decimals (like :.4f), or of significant digits (like :.2e)?
    The most precise element tells how many: repr drops trailing zeros (18.0 for 1.80e+01)."""
    digits = [typed_digits(value) for value in array.ravel()]
    decimals, significant = max(d for d, _ in digits), max(s for _, s in digits)
    slack = 1 + 1e-9  # for the float's own rounding
    error = np.abs(array - expected)
    by_decimals = bool(np.all(error <= 0.5 * 10.0**-decimals * slack))
    by_significant = bool(np.all(error <= _significant_half_units(array, expected, significant) * slack))
    if by_decimals and decimals >= MIN_DECIMALS:
        return Verdict("rounded", {"decimals": decimals})
    if by_significant and significant >= MIN_SIGNIFICANT:
        return Verdict("rounded", {"significant": significant})
    if by_decimals or by_significant:
        return Verdict("too_rounded", {"decimals": MIN_DECIMALS, "significant": MIN_SIGNIFICANT})
    return Verdict("wrong")


def judge(answer, expected, tolerance):
    """The Verdict on one answer; expected is a number or an array."""
    if answer is Ellipsis or answer is None:
        return Verdict("blank")
    array, expected = _as_array(answer), np.asarray(expected, dtype=float)
    if array is None:
        return Verdict("not_a_number", {"type": type(answer).__name__})
    mismatch = _shape_verdict(array, expected)
    if mismatch is not None:
        return mismatch
    if not np.all(np.isfinite(array)):
        return Verdict("wrong")
    if relative_error(array, expected) <= tolerance:
        return Verdict("correct")
    return _rounding_verdict(array, expected)
