"""The heading links' tooltip in the page's language.

Python-Markdown's toc extension writes one permalink title for every page
(``toc.permalink_title``), and markdown extensions cannot be set per language
in mkdocs-static-i18n, so Korean pages said "Permanent link". This hook
writes each language's own words. (Material's own interface strings are
worded in the theme layer: overrides/partials/language.html.)
"""

import re

from sitebuilder.pagemodel.site import language_of

PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")Permanent link(")')
TITLES = {"ko": "이 절로 바로 가는 링크", "en": "Link to this section"}


def permalink_titles(html, page, build):
    """Heading links titled in the page's language (after the notebook pages have their headings)."""
    title = TITLES[language_of(page.url)]
    return PERMALINK.sub(lambda match: match[1] + title + match[2], html)
