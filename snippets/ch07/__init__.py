"""Code shown in chapter 07 (docs/*/chapters/07-*.md); each file runs alone: ``python -m snippets.ch07.<name>``."""
