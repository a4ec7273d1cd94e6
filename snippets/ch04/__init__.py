"""Code shown in chapter 04 (docs/*/chapters/04-*.md).

Each file runs alone, ``python -m snippets.ch04.<name>``. Its example sits under
``if __name__ == "__main__":``, so importing it prints nothing; the pages show
that code dedented, as a reader pastes it.
"""
