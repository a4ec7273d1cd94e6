"""pytest-markdown-docs, taught to run pages exactly as the site shows them.

* Fences that include ``--8<--`` snippets are expanded before they run.
* A Python block followed by an ``output`` block must print exactly that
  output, so a number shown as printed is a number that was printed.
* A failure names the page and line, and the snippet files the block included.
"""

import difflib
import io
import linecache
import os
import re
import traceback
from contextlib import redirect_stdout

import pytest
from pytest_markdown_docs._runners import DefaultRunner, register_runner

from tests.pages import SnippetExpandingMarkdownIt, fences_of, relative

os.environ.setdefault("MPLBACKEND", "Agg")  # page code may plot; never open a window

INCLUDE = re.compile(r'--8<--\s+"([^"]+)"')
IMPORTS_TORCH = re.compile(r"^\s*(import|from)\s+torch\b", re.M)


def skip_unless_torch(source):
    """PyTorch is optional: its pages are skipped without it, unless WITH_TORCH
    is set (as CI sets it), where a missing torch is an error, not a skip."""
    if not IMPORTS_TORCH.search(source):
        return
    try:
        import torch  # noqa: F401
    except ImportError:
        if os.environ.get("WITH_TORCH"):
            raise
        pytest.skip("PyTorch is not installed (WITH_TORCH=1 make test installs it)")


@pytest.hookimpl
def pytest_markdown_docs_markdown_it():
    return SnippetExpandingMarkdownIt()


def chain_of(path, start_line):
    """The Python fences that run together, ending with the one at start_line,
    each paired with the output fence that follows it (or None)."""
    fences = fences_of(str(path))
    position = next(i for i, f in enumerate(fences) if f.line == start_line and f.is_python)
    chain = []
    i = position
    while True:
        following = fences[i + 1] if i + 1 < len(fences) else None
        output = following if following is not None and following.lang == "output" else None
        chain.append((fences[i], output))
        if not fences[i].continues_previous:
            break
        i -= 1
        while i >= 0 and not fences[i].is_python:
            i -= 1
        if i < 0:
            break
    return list(reversed(chain))


def block_filename(test):
    return f"{relative(test.source_path)} (code block at line {test.start_line})"


def normalise(text):
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


@register_runner(default=True)
class OutputCheckingRunner(DefaultRunner):
    """Runs a block and compares what it prints with the page's output blocks."""

    def runtest(self, test, args, *, asyncio_runner=None):
        skip_unless_torch(test.source)
        chain = chain_of(test.source_path, test.start_line)
        # Name the expanded code after the page and block, and register it with
        # linecache, so a traceback quotes the lines that really ran.
        filename = block_filename(test)
        source = test.source
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        printed = io.StringIO()
        with redirect_stdout(printed):
            exec(compile(source, filename, "exec", dont_inherit=True), args)
        expected = "".join(output.content for _, output in chain if output is not None)
        if normalise(printed.getvalue()) != normalise(expected):
            raise AssertionError(self._mismatch(test, chain, printed.getvalue(), expected))

    @staticmethod
    def _mismatch(test, chain, printed, expected):
        page = relative(test.source_path)
        outputs = [o for _, o in chain if o is not None]
        where = (
            f"the output block at {page}:{outputs[-1].line}"
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
        return f"{page}:{test.start_line}: the code printed something other than {where}\n{diff}"

    def repr_failure(self, test, excinfo, style=None):
        page = relative(test.source_path)
        includes = sorted(set(INCLUDE.findall(
            "".join(f.raw for f, _ in chain_of(test.source_path, test.start_line))
        )))
        header = f"{page}:{test.start_line}: code block failed"
        if includes:
            header += " (it includes " + ", ".join(includes) + ")"
        if excinfo.errisinstance(AssertionError) and str(excinfo.value).startswith(page):
            return f"{header}\n{excinfo.value}"
        frames = traceback.extract_tb(excinfo.tb)
        first = next((i for i, f in enumerate(frames) if f.filename == block_filename(test)), 0)
        trace = "".join(traceback.format_list(frames[first:]))
        return f"{header}\nTraceback (most recent call last):\n{trace}{excinfo.exconly()}"
