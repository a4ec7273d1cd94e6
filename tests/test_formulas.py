"""Every equation a page states holds, or the list says why it is not evaluated.

tests/formula_claims.py sorts each ``a = b`` of every formula (display and
inline) into definitions, values, identities and arithmetic; identities and
arithmetic are evaluated for random values of their symbols, with the
derivatives the formulas name computed numerically. So ``σ′(z) = σ(z)(1 + σ(z))``,
``\\sqrt{32/2} = 5`` or ``\\frac{1}{n}(y_i - t_i)`` for ``\\frac{\\partial L}{\\partial y_i}``
fails here even where no code computes them. What is not evaluated is counted
(the run's last lines say how many) and its reason is in tests/formulas_unchecked.yml.
"""

from functools import cache

import pytest

from sitebuilder.pagemodel.page import page
from sitebuilder.pagemodel.site import LANGUAGES, page_files, relative
from tests import run_summary
from tests.formula_claims import listed_reason, page_statements, unchecked_list

PAGES = [p for lang in LANGUAGES for p in page_files(lang)]


@cache
def statements_of(path):
    return page_statements(page(path))


def needs_a_reason(statement):
    return statement.kind == "unreadable" or (statement.kind == "evaluated" and statement.detail)


@pytest.mark.parametrize("path", PAGES, ids=relative)
def test_every_equation_holds_or_is_listed(path):
    kinds, patterns = unchecked_list()
    problems = []
    for statement in statements_of(path):
        where = f"{relative(path)}:{statement.line}: {statement.text}"
        if not needs_a_reason(statement):
            assert statement.kind == "evaluated" or statement.kind in kinds, f"{where}: no reason for {statement.kind}"
            run_summary.FORMULAS["evaluated" if statement.kind == "evaluated" else "unchecked"] += 1
        elif listed_reason(statement, patterns):
            run_summary.FORMULAS["unchecked"] += 1
        elif statement.kind == "unreadable":
            problems.append(f"{where}\n    cannot be evaluated ({statement.detail}): teach "
                            "sitebuilder/pagemodel/tex_arithmetic.py the sign, or list it with its reason "
                            "in tests/formulas_unchecked.yml")
        else:
            problems.append(f"{where}\n    does not hold: {statement.detail}")
    assert not problems, "\n".join(problems)


def test_every_listed_pattern_is_still_needed():
    _, patterns = unchecked_list()
    needed = [s for path in PAGES for s in statements_of(path) if needs_a_reason(s)]
    unused = [p.pattern for p, _ in patterns if not any(p.search(s.text) for s in needed)]
    assert not unused, f"tests/formulas_unchecked.yml lists patterns no statement needs: {unused}"
