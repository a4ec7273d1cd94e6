"""Code shown in chapter 09 (docs/*/chapters/09-*.md); each file runs alone: ``python -m snippets.ch09.<name>``."""
