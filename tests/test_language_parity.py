"""The Korean and English version of every page teach the same lesson.

One test per page pair (``chapters/04-simple-layers.md`` and so on):

* the twin exists (a page in docs/ko has the same path in docs/en, and back),
* for Markdown pages, the two agree on code and output fences, mathematics,
  mermaid diagram structure and stated numbers (see tests/parity.py).

The self-test in tests/test_language_parity_self.py shows that each check
catches a single altered number, code line or diagram edge.
"""

import pytest

from sitebuilder.pagemodel.page import page
from sitebuilder.pagemodel.site import DOCS, LANGUAGES, relative
from tests import sentence_parity
from tests.parity import page_differences

PAGE_SUFFIXES = (".md", ".ipynb")


def page_paths():
    """Every page path relative to its language folder, from both folders."""
    found = set()
    for language in LANGUAGES:
        root = DOCS / language
        for path in root.rglob("*"):
            if path.is_file() and path.suffix in PAGE_SUFFIXES and ".ipynb_checkpoints" not in path.parts:
                found.add(path.relative_to(root).as_posix())
    return sorted(found)


PAGES = page_paths()
MARKDOWN_PAGES = [p for p in PAGES if p.endswith(".md")]


def test_there_are_pages_to_compare():
    assert "index.md" in PAGES


@pytest.mark.parametrize("page_path", PAGES)
def test_page_has_a_twin(page_path):
    ko, en = DOCS / "ko" / page_path, DOCS / "en" / page_path
    missing = [relative(p) for p in (ko, en) if not p.is_file()]
    present = [relative(p) for p in (ko, en) if p.is_file()]
    assert not missing, (
        f"{present[0]} has no twin: create {missing[0]} (same relative path in the other "
        "language) and add nothing to mkdocs.yml's nav beyond the shared entry"
    )


@pytest.mark.parametrize("page_path", MARKDOWN_PAGES)
def test_twins_state_the_same_code_math_diagrams_and_numbers(page_path):
    ko, en = DOCS / "ko" / page_path, DOCS / "en" / page_path
    if not (ko.is_file() and en.is_file()):
        pytest.skip("the twin is missing (reported by test_page_has_a_twin)")
    differences = page_differences(page(ko), page(en))
    assert not differences, "\n\n".join(differences)


@pytest.mark.parametrize("page_path", MARKDOWN_PAGES)
def test_twins_have_the_same_sentences_paragraph_by_paragraph(page_path):
    """tests/sentence_parity.py: a sentence dropped from one language changes its paragraph's count."""
    if not ((DOCS / "ko" / page_path).is_file() and (DOCS / "en" / page_path).is_file()):
        pytest.skip("the twin is missing (reported by test_page_has_a_twin)")
    found = sentence_parity.differences(page_path, sentence_parity.recorded())
    assert not found, "\n".join(found)


def test_the_recorded_sentence_differences_are_all_still_used():
    """A recorded paragraph that no longer exists would excuse a future one with the same start."""
    assert sentence_parity.recorded() == sentence_parity.measure(), f"run `{sentence_parity.UPDATE}`"
