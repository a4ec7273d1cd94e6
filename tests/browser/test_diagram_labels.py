"""Every diagram label can be read on a phone (390 px wide) and on a desktop:
shown at 11 px or more once the SVG is scaled to the page."""

import pytest

from tests.browser.measure import MIN_LABEL_PX
from tests.browser.visits import PAGES, SIZES, describe, visit

pytestmark = [pytest.mark.browser, pytest.mark.page_visit()]
DIAGRAM_PAGES = [url for url in PAGES if "chapters/" in url]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("url", DIAGRAM_PAGES)
def test_diagram_labels_are_readable(request, url, size):
    seen = visit(request, url, size)
    small = [label for label in seen.labels if label["px"] < MIN_LABEL_PX]
    assert not small, f"{describe(url, size)}: labels under {MIN_LABEL_PX} px:\n" + "\n".join(
        f"  diagram {label['diagram']}: {label['text']!r} at {label['px']} px" for label in small
    )
