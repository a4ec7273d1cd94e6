"""The one use of pytest-markdown-docs' private API: registering a runner.

The site's runner (tests/docs_plugin.py) checks what a block prints against
the page's output block and names the page line on failure. pytest-markdown-
docs documents hooks for globals and for the Markdown parser, but has no
public runner registration: ``register_runner`` and ``DefaultRunner`` live in
its private ``_runners`` module (checked with version 0.9.2). They are imported
here only, so an upgrade that moves them fails at this import with the
message below, and tests/test_markdown_docs_runner.py checks that the
registered runner is the one that runs.
"""

UPSTREAM_GAP = (
    "pytest-markdown-docs has no public runner registration; the site's runner "
    "(tests/docs_plugin.py) registers itself through its private "
    "pytest_markdown_docs._runners.register_runner and DefaultRunner"
)

try:
    from pytest_markdown_docs._runners import DefaultRunner, get_runner, register_runner
except ImportError as error:  # pragma: no cover - only after an upgrade
    raise ImportError(
        f"{UPSTREAM_GAP}, which this version no longer has ({error}); use its public "
        "API if it now has one, or pin the version in requirements/test.txt"
    ) from error

__all__ = ["DefaultRunner", "UPSTREAM_GAP", "get_runner", "register_runner"]
