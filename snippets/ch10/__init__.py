"""Code shown in chapter 10 (docs/*/chapters/10-*.md); each file runs alone: ``python -m snippets.ch10.<name>``."""
