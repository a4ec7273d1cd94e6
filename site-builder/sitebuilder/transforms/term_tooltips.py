"""Each glossary term in a page's prose shows the term in the other language.

A Korean page's 역전파를 becomes ``<abbr title="backpropagation">역전파</abbr>를``;
an English page's gradients becomes ``<abbr title="기울기">gradients</abbr>``.
Material's ``content.tooltips`` feature (mkdocs.yml) turns the title into its
tooltip on hover, tap and focus, and screen readers read the title as the
word's description. Python-Markdown's ``abbr`` extension cannot do this: it
matches whole words only, so 역전파를 would be missed, and it also wraps terms
in headings, links and the glossary's own table.

Only text a reader takes as prose is changed: not code, formulas, diagrams,
the step-through figures (all put aside by the earlier steps, or skipped
here), links, headings (their ids and the table of contents stay as they
are), buttons, nor the glossary page's table. The step runs before the search
plugin reads the content; the search index keeps the words and drops the
tags and their titles, so no term is indexed twice.
"""

import html
import re

from sitebuilder.pagemodel.glossary import page_language
from sitebuilder.pagemodel.site import language_of
from sitebuilder.pagemodel.term_matches import term_pattern, translation_of, translations
from sitebuilder.transforms import glossary
from sitebuilder.transforms.bilingual_pages import is_side_by_side

# A comment, or a tag (the content is Python-Markdown's output: attribute values hold no "<").
TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w-]*)([^>]*)>", re.DOTALL)
SKIPPED_TAGS = frozenset(
    "a abbr button code figure h1 h2 h3 h4 h5 h6 kbd math pre samp script style svg template textarea".split()
)
# Put aside by stash.py (code, formulas, drawings) or drawn by KaTeX.
SKIPPED_ATTRIBUTES = re.compile(r'data-stash="|class="[^"]*\b(?:katex|arithmatex|diagram)\b')
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())

_patterns = {}


def _matcher(language):
    entries = glossary.entries()  # read again by each build (`mkdocs serve` reloads the file)
    key = (id(entries), language)
    if key not in _patterns:
        _patterns[key] = (term_pattern(entries, language), translations(entries, language))
    return _patterns[key]


def wrap_terms(text, language):
    """Text (HTML-escaped, no tags) with each term wrapped in an ``abbr`` titled in the other language."""
    pattern, table = _matcher(language)

    def wrap(match):
        written = match["term"]
        title = html.escape(translation_of(html.unescape(written), table))
        return f'<abbr title="{title}">{written}</abbr>'

    return pattern.sub(wrap, text)


def _skips(name, attributes, in_glossary_page):
    return (
        name in SKIPPED_TAGS
        or bool(SKIPPED_ATTRIBUTES.search(attributes))
        or (in_glossary_page and name == "table")
    )


def add_tooltips(content, language, in_glossary_page=False):
    """``content`` (a page's HTML) with every term of its prose wrapped; see the module's docstring."""
    out, open_tags, skipped_depth, position = [], [], 0, 0
    for tag in TAG.finditer(content):
        text = content[position : tag.start()]
        out.append(wrap_terms(text, language) if text and not skipped_depth else text)
        out.append(tag.group(0))
        position = tag.end()
        closing, name = tag.group(1), (tag.group(2) or "").lower()
        if not name or name in VOID or tag.group(3).rstrip().endswith("/"):
            continue
        if closing:
            # Close the nearest open element of that name (and any left open inside it).
            for index in range(len(open_tags) - 1, -1, -1):
                if open_tags[index][0] == name:
                    skipped_depth -= sum(skip for _, skip in open_tags[index:])
                    del open_tags[index:]
                    break
        else:
            skip = _skips(name, tag.group(3), in_glossary_page)
            open_tags.append((name, skip))
            skipped_depth += skip
    rest = content[position:]
    out.append(wrap_terms(rest, language) if rest and not skipped_depth else rest)
    return "".join(out)


def glossary_term_tooltips(content, page, build):
    """Each glossary term of the prose gets its other-language term as a tooltip (after code,
    formulas and drawings are put aside, before the search plugin reads the content)."""
    if is_side_by_side(page):
        return content  # the other language stands beside each paragraph
    language = language_of(page.file.src_uri)
    return add_tooltips(content, language, in_glossary_page=page_language(page.file.src_uri) is not None)
