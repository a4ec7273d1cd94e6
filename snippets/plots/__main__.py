"""Redraw every figure into docs/assets/plots/ (run: python -m snippets.plots)."""

from pathlib import Path

from snippets.plots.figures import FIGURES

PLOT_DIR = Path(__file__).resolve().parents[2] / "docs" / "assets" / "plots"


def main():
    PLOT_DIR.mkdir(parents=True, exist_ok=True)
    for name, draw in FIGURES.items():
        (PLOT_DIR / name).write_bytes(draw())
        print(f"wrote {PLOT_DIR / name}")


if __name__ == "__main__":
    main()
