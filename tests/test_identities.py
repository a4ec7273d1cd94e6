"""The pages' equations hold for the values of the pages' own code.

Each page's Python blocks run again here, chain by chain, and every equation
of the page (``a = b = c``, display or inline) whose sides pagemodel.formulas
can read is evaluated with the variables of the nearest block of its section before it
(or, failing that, after it) that defines all its symbols. Only equations
that state a gradient (a side with ∂ or d) are read: they are the identities
the lessons rest on, and the code computes their left sides. Every side that can be
evaluated must agree. So ``y - t`` written as ``t - y``, a dropped ``1/N`` or
``y(1 - y)`` written as ``y(1 + y)`` fails here, with the page and line,
even when both languages carry the same mistake.
"""

import io
import warnings
from contextlib import redirect_stdout

import numpy as np
import pytest

from sitebuilder.pagemodel.formulas import gradient_equations, to_python
from sitebuilder.pagemodel.names import spelling
from sitebuilder.pagemodel.page import page
from sitebuilder.pagemodel.site import LANGUAGES, page_files, relative
from tests import run_summary
from tests.optional_torch import needs_torch, torch_available

PAGES = [p for lang in LANGUAGES for p in page_files(lang)]


def namespaces(model):
    """[(line of the block, {spelling: value})] after each Python block ran."""
    found, scope = [], {}
    for block in model.python_blocks:
        if not block.continues_previous:
            scope = {"__name__": "__page__"}
        # As the page tests do (pytest-markdown-docs runs a block with its chain):
        # a block whose chain imports torch needs torch, even if it does not itself.
        if not torch_available() and any(needs_torch(earlier.code) for earlier in block.chain):
            run_summary.TORCH_SKIPS["page-code scopes for identities"] += 1
            continue
        with redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(block.code, f"{model.name}:{block.line}", "exec"), scope)
        values = {}
        for name, value in scope.items():
            if isinstance(value, (int, float, np.ndarray, np.floating)) and not isinstance(value, bool):
                values.setdefault(spelling(name), value)
        found.append((block.line, values))
    return found


def resolve(names, values):
    """{placeholder: value} if every symbol is a variable (dL/dx may be dx), else None."""
    resolved = {}
    for placeholder, symbol in names.items():
        if symbol in values:
            resolved[placeholder] = values[symbol]
        elif symbol.startswith("dld") and "d" + symbol[3:] in values:
            resolved[placeholder] = values["d" + symbol[3:]]
        else:
            return None
    return resolved


def evaluate(expression, resolved):
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return np.asarray(eval(expression, {"np": np}, dict(resolved)), dtype=float)
    except Exception:
        return None


def readable_equations(model):
    """[(math, [(side, (expression, names))])] with at least two readable sides."""
    found = []
    for math in model.math:
        for equation in gradient_equations(math.body):
            readable = [(side, to_python(side)) for side in equation]
            readable = [(side, r) for side, r in readable if r is not None]
            if len(readable) >= 2:
                found.append((math, readable))
    return found


def identity_problems(path):
    model = page(path)
    equations = readable_equations(model)
    if not equations:
        return []  # nothing to evaluate: the page's code need not run again
    scopes = namespaces(model)
    problems = []
    for math, readable in equations:
        start, end = model.section(math.line)
        before = [s for s in reversed(scopes) if start < s[0] < math.line]
        after = [s for s in scopes if math.line < s[0] < end]
        for _, values in before + after:
            results = [(side, evaluate(expr, resolve(names, values)))
                       for side, (expr, names) in readable if resolve(names, values) is not None]
            results = [(side, v) for side, v in results if v is not None]
            if len(results) < 2 or len(results) < len(readable):
                continue
            first_side, first = results[0]
            for side, value in results[1:]:
                same = first.shape == value.shape or first.size == 1 or value.size == 1
                if not same or not np.allclose(first, value, rtol=1e-9, atol=1e-12):
                    problems.append(
                        f"{relative(path)}:{math.line}: {first_side.strip()} = {np.round(first, 6).tolist()} "
                        f"but {side.strip()} = {np.round(value, 6).tolist()} with the page's code"
                    )
            break
    return problems


@pytest.mark.parametrize("path", PAGES, ids=relative)
def test_equations_hold_for_the_pages_code(path):
    problems = identity_problems(path)
    assert not problems, "\n".join(problems)
