"""Code shown in chapter 01 (docs/*/chapters/01-*.md); each file runs alone: ``python -m snippets.ch01.<name>``."""
