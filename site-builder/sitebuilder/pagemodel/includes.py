"""``--8<--`` includes, expanded by pymdownx.snippets with mkdocs.yml's settings.

The page model expands them exactly as the site does; an include the site
could not resolve (a wrong path or section name) is recorded at its page line
(:func:`include_defects`) instead of stopping the parse.
"""

import re
from functools import lru_cache

import markdown
from pymdownx.snippets import SnippetMissingError

from sitebuilder.pagemodel.site import snippet_settings

INCLUDE_LINE = re.compile(r"^\s*--8<--\s+[\"']")


@lru_cache(maxsize=1)
def _snippet_preprocessor():
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": snippet_settings()},
    )
    return md.preprocessors["snippet"]


def expand_snippets(text):
    """Replace ``--8<-- "file:section"`` lines with the file's text, as the site does."""
    if "--8<--" not in text:
        return text
    return "\n".join(_snippet_preprocessor().run(text.split("\n")))


def expanded_or_as_written(text):
    """The text with its includes expanded; as written if one cannot be
    (:func:`include_defects` names it, at its own line)."""
    try:
        return expand_snippets(text)
    except SnippetMissingError:
        return text


def include_defects(text):
    """(line, message) for each one-line ``--8<--`` include of the page the site
    cannot resolve, in a fence or in the prose (the site expands both)."""
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        if INCLUDE_LINE.match(line):
            try:
                expand_snippets(line)
            except SnippetMissingError as error:
                found.append((number, f"{line.strip()}: {error} (paths start at the repository root; a "
                                      "section is marked '--8<-- [start:name]' in its file)"))
    return found
