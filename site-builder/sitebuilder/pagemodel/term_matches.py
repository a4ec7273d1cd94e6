"""Where the glossary's terms occur in a page's prose, in either language.

The build wraps each occurrence (transforms/term_tooltips.py) and the tests
check that none is missed; both find them with ``term_pattern``.

* Korean: a term starts a word and the word may go on, because particles are
  written onto the word (역전파를, 기울기의). A term inside a longer word
  (층 in 계층, 미분 in 편미분) is not a match; the longest term wins (기울기
  소실 before 기울기).
* English: whole words, with a plural ending (gradients, losses, batches),
  case-insensitive (a term starting a sentence).

A space inside a term matches any run of white space (a line break in the
source).
"""

import re

from sitebuilder.pagemodel.site import LANGUAGES


def other_language(language):
    """The language a tooltip shows: the other one of the site's two."""
    (other,) = [name for name in LANGUAGES if name != language]
    return other


def _written(term):
    return r"\s+".join(re.escape(part) for part in term.split())


def term_pattern(entries, language):
    """One regular expression matching every term of ``language``; group ``term`` is the term as written."""
    terms = sorted({entry[language] for entry in entries}, key=len, reverse=True)
    alternatives = "|".join(_written(term) for term in terms)
    if language == "ko":
        return re.compile(rf"(?<!\w)(?P<term>{alternatives})")
    return re.compile(rf"(?<!\w)(?P<term>(?:{alternatives})(?:e?s)?)(?!\w)", re.IGNORECASE)


def translations(entries, language):
    """{term folded as matched: the term in the other language}, for looking a match up."""
    other = other_language(language)
    return {" ".join(entry[language].split()).casefold(): entry[other] for entry in entries}


def translation_of(written, table):
    """The other-language term for a match as written (a plural, a line break or capitals allowed)."""
    folded = " ".join(written.split()).casefold()
    if folded in table:
        return table[folded]
    for ending in ("es", "s"):
        if folded.endswith(ending) and folded[: -len(ending)] in table:
            return table[folded[: -len(ending)]]
    raise KeyError(f"{written!r} matched a term pattern but is no glossary term")
