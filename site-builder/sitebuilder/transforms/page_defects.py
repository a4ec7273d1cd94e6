"""A ``--8<--`` include the site cannot resolve stops the build at its page line.

MkDocs alone names the page but not the line ("Error reading page 'en/x.md':
Snippet at path 'snippets/x.py' could not be found", then pymdownx's
traceback). The page model's include check (pagemodel.includes) names
``docs/<lang>/<page>.md:<line>`` instead, as the tests do (0.08 s a build).
A fence never closed is left to the tests (test_page_model's
test_the_site_can_build_the_page and every test of the page): finding it
needs the model's full Markdown parse (0.45 s a build).
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuilder.pagemodel.includes import include_defects
from sitebuilder.pagemodel.site import relative


def stop_at_unresolved_include(markdown, page, build):
    """Raise ``docs/<lang>/<page>.md:<line>: ...`` for each include pymdownx.snippets
    will not find, before it reads the page (and raises without the line)."""
    if "--8<--" in markdown and page.file.abs_src_path:
        path = page.file.abs_src_path
        defects = include_defects(Path(path).read_text(encoding="utf-8"))
        if defects:
            raise PluginError("\n".join(f"{relative(path)}:{line}: {message}" for line, message in defects))
    return markdown
