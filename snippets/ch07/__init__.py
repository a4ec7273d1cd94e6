"""Code shown in chapter 07 (docs/*/chapters/07-*.md).

Each file runs alone, ``python -m snippets.ch07.<name>``. Its example sits under
``if __name__ == "__main__":``, so importing it prints nothing; the pages show
that code dedented, as a reader pastes it.
"""
