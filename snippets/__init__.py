"""The code of the backprop-docs course: layers, losses, gradient checks and a tiny autograd.

Every page includes its code from this package, and the test suite imports
the very same files, so what a reader sees is what the tests run. The pages
show how to install it in a terminal, with the lines below (the site writes
its own repository address there):

--8<-- [start:install]
pip install "git+https://github.com/example/backprop-docs"
--8<-- [end:install]

Chapter 9 and exercises 4 and 5 also use PyTorch. The CPU build is all they
need (on Linux, PyPI's default torch is the CUDA build, about 2.6 GB; on macOS
PyPI's torch is already CPU-only and the index may be left out):

--8<-- [start:install_torch]
pip install torch --index-url https://download.pytorch.org/whl/cpu
--8<-- [end:install_torch]

``from snippets.autograd import Value`` (also ``snippets.Value``) is the
scalar autograd engine; ``snippets.layers`` holds the layers with
``forward``/``backward``.
"""

from snippets.autograd import Value

# The one place the version is written: pyproject.toml reads it (dynamic version, attr:).
__version__ = "0.1.0"

__all__ = ["Value", "__version__"]
