"""The heading links' tooltip in the page's language.

Python-Markdown's toc extension writes one permalink title for every page
(``toc.permalink_title``), and markdown extensions cannot be set per language
in mkdocs-static-i18n, so Korean pages said "Permanent link". This hook
writes each language's own words.
"""

import json
import re
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    # MkDocs loads a hook by its file path; `mkdocs build` (unlike `python -m
    # mkdocs`) does not put the project root on sys.path for its imports.
    sys.path.insert(0, str(REPO))

from pagemodel.site import language_of  # noqa: E402

PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")Permanent link(")')
TITLES = {"ko": "이 절로 바로 가는 링크", "en": "Link to this section"}
# Material's Korean interface strings that a reader sees and that are not in
# the site's 합니다체 (its translations can only be replaced as a whole file,
# which would stop following Material's updates).
KOREAN_WORDING = {"검색어를 입력하세요": "검색어를 입력하십시오"}


@event_priority(-50)  # after the hooks that write headings (notebook pages)
def on_page_content(html, page, config, files):
    title = TITLES[language_of(page.url)]
    return PERMALINK.sub(lambda match: match[1] + title + match[2], html)


def korean_wording(output):
    for theirs, ours in KOREAN_WORDING.items():
        # as text, and as Material's page configuration writes it (JSON, \\uXXXX)
        for form in (lambda s: s, lambda s: json.dumps(s)[1:-1]):
            output = output.replace(form(theirs), form(ours))
    return output


def on_post_page(output, page, config):
    return korean_wording(output) if language_of(page.url) == "ko" else output


def on_post_template(output_content, template_name, config):
    """The 404 page, a template rather than a page, in the Korean build."""
    return korean_wording(output_content) if config.theme.get("language") == "ko" else output_content
