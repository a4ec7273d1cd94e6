"""One 404 page, written by the build of the default language.

mkdocs-static-i18n builds every language into the same site_dir, and each
build renders the theme's 404.html to site/404.html before its pages. The
last build (English) thus overwrote the Korean one: English interface, and a
language switcher still pointing at the twin of the previous build's last page.
Static hosts serve only the root 404.html, so it is the default language's
(overrides/404.html writes both languages' text); the other builds skip it,
which MkDocs does for a template that renders empty.
"""

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    # MkDocs loads a hook by its file path; `mkdocs build` (unlike `python -m
    # mkdocs`) does not put the project root on sys.path for its imports.
    sys.path.insert(0, str(REPO))

from pagemodel.site import LANGUAGES  # noqa: E402


def on_post_template(output_content, template_name, config):
    if template_name == "404.html" and config.theme.get("language") != LANGUAGES[0]:
        return ""
    return output_content
