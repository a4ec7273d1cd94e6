"""axe-core (injected from tests/browser/node_modules) finds nothing on any page,
at phone and desktop sizes, and in the dark scheme on pages of every kind."""

import pytest

from tests.browser.visits import DARK_PAGES, DARK_SIZE, PAGES, SIZES, describe, visit

pytestmark = pytest.mark.browser


def report(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}, {v['count']}x): {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in violations
    )


@pytest.mark.page_visit("axe")
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("url", PAGES)
def test_axe_finds_no_violations(request, url, size):
    seen = visit(request, url, size)
    assert not seen.axe, f"{describe(url, size)}:\n{report(seen.axe)}"


@pytest.mark.page_visit("dark_axe", size=DARK_SIZE)
@pytest.mark.parametrize("url", DARK_PAGES)
def test_axe_finds_no_violations_in_the_dark_scheme(request, url):
    violations = visit(request, url, DARK_SIZE).dark_axe  # the same page, switched once measured
    assert not violations, f"{describe(url, DARK_SIZE)} (dark):\n{report(violations)}"
