"""Redraw every figure into docs/assets/plots/ (run: python -m sitebuilder.generators.plots)."""

from sitebuilder.generators.plots.figures import FIGURES
from sitebuilder.pagemodel.site import DOCS

PLOT_DIR = DOCS / "assets" / "plots"


def main():
    PLOT_DIR.mkdir(parents=True, exist_ok=True)
    for name, draw in FIGURES.items():
        (PLOT_DIR / name).write_bytes(draw())
        print(f"wrote {PLOT_DIR / name}")


if __name__ == "__main__":
    main()
