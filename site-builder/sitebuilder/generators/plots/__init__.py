"""Figures for the pages, drawn from the same code the pages explain.

Every SVG under docs/assets/plots/ is made here; `make regen` redraws them all,
and a test redraws each one and compares it with the committed file, so a figure
can never disagree with the code.
"""
