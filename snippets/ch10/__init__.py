"""Code shown in chapter 10 (docs/*/chapters/10-*.md).

Each file runs alone, ``python -m snippets.ch10.<name>``. Its example sits under
``if __name__ == "__main__":``, so importing it prints nothing; the pages show
that code dedented, as a reader pastes it.
"""
