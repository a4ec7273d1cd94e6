"""Code shown in chapter 06 (docs/*/chapters/06-*.md).

Each file runs alone, ``python -m snippets.ch06.<name>``. Its example sits under
``if __name__ == "__main__":``, so importing it prints nothing; the pages show
that code dedented, as a reader pastes it.
"""
