"""Nothing a reader must see whole is wider than the column on a phone (390 px):
diagrams (their narrow drawings, site-builder/sitebuilder/transforms/diagrams.py),
display formulas (long ones are broken into aligned lines) and step-through
graphs (their drawings top to bottom, site-builder/sitebuilder/transforms/stepper_narrow.py)."""

import pytest

from tests.browser.visits import PAGES, describe, visit

pytestmark = [pytest.mark.browser, pytest.mark.page_visit(size="phone")]
# Half a pixel: widths are fractional, and a box may round its scroll width up.
TOLERANCE_PX = 0.5
STEPPER = "step-through graph"
STEPPER_PAGES = [url for url in PAGES if "chapters/" in url]


def too_wide(request, url, kinds):
    seen = visit(request, url, "phone")
    wide = [f for f in seen.figures if f["kind"] in kinds and (f["width"] > f["column"] + TOLERANCE_PX or f["scrolls"])]
    return f"{describe(url, 'phone')}: wider than the {wide[0]['column']:.0f} px column:\n" + "\n".join(
        f"  {f['kind']} {f['index']}: {f['width']:.0f} px" + (" (scrolls)" if f["scrolls"] else "") for f in wide
    ) if wide else ""


@pytest.mark.parametrize("url", PAGES)
def test_diagrams_and_formulas_fit_the_column_on_a_phone(request, url):
    problem = too_wide(request, url, ("diagram", "display formula"))
    assert not problem, problem


@pytest.mark.parametrize("url", STEPPER_PAGES)
def test_step_through_graphs_fit_the_column_on_a_phone(request, url):
    problem = too_wide(request, url, (STEPPER,))
    assert not problem, problem
