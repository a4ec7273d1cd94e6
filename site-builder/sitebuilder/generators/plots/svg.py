"""Write matplotlib figures as byte-for-byte reproducible SVG files.

Matplotlib stamps a date and random element ids into SVG output; fixing the
hash salt and dropping the date makes two runs give the same bytes, which is
what lets a test say a committed figure is still current.
"""

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)

STYLE = {
    "svg.hashsalt": "backprop-docs",
    "svg.fonttype": "path",  # glyphs as paths: same look without the fonts installed
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "axes.grid": True,
    "grid.alpha": 0.3,
}


def figure(width=6.4, height=3.6, ncols=1):
    """A new figure and its axes (one, or a tuple of ncols side by side) in the shared style."""
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(ncols=ncols, figsize=(width, height))
        if ncols > 1:
            fig.subplots_adjust(wspace=0.35)
        return fig, axes


def svg_bytes(fig):
    """The figure as SVG bytes, with no date so that reruns are identical."""
    buffer = io.BytesIO()
    with plt.rc_context(STYLE):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()
