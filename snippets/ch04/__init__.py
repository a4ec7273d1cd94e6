"""Code shown in chapter 04 (docs/*/chapters/04-*.md); each file runs alone: ``python -m snippets.ch04.<name>``."""
