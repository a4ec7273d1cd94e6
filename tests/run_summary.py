"""Counts the tests gather during a run, for the lines conftest.py prints at its end.

Skips and unchecked statements are summed here rather than left to pytest's
one-word "skipped", so a run says how much it did not check.
"""

from collections import Counter

FORMULAS = Counter()  # "evaluated", "unchecked"
TORCH_SKIPS = Counter()  # "page blocks", "output comparisons", ...


def formula_line():
    if not FORMULAS:
        return None
    return (f"formulas: {FORMULAS['evaluated']} evaluated, {FORMULAS['unchecked']} unchecked "
            "(reasons in tests/formulas_unchecked.yml)")


def torch_line():
    total = sum(TORCH_SKIPS.values())
    if not total:
        return None
    parts = ", ".join(f"{count} {what}" for what, count in sorted(TORCH_SKIPS.items()))
    return f"PyTorch not installed: {total} checks skipped ({parts}); run WITH_TORCH=1 make test to run them"
