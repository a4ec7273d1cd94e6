"""PyTorch is optional, and handled one way.

A test that needs it carries the ``torch`` marker (tests/docs_plugin.py gives
it to every page block that imports torch). Without torch such a test is
skipped, unless WITH_TORCH is set, as CI sets it: there a missing torch is an
error, so a CI run can never pass by skipping the PyTorch pages.
"""

import os
import re

import pytest

IMPORTS_TORCH = re.compile(r"^\s*(import|from)\s+torch\b", re.M)


def needs_torch(code):
    """Does this Python source import torch?"""
    return bool(IMPORTS_TORCH.search(code))


def torch_available():
    try:
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


def require_torch(what):
    """Skip (or, with WITH_TORCH set, fail) `what` when torch does not import."""
    if torch_available():
        return
    if os.environ.get("WITH_TORCH"):
        pytest.fail(f"{what} needs PyTorch and WITH_TORCH is set, but torch does not import", pytrace=False)
    pytest.skip("needs PyTorch (WITH_TORCH=1 make test installs it)")


def skip_unless_torch(code, what="code that imports torch"):
    """require_torch for code that imports torch; nothing for code that does not."""
    if needs_torch(code):
        require_torch(what)
