"""An expression with symbols, evaluated with the values its section gives them.

``\\(y(1 - y) \\approx 0.1966\\)`` holds a symbol, so the formula check cannot
evaluate it and any 0.7311 printed on the page used to pass. When the section
(or else the page) gives every symbol of the expression one value (an output
line ``y = 0.7311``, a code line ``y = 0.7311``, an earlier ``\\(y = 0.7311\\)``),
the expression is evaluated at those values. Printed and stated values are
rounded, so it is evaluated at every corner of ± half a unit of each one's last
digit (a code literal is exact); the stated number must lie within that range,
widened by half a unit of its own last digit.
"""

import itertools
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from sitebuilder.pagemodel.names import claims, named_values, spelling
from sitebuilder.pagemodel.numbers import as_decimal, half_step

FLOAT_NOISE = Decimal("1e-12")
MAX_SYMBOLS = 6  # 2**6 corners; more symbols than this is not a worked example


class Missing(LookupError):
    """A symbol the section gives no single value."""


@dataclass(frozen=True)
class Given:
    """A symbol's value as the page writes it; a literal of the code is exact,
    anything printed or stated is rounded to its last digit."""

    text: str
    exact: bool = False

    @property
    def rounding(self):
        return Decimal(0) if self.exact else half_step(self.text)

    def __str__(self):
        return self.text


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


def _code_values(page, section=None):
    """{spelling: [Given]} of what the code prints (rounded) and assigns (exact)."""
    found = {}
    for exact in (False, True):
        for name, values in named_values(page, section, printed=not exact, assigned=exact).items():
            found.setdefault(name, []).extend(Given(str(v), exact) for v in values)
    return found


def section_values(page, line, math=None):
    """{spelling: Given} for every symbol the section around ``line`` gives
    exactly one value: printed or assigned in the section's code, or else stated by
    a formula of the section up to that line (``math`` itself excepted) as ``symbol = number``,
    or else printed or assigned by the code of the rest of the page (an example set
    up in one section and worked in the next)."""
    section = page.section(line)
    found = _code_values(page, section)
    stated = {}  # what the formulas state fills in only what the code leaves open
    for earlier in page.math:
        if earlier is math or not section[0] < earlier.line <= line:
            continue
        for symbols, number in claims(earlier.body):
            for symbol in symbols:
                stated.setdefault(symbol, []).append(Given(number.replace("−", "-")))
    found.update((name, given) for name, given in stated.items() if name not in found)
    # a symbol the section leaves open keeps the value the page's code gives it, if only one
    found.update((name, given) for name, given in _code_values(page).items() if name not in found)
    return {name: min(given, key=lambda g: g.rounding) for name, given in found.items()
            if len({as_decimal(g.text).normalize() for g in given}) == 1}


def value_range(node, values):
    """(lowest, highest, the symbols used) the node takes within the rounding of
    its symbols' values (``{spelling: Given}``), or None if a symbol has no value or
    the result is not one number."""
    centre = ValueScope({name: float(given.text) for name, given in values.items()})
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
            corner[name] = float(as_decimal(values[name].text) + sign * values[name].rounding)
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
