"""Worked examples, each runnable on its own: ``python -m snippets.examples.<name>``."""
