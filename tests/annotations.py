"""On GitHub Actions, point at the broken line of a failed test.

When the environment has ``GITHUB_ACTIONS=true`` (GitHub sets it on every
runner), each failed test adds a workflow command

    ::error file=docs/ko/chapters/04-simple-layers.md,line=57,title=...::message

to the end of the pytest output, and GitHub shows it on that line of the pull
request's "Files changed" view. The location is:

* for a code block of a page: the page and the line of its opening fence;
* for a test whose message names page lines (``docs/ko/x.md:12: ...``, as the
  number, parity and glossary tests write them): each of those page lines;
* for any other test: the test file and the line in it that failed.

Everywhere else the plugin does nothing.

Why not pytest-github-actions-annotate-failures: it annotates the one line
of Python where a test failed. The failures contributors meet here are in
pages, named by the message (a number in docs/en/x.md:12 that the Korean
twin states differently at docs/ko/x.md:14), which it cannot point at.
"""

import os
import re
from pathlib import Path

import pytest

MAX_MESSAGE = 4000
MAX_PER_TEST = 20
# "docs/ko/chapters/04-simple-layers.md:57" in a failure message.
MENTIONED = re.compile(
    r"(?<![\w/.-])((?:docs|snippets|hooks|tests)/[\w./-]+?\.(?:md|ipynb|py|yml)):(\d+)\b"
)
_annotations = pytest.StashKey()


def enabled():
    return os.environ.get("GITHUB_ACTIONS") == "true"


def escape_data(text):
    """Escape a workflow command's message (after the ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text):
    """Escape a workflow command property value (file=, title=)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_annotation(path, line, message, title=None):
    """One ``::error`` workflow command."""
    message = message.strip()
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE] + "\n..."
    properties = [f"file={escape_property(str(path))}"]
    if line:
        properties.append(f"line={int(line)}")
    if title:
        properties.append(f"title={escape_property(title)}")
    return f"::error {','.join(properties)}::{escape_data(message)}"


def _relative(path, root):
    path = Path(path)
    try:
        return path.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def mentioned_locations(message, root):
    """(path, line, the message line) for each existing file:line the message names."""
    found, seen = [], set()
    for text_line in message.split("\n"):
        for match in MENTIONED.finditer(text_line):
            path, line = match.group(1), int(match.group(2))
            if (path, line) in seen or not (Path(root) / path).is_file():
                continue
            seen.add((path, line))
            found.append((path, line, text_line.strip()))
    return found[:MAX_PER_TEST]


def failing_line_in(item, excinfo):
    """The deepest traceback line inside the test's own file, else the test's line."""
    if excinfo is not None:
        for entry in reversed(excinfo.traceback):
            if Path(str(entry.path)) == Path(item.path):
                return entry.lineno + 1
    location = item.location[1]
    return location + 1 if location is not None else None


def locations(item, report, excinfo, root):
    """Where a failed test should be annotated: [(path, line, message)]."""
    text = report.longreprtext or ""
    if getattr(item, "start_line", None) is not None and Path(item.path).suffix in (".md", ".ipynb"):
        return [(_relative(item.path, root), item.start_line, text)]
    exception = excinfo.exconly() if excinfo is not None else text
    mentioned = mentioned_locations(exception, root)
    if mentioned:
        return [(path, line, f"{line_text}\n\n{exception}") for path, line, line_text in mentioned]
    return [(_relative(item.path, root), failing_line_in(item, excinfo), exception)]


def pytest_configure(config):
    config.stash[_annotations] = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if enabled() and report.failed:
        root = item.config.rootpath
        for path, line, message in locations(item, report, call.excinfo, root):
            item.config.stash[_annotations].append(
                format_annotation(path, line, message, title=f"{report.when} failed: {item.nodeid}")
            )
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    lines = config.stash.get(_annotations, [])
    if lines:
        terminalreporter.section("GitHub annotations")
        for line in lines:
            terminalreporter.write_line(line)
