"""Search finds what the pages show, typed as a reader types it.

The terms are read from the site (search_terms.py), not chosen by hand:
every name in the code of a language's pages and the most frequent words of
its pages, each searched as written and in lower case (Material lowercases
the index, so upper case is the same query); and each one-syllable Korean
noun the pages write with a particle (층에서), which must find the same
pages as the bare noun (층).
"""

import pytest

from tests.browser.search_terms import frequent_words, identifiers, short_nouns_with_particles
from tests.browser.test_search import open_search

pytestmark = pytest.mark.browser


def spellings(terms):
    """Each term as written and in lower case, once each."""
    return list(dict.fromkeys(form for term in terms for form in (term, term.lower())))


def not_found(search, terms):
    """The terms for which search shows no page."""
    return [term for term, (count, hrefs) in zip(terms, search.search_all(terms), strict=True) if not (count and hrefs)]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_name_in_the_code_is_found(page, page_log, site_url, language):
    terms = spellings(identifiers(language))
    assert len(terms) > 100, f"only {len(terms)} names read from the {language} code"
    missed = not_found(open_search(page, site_url, language), terms)
    assert not page_log.problems(), "\n".join(page_log.problems())
    assert not missed, f"{len(missed)} of {len(terms)} names find nothing on the {language} site: {missed}"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_frequent_words_are_found_as_written_and_in_lower_case(page, page_log, site_url, language):
    terms = spellings(frequent_words(language))
    missed = not_found(open_search(page, site_url, language), terms)
    assert not page_log.problems(), "\n".join(page_log.problems())
    assert not missed, f"{len(missed)} of {len(terms)} frequent words find nothing on the {language} site: {missed}"


def test_one_syllable_nouns_with_a_particle_find_the_same_pages(page, page_log, site_url):
    nouns = short_nouns_with_particles()
    assert len(nouns) >= 10, f"only {len(nouns)} one-syllable nouns with a particle on the Korean pages"
    search = open_search(page, site_url, "ko")
    failures = []
    for noun, attached in nouns.items():
        bare, *with_particles = search.search_all([noun, *attached])
        failures += [
            f"{noun!r}: {bare[0]} pages, {spelling!r}: {answer[0]} pages"
            for spelling, answer in zip(attached, with_particles, strict=True)
            if answer != bare or not bare[0]
        ]
    assert not page_log.problems(), "\n".join(page_log.problems())
    assert not failures, "a particle on a one-syllable noun changed what search finds:\n" + "\n".join(failures)
