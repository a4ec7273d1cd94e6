"""Code shown in chapter 02 (docs/*/chapters/02-*.md).

Each file runs alone, ``python -m snippets.ch02.<name>``. Its example sits under
``if __name__ == "__main__":``, so importing it prints nothing; the pages show
that code dedented, as a reader pastes it.
"""
