"""Code shown in chapter 03 (docs/*/chapters/03-*.md); each file runs alone: ``python -m snippets.ch03.<name>``."""
