"""Code shown on the recipe pages (docs/*/recipes/*.md); each file runs alone: ``python -m snippets.recipes.<name>``."""
