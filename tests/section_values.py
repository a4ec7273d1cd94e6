"""An expression with symbols, evaluated with the values its section gives them.

``\\(y(1 - y) \\approx 0.1966\\)`` holds a symbol, so the formula check cannot
evaluate it and any 0.7311 printed on the page used to pass. When the section
gives every symbol of the expression one value (an output line ``y = 0.7311``,
a code line ``y = 0.7311``, an earlier ``\\(y = 0.7311\\)``), the expression is
evaluated at those values. The values are rounded, so it is evaluated at every
corner of ± half a unit of each value's last digit; the stated number must lie
within that range, widened by half a unit of its own last digit.
"""

import itertools
from decimal import Decimal

import numpy as np

from sitebuilder.pagemodel.names import claims, named_values, spelling
from sitebuilder.pagemodel.numbers import as_decimal, half_step

FLOAT_NOISE = Decimal("1e-12")
MAX_SYMBOLS = 6  # 2**6 corners; more symbols than this is not a worked example


class Missing(LookupError):
    """A symbol the section gives no single value."""


class ValueScope:
    """The scope tex_arithmetic evaluates in: one number per symbol, nothing drawn."""

    def __init__(self, values):
        self.values, self.used = values, set()

    def symbol(self, name, indexed):
        if indexed or name not in self.values:
            raise Missing(name)
        self.used.add(name)
        return self.values[name]

    def derivative(self, top, bottom, indexed):
        return self.symbol(spelling(f"d{top}/d{bottom}"), indexed)


def section_values(page, line, math=None):
    """{spelling: value text} for every symbol the section around ``line`` gives
    exactly one value: printed or assigned in the section's code, or stated by a
    formula of the section up to that line (``math`` itself excepted) as ``symbol = number``."""
    section = page.section(line)
    found = {name: [str(v) for v in values] for name, values in named_values(page, section).items()}
    for earlier in page.math:
        if earlier is math or not section[0] < earlier.line <= line:
            continue
        for symbols, number in claims(earlier.body):
            for symbol in symbols:
                found.setdefault(symbol, []).append(number.replace("−", "-"))
    return {name: texts[0] for name, texts in found.items()
            if len({as_decimal(t).normalize() for t in texts}) == 1}


def value_range(node, values):
    """(lowest, highest, the symbols used) the node takes within the rounding of
    its symbols' values, or None if a symbol has no value or the result is not one number."""
    centre = ValueScope({name: float(text) for name, text in values.items()})
    try:
        with np.errstate(all="ignore"):
            node.value(centre)
    except (Missing, ValueError, TypeError, IndexError, ZeroDivisionError):
        return None
    used = sorted(centre.used)
    if not used or len(used) > MAX_SYMBOLS:
        return None
    results = []
    for signs in itertools.product((-1, 1), repeat=len(used)):
        corner = dict(centre.values)
        for name, sign in zip(used, signs):
            corner[name] = float(as_decimal(values[name]) + sign * half_step(values[name]))
        with np.errstate(all="ignore"):
            result = np.asarray(node.value(ValueScope(corner)), dtype=float)
        if result.ndim or not np.isfinite(result):
            return None
        results.append(float(result))
    return min(results), max(results), used


def agrees(text, low, high):
    """Does the number written as ``text`` lie within [low, high], widened by its rounding?"""
    value, slack = as_decimal(text), half_step(text) + FLOAT_NOISE
    return Decimal(repr(low)) - slack <= value <= Decimal(repr(high)) + slack
