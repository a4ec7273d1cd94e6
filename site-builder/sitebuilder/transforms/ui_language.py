"""The heading links' tooltip in the page's language.

Python-Markdown's toc extension writes one permalink title for every page
(``toc.permalink_title``), and markdown extensions cannot be set per language
in mkdocs-static-i18n, so Korean pages said "Permanent link". This hook
writes each language's own words.
"""

import json
import re

from sitebuilder.pagemodel.site import language_of

PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")Permanent link(")')
TITLES = {"ko": "이 절로 바로 가는 링크", "en": "Link to this section"}
# Material's Korean interface strings that a reader sees and that are not in
# the site's 합니다체 (its translations can only be replaced as a whole file,
# which would stop following Material's updates).
KOREAN_WORDING = {"검색어를 입력하세요": "검색어를 입력하십시오"}


def permalink_titles(html, page, build):
    """Heading links titled in the page's language (after the notebook pages have their headings)."""
    title = TITLES[language_of(page.url)]
    return PERMALINK.sub(lambda match: match[1] + title + match[2], html)


def korean_wording(output):
    for theirs, ours in KOREAN_WORDING.items():
        # as text, and as Material's page configuration writes it (JSON, \\uXXXX)
        for form in (lambda s: s, lambda s: json.dumps(s)[1:-1]):
            output = output.replace(form(theirs), form(ours))
    return output


def korean_wording_in_page(output, page, build):
    """Material's Korean interface strings in the site's 합니다체."""
    return korean_wording(output) if language_of(page.url) == "ko" else output


def korean_wording_in_template(output_content, template_name, build):
    """The 404 page, a template rather than a page, in the Korean build."""
    return korean_wording(output_content) if build.config.theme.get("language") == "ko" else output_content
