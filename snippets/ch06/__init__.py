"""Code shown in chapter 06 (docs/*/chapters/06-*.md); each file runs alone: ``python -m snippets.ch06.<name>``."""
