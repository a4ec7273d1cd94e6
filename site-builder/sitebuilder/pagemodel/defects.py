"""What makes a page unbuildable, recorded with its line instead of raised.

A page with a ``--8<--`` include pymdownx.snippets cannot resolve (a wrong
path or section name, pagemodel.includes) or with a fence that is never
closed (here) is still parsed; its defects are recorded as (line, message)
and :class:`PageError` is raised when something reads the page
(pagemodel.page.page). A broken page so fails the tests that read it, at
the line to fix, and nothing else: raising while the tests are collected
would stop every test of the run.
"""


class PageError(Exception):
    """A page the site cannot build as written; the message names file:line for each defect."""


def is_closed(token, flat_lines):
    """Does the fence token end at a closing fence (markdown-it otherwise runs it to
    the end of the page, or of the list item it stands in)?"""
    last = flat_lines[token.map[1] - 1].strip() if token.map[1] - 1 > token.map[0] else ""
    marker = token.markup[0]
    return len(last) >= len(token.markup) and set(last) == {marker}


def unclosed_fence(token, flat_lines):
    """(line, message) if the fence token is never closed, else None."""
    if is_closed(token, flat_lines):
        return None
    opening = flat_lines[token.map[0]].strip()
    return (token.map[0] + 1, f"the fence '{opening}' is never closed (end its code with a line '{token.markup}')")
