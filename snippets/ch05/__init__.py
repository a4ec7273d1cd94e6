"""Code shown in chapter 05 (docs/*/chapters/05-*.md); each file runs alone: ``python -m snippets.ch05.<name>``."""
