"""Every page works with no other host: nothing is fetched from anywhere but
the site, nothing fails in the console, and nothing moves once shown."""

import pytest

from tests.browser.measure import MAX_LAYOUT_SHIFT
from tests.browser.visits import PAGES, SIZES, describe, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("url", PAGES)
def test_no_request_leaves_the_site(request, url, size):
    seen = visit(request, url, size)
    assert not seen.other_hosts, f"{describe(url, size)} requested other hosts:\n" + "\n".join(seen.other_hosts)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("url", PAGES)
def test_no_console_errors(request, url, size):
    seen = visit(request, url, size)
    assert not seen.problems, f"{describe(url, size)}:\n" + "\n".join(seen.problems)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("url", PAGES)
def test_no_layout_shift(request, url, size):
    seen = visit(request, url, size)
    assert seen.layout_shift <= MAX_LAYOUT_SHIFT, (
        f"{describe(url, size)}: cumulative layout shift {seen.layout_shift:.3f} > {MAX_LAYOUT_SHIFT}"
    )
