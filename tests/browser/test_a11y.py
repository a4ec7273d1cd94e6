"""axe-core (injected from tests/browser/node_modules) finds nothing on any page,
at phone and desktop sizes, and in the dark scheme on pages of every kind."""

import pytest

from tests.browser.measure import axe_violations, wait_until_drawn
from tests.browser.visits import PAGES, SIZES, describe, visit

pytestmark = pytest.mark.browser

# One page of each kind per language: home, a chapter with code, diagrams and
# a plot, an exercise notebook, the glossary table.
DARK_PAGES = [
    prefix + url
    for prefix in ("", "en/")
    for url in ("", "chapters/05-activation-layers/", "exercises/02-single-neuron/", "glossary/")
]


def report(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}, {v['count']}x): {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in violations
    )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("url", PAGES)
def test_axe_finds_no_violations(request, url, size):
    seen = visit(request, url, size)
    assert not seen.axe, f"{describe(url, size)}:\n{report(seen.axe)}"


@pytest.mark.parametrize("url", DARK_PAGES)
def test_axe_finds_no_violations_in_the_dark_scheme(page, site_url, url):
    page.goto(site_url + url, wait_until="load")
    page.locator("label[for='__palette_1']").first.click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    wait_until_drawn(page)
    violations = axe_violations(page)
    assert not violations, f"/{url} (dark):\n{report(violations)}"
