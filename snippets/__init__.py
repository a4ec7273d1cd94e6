"""Code shown on the backprop-docs pages.

Every page includes its code from this package, and the test suite imports
the very same files, so what a reader sees is what the tests run.
"""
