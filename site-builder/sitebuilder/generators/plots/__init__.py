"""Figures for the pages, drawn from the same code the pages explain.

Every SVG under docs/assets/plots/ is made here; `python -m sitebuilder.generators.plots`
redraws them all, and a test redraws each one and compares it byte for byte
with the committed file, so a figure can never disagree with the code.
"""
