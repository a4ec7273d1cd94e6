"""The site's runner is the one pytest-markdown-docs runs (tests/markdown_docs_runner.py)."""

from tests.docs_plugin import OutputCheckingRunner
from tests.markdown_docs_runner import UPSTREAM_GAP, get_runner


def test_the_site_runner_runs_every_unnamed_block():
    runner = get_runner(None)
    assert isinstance(runner, OutputCheckingRunner), (
        f"{UPSTREAM_GAP}; after an upgrade the default runner is {type(runner).__name__}, "
        "so pages' printed output is no longer checked"
    )
