"""Code shown on the recipe pages (docs/*/recipes/*.md).

Each file runs alone, ``python -m snippets.recipes.<name>``. Its example sits under
``if __name__ == "__main__":``, so importing it prints nothing; the pages show
that code dedented, as a reader pastes it.
"""
