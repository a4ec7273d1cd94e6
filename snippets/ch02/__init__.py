"""Code shown in chapter 02 (docs/*/chapters/02-*.md); each file runs alone: ``python -m snippets.ch02.<name>``."""
