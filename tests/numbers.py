"""Which stated numbers of a page its code does not back.

A stated number (sign included) is "backed" when some number the page's code
prints (in an ``output`` block, itself checked against the real output) or
writes as a literal shows it at the precision the page shows
(pagemodel.numbers.shows). Small integers (0-10) count as backed: they are
indices, counts and exponents, not results.
"""

from pagemodel.numbers import as_decimal, computed_numbers, is_backed, printed_numbers, stated_numbers
from pagemodel.page import page as page_model
from pagemodel.site import DOCS, REPO

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
