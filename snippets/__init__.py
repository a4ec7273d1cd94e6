"""Code shown on the backprop-docs pages.

Every page includes its code from this package, and the test suite imports
the very same files, so what a reader sees is what the tests run. The first
code block of every chapter starts with the line below, which gets it all.
"""

# --8<-- [start:install]
# pip install "git+https://github.com/example/backprop-docs"
# --8<-- [end:install]
