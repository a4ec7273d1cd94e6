"""pytest-markdown-docs, taught to run pages exactly as the site shows them.

* The parser it collects from is the page model (pagemodel.page): fences that
  include ``--8<--`` snippets run expanded, and the runner finds the block it
  was handed in the same parse, with its chain and output blocks.
* A Python block followed by an ``output`` block must print exactly that
  output, so a number shown as printed is a number that was printed.
  ``make regen`` (through ``pytest --outputs-plan``) instead rewrites the
  output blocks (in both languages) with what the code printed, and only
  when every block ran.
* A failure names the page and line, and the snippet files the block included.
  A page the site could not build (a wrong ``--8<--`` path or section, a
  fence never closed) fails each of its blocks with the page model's
  PageError, naming file:line; the other pages' tests still run.
* A block that imports torch gets the ``torch`` marker (tests/optional_torch.py).
"""

import difflib
import io
import linecache
import os
import re
import traceback
from contextlib import redirect_stdout

import pytest
from markdown_it import MarkdownIt

from sitebuilder.pagemodel.defects import PageError
from sitebuilder.pagemodel.page import page, parse_markdown
from sitebuilder.pagemodel.site import relative
from tests import output_update
from tests.markdown_docs_runner import DefaultRunner, register_runner
from tests.optional_torch import needs_torch, require_torch

os.environ.setdefault("MPLBACKEND", "Agg")  # page code may plot; never open a window

INCLUDE = re.compile(r'--8<--\s+"([^"]+)"')


class PageModelMarkdownIt(MarkdownIt):
    """Hands pytest-markdown-docs the tokens of the page model, whose fence
    tokens carry the expanded code (one parse for the runner and the checks)."""

    def __init__(self):
        super().__init__("commonmark")

    def parse(self, src, env=None):
        return parse_markdown(src).tokens


@pytest.hookimpl
def pytest_markdown_docs_markdown_it():
    return PageModelMarkdownIt()


def pytest_addoption(parser):
    parser.addoption(
        "--update-outputs", action="store_true", default=False,
        help="rewrite each page's ```output blocks with what its code prints (both languages)",
    )
    parser.addoption(
        "--outputs-plan", metavar="FILE", default=None,
        help="as --update-outputs, but write the rewritten pages as JSON to FILE, not the pages (make regen)",
    )


_previous_update_state = pytest.StashKey()


def pytest_configure(config):
    # Saved and restored, so a run inside a run (pytester) leaves the outer one as it was.
    updating = config.getoption("--update-outputs") or config.getoption("--outputs-plan") is not None
    config.stash[_previous_update_state] = output_update.begin(updating)


def pytest_unconfigure(config):
    output_update.end(config.stash[_previous_update_state])


def pytest_collection_modifyitems(items):
    for item in items:
        source = getattr(getattr(item, "test_definition", None), "source", None)
        if source is not None and needs_torch(source):
            item.add_marker(pytest.mark.torch)


def pytest_runtest_setup(item):
    if item.get_closest_marker("torch"):
        require_torch(item.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if not output_update.enabled:
        return
    if exitstatus != 0:  # a block that failed printed nothing to compare: half an update helps no one
        print(f"the run did not pass ({session.testsfailed} failed): no output block was rewritten")
        return
    plan = session.config.getoption("--outputs-plan")
    for line in output_update.write_plan(plan) if plan else output_update.write_all():
        print(line)


def block_filename(test):
    return f"{relative(test.source_path)} (code block at line {test.start_line})"


def normalise(text):
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


def block_of(test):
    """The page model's block for a collected test (the same parse it was collected from)."""
    return page(test.source_path).block_at[test.start_line]


@register_runner(default=True)
class OutputCheckingRunner(DefaultRunner):
    """Runs a block and compares what it prints with the page's output blocks."""

    def runtest(self, test, args, *, asyncio_runner=None):
        block = block_of(test)
        # Name the expanded code after the page and block, and register it with
        # linecache, so a traceback quotes the lines that really ran.
        filename = block_filename(test)
        source = test.source
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        printed = io.StringIO()
        with redirect_stdout(printed):
            exec(compile(source, filename, "exec", dont_inherit=True), args)
        if output_update.enabled:
            output_update.record(page(test.source_path), block, printed.getvalue())
            return
        expected = "".join(b.output.code for b in block.chain if b.output is not None)
        if normalise(printed.getvalue()) != normalise(expected):
            raise AssertionError(self._mismatch(test, block, printed.getvalue(), expected))

    @staticmethod
    def _mismatch(test, block, printed, expected):
        name = relative(test.source_path)
        outputs = [b.output for b in block.chain if b.output is not None]
        where = (
            f"the output block at {name}:{outputs[-1].line}"
            if outputs
            else "no output block (add an ```output block after the code)"
        )
        diff = "\n".join(
            difflib.unified_diff(
                normalise(expected).split("\n"),
                normalise(printed).split("\n"),
                "shown on the page",
                "printed by the code",
                lineterm="",
            )
        )
        return (
            f"{name}:{test.start_line}: the code printed something other than {where} "
            f"(`make regen` rewrites it)\n{diff}"
        )

    def repr_failure(self, test, excinfo, style=None):
        name = relative(test.source_path)
        if excinfo.errisinstance(PageError):
            return f"{name}:{test.start_line}: code block not run, the page cannot be built:\n{excinfo.value}"
        includes = sorted(set(INCLUDE.findall("".join(b.raw for b in block_of(test).chain))))
        header = f"{name}:{test.start_line}: code block failed"
        if includes:
            header += " (it includes " + ", ".join(includes) + ")"
        if excinfo.errisinstance(AssertionError) and str(excinfo.value).startswith(name):
            return f"{header}\n{excinfo.value}"
        frames = traceback.extract_tb(excinfo.tb)
        first = next((i for i, f in enumerate(frames) if f.filename == block_filename(test)), 0)
        trace = "".join(traceback.format_list(frames[first:]))
        return f"{header}\nTraceback (most recent call last):\n{trace}{excinfo.exconly()}"
