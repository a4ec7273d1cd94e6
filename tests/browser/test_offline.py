"""Every page works with no other host: nothing is fetched from anywhere but
the site, nothing fails in the console, and nothing moves once shown."""

import pytest

from tests.browser.measure import MAX_LAYOUT_SHIFT, MAX_TOLD_HEIGHT_ERROR_PX
from tests.browser.visits import PAGES, SIZES, describe, static_html, visit

pytestmark = [pytest.mark.browser, pytest.mark.page_visit()]


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


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("url", PAGES)
def test_off_screen_blocks_are_told_their_drawn_height(request, url, size):
    """A formula or code block drawn only when scrolled near must not move the page then."""
    seen = visit(request, url, size)
    wrong = [b for b in seen.told_heights if abs(b["told"] - b["drawn"]) > MAX_TOLD_HEIGHT_ERROR_PX]
    html = static_html(url)
    has_blocks = 'class="arithmatex math-display"' in html or ' highlight"><pre' in html
    assert seen.told_heights or not has_blocks, f"{describe(url, size)}: the check found none of the page's blocks"
    assert not wrong, f"{describe(url, size)}: told height is not the drawn height:\n" + "\n".join(
        f"  {b['kind']} {b['text']!r}: told {b['told']:.1f} px, drawn {b['drawn']:.1f} px" for b in wrong
    )
