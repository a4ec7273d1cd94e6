"""The committed figures must be what the code draws today.

Each figure is redrawn and compared with the file under docs/assets/plots/.
Text and structure must match exactly; coordinates may differ by a hair
(another CPU can round the last bit of a float differently), never more.
"""

import re
from pathlib import Path

import pytest

from sitebuilder.generators.plots.figures import FIGURES, PLOT_DIR

NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
COORDINATE_TOLERANCE = 0.05  # in SVG points; a visible change is far larger


def split_numbers(svg_text):
    """The SVG text with every number replaced by a marker, and the numbers."""
    numbers = [float(n) for n in NUMBER.findall(svg_text)]
    return NUMBER.sub("#", svg_text), numbers


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_committed_figure_is_current(name):
    path = PLOT_DIR / name
    assert path.exists(), f"{path} is missing: run `make regen`"
    committed_shape, committed_numbers = split_numbers(path.read_text())
    fresh_shape, fresh_numbers = split_numbers(FIGURES[name]().decode())
    stale = f"{path} is out of date: run `make regen` and commit it"
    assert committed_shape == fresh_shape, stale
    worst = max(abs(a - b) for a, b in zip(committed_numbers, fresh_numbers))
    assert worst <= COORDINATE_TOLERANCE, f"{stale} (a coordinate moved by {worst:.3g})"


def test_every_page_image_exists():
    """Pages refer to figures by relative path; each one must be a drawn figure."""
    docs = PLOT_DIR.parents[1]
    for page in sorted(docs.glob("*/**/*.md")):
        for target in re.findall(r"\]\(([^)]+\.svg)\)", page.read_text(encoding="utf-8")):
            name = Path(target).name
            assert name in FIGURES, f"{page}: image {target} is not a figure of sitebuilder.generators.plots"
