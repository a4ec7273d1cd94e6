"""Code shown in chapter 08 (docs/*/chapters/08-*.md).

Each file runs alone, ``python -m snippets.ch08.<name>``. Its example sits under
``if __name__ == "__main__":``, so importing it prints nothing; the pages show
that code dedented, as a reader pastes it.
"""
