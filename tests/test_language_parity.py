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
