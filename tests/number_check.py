"""Which stated numbers of a page its code does not back.

A stated number (sign included) is "backed" when some number the page's code
prints (in an ``output`` block, itself checked against the real output) or
writes as a literal shows it at the precision the page shows
(pagemodel.numbers.shows). Small integers (0-10) count as backed: they are
indices, counts and exponents, not results.

Where the mathematics names what a number is (``\\(L \\approx 0.0136\\)``) and
the code gives that name exactly one value in the section around it, or else on the
page (an output line ``L = 0.0136``, a code line ``w2 = 0.6``), the number must show *that* value: an equal number
elsewhere on the page does not back it (pagemodel.names). The prose names one the
same way (``\\(w_5\\) becomes 0.3589``, ``\\(w_5\\)는 0.3589``; "the gradient −0.017 of
``\\(w_3\\)``" / "``\\(w_3\\)``의 기울기 −0.017" names ``dL/dw3``).
"""

from sitebuilder.pagemodel.names import claims, named_values, prose_claims
from sitebuilder.pagemodel.numbers import (
    Stated,
    as_decimal,
    computed_numbers,
    is_backed,
    printed_numbers,
    shows,
    stated_numbers,
)
from sitebuilder.pagemodel.page import page as page_model
from sitebuilder.pagemodel.site import DOCS, REPO

# Timing results written by benchmarks/ and included into a page: measurements of
# this machine, not output of the page's code. A page that shows them names the
# file in its front matter (measured_results: [docs/assets/benchmarks/results.md]).
MEASURED_RESULTS = DOCS / "assets" / "benchmarks"


def measured_numbers(page):
    """Numbers of the results files named in the front matter's measured_results."""
    values = []
    for name in page.front_matter.get("measured_results", []):
        path = (REPO / name).resolve()
        if MEASURED_RESULTS.resolve() not in path.parents:
            raise ValueError(f"measured_results may only name files under {MEASURED_RESULTS}: {name}")
        values += printed_numbers(path.read_text(encoding="utf-8"))
    return values


def unbacked_numbers(page):
    """The stated numbers of a page model (or a path) that nothing computed backs."""
    if not hasattr(page, "blocks"):
        page = page_model(page)
    allowed = {as_decimal(str(n)) for n in page.front_matter.get("numbers_not_computed", [])}
    computed = computed_numbers(page) + measured_numbers(page)
    return [
        s for s in stated_numbers(page)
        if not s.is_free and s.value not in allowed and not is_backed(s, computed)
    ]


def _stated_claims(page):
    """(Stated, symbols) of every ``symbol = number`` of the math and every
    ``\\(symbol\\) is number`` of the prose."""
    for math in page.math:
        for symbols, number in claims(math.body):
            yield Stated(number, math.line), symbols
    for line, text in page.prose:
        for symbols, number, column in prose_claims(text):
            yield Stated(number, line, column=column), symbols


def mistied_numbers(page):
    """[(Stated, symbol, the value the code gives it)] for every claim
    ``symbol = number`` whose number does not show the one value the code
    gives that symbol. A symbol the code gives several values (x in two
    examples) is ambiguous and left to the page-wide check."""
    if not hasattr(page, "blocks"):
        page = page_model(page)
    wrong = []
    for stated, symbols in _stated_claims(page):
        if stated.is_free:
            continue
        # the section's own values first: one page may run two examples
        named = named_values(page, page.section(stated.line))
        if not any(s in named for s in symbols):
            named = named_values(page)
        for symbol in symbols:
            values = {v.normalize() for v in named.get(symbol, [])}
            if len(values) == 1:
                value = named[symbol][0]
                if not shows(stated.text, value):
                    wrong.append((stated, symbol, value))
                break
    return wrong
