"""What a downloaded exercise notebook imports: the checks of its answers.

The exercises themselves are notebooks (their sources are in the repository's
notebooks/exercises/); ``checks.py`` holds the check cells' logic, installed
with the package so a notebook run outside the repository can call it.
"""
