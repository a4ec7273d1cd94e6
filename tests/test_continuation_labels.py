"""A continuation block is labelled above the block, where the copy button cannot take the label along."""

import re

import pytest

from sitebuilder.pagemodel.page import page as page_model
from sitebuilder.pagemodel.site import LANGUAGES, page_files
from sitebuilder.stash import Stash
from sitebuilder.transforms.continuation_labels import LABELS, PYTHON_BLOCK, labelled

BLOCK = '<div class="language-python highlight"><pre><span></span><code>x = 1\n</code></pre></div>'


def test_only_the_continuation_gets_the_label_outside_its_code():
    out = labelled(f"{BLOCK}<hr>{BLOCK}", [None, "continues"], "en")
    first, second = out.split("<hr>")
    assert first == BLOCK
    label = f'<p class="code-continues">{LABELS["en"]["continues"]}</p>'
    assert second == label + BLOCK, "before the block, not in its <code>"


def test_the_search_reads_no_label_and_the_finished_page_has_it():
    stash = Stash()
    hidden = labelled(BLOCK, ["method"], "ko", stash)
    assert LABELS["ko"]["method"] not in hidden
    assert LABELS["ko"]["method"] in stash.restore(hidden)


def test_a_page_whose_blocks_do_not_pair_up_is_an_error():
    with pytest.raises(ValueError, match="shows 1 Python blocks where its Markdown has 2"):
        labelled(BLOCK, [None, "continues"], "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_continuation_in_the_pages_has_a_label_in_both_languages(language):
    """Both languages label their chains alike, one label per marked block."""
    marked = sum(b.continues_previous for p in page_files(language) for b in page_model(p).python_blocks)
    assert marked > 0 and set(LABELS) == set(LANGUAGES)
    assert all(re.search(r"\w", text) for text in LABELS[language].values()), "real text, not only an arrow"
    assert PYTHON_BLOCK.match(BLOCK)
