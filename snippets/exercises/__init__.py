"""The exercises: one jupytext source per exercise for both languages.

``exNN_name.py`` files are plain Python (``python -m
snippets.exercises.ex02_single_neuron`` runs one top to bottom) whose markdown
cells are comments tagged with their language. ``checks.py`` holds the check
cells' logic, installed with the package so a downloaded notebook can call it.
``python -m snippets.exercises`` writes the executed notebooks into
docs/{ko,en}/exercises/ (see notebooks.py); the tests rebuild and compare.
"""
