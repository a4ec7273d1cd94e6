"""The five exercise notebooks, kept as one source for both languages.

Each exercise is a list of cells: markdown cells carry a Korean and an English
text, code cells one source shared by both, so the two notebooks can never
run different code. ``python -m snippets.exercises`` writes the notebooks and
executes them to store their outputs; the test suite re-executes them and
compares.
"""
