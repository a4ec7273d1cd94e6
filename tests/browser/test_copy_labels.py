"""What a reader copies from a labelled block is the code alone, and the chapter's code downloads.

The label of a continuation block (sitebuilder/transforms/continuation_labels.py)
sits above the block: it is read and seen, and Material's copy button, which
copies the block's ``<code>``, leaves it out.
"""

import pytest

from sitebuilder.transforms.continuation_labels import LABELS
from tests.browser.measure import copy_with_its_button

pytestmark = pytest.mark.browser

PAGES = [("ko", "chapters/08-mlp-numpy/"), ("en", "en/chapters/08-mlp-numpy/")]


@pytest.mark.parametrize(("language", "url"), PAGES)
def test_a_continuation_is_labelled_and_its_copy_button_copies_only_the_code(page, page_log, site_url, language, url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=page_log.origin)
    page.goto(site_url + url, wait_until="load")
    label = page.locator("article p.code-continues", has_text=LABELS[language]["continues"]).first
    assert label.is_visible(), f"/{url}: no visible continuation label"
    block = label.locator("xpath=following-sibling::div[1]")
    label.scroll_into_view_if_needed()
    copied = copy_with_its_button(page, block, f"/{url}: the labelled block")
    assert copied.strip() == block.locator("code").inner_text().strip(), "the copy button copied something else"
    assert LABELS[language]["continues"] not in copied


@pytest.mark.parametrize(("language", "url"), PAGES)
def test_the_chapter_code_downloads_beside_the_notebook(page, page_log, site_url, language, url):
    page.goto(site_url + url, wait_until="load")
    link = page.locator("a.chapter-code-download")
    assert link.count() == 1 and link.get_attribute("aria-label"), f"/{url}: no labelled .py download"
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and "from snippets" in response.text(), "the .py is the chapter's code"
