"""Code shown in chapter 09 (docs/*/chapters/09-*.md).

Each file runs alone, ``python -m snippets.ch09.<name>``. Its example sits under
``if __name__ == "__main__":``, so importing it prints nothing; the pages show
that code dedented, as a reader pastes it.

The PyTorch examples need PyTorch; its CPU build installs with
``pip install torch --index-url https://download.pytorch.org/whl/cpu``.
"""
