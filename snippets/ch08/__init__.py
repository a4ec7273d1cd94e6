"""Code shown in chapter 08 (docs/*/chapters/08-*.md); each file runs alone: ``python -m snippets.ch08.<name>``."""
