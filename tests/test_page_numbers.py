"""Every number a page states is produced by the page's own code."""

import pytest

from tests.numbers import Stated, is_backed, unbacked_numbers
from tests.pages import LANGUAGES, page_files, relative

PAGES = [p for lang in LANGUAGES for p in page_files(lang)]


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_stated_numbers_are_computed(page):
    unbacked = unbacked_numbers(page)
    assert not unbacked, "\n".join(
        f"{relative(page)}:{s.line}: {s.text} is stated, but no printed output or code "
        f"literal on this page gives {s.text} at that precision"
        for s in unbacked
    )


def test_rounding_follows_the_digits_shown():
    from decimal import Decimal

    computed = [Decimal("0.83504"), Decimal("0.0170622")]
    assert is_backed(Stated("0.835", 1, False), computed)
    assert is_backed(Stated("0.017", 1, False), computed)
    assert not is_backed(Stated("0.836", 1, False), computed)
    assert not is_backed(Stated("0.0172", 1, False), computed)
    assert is_backed(Stated("83.5", 1, True), computed)


def test_a_changed_number_is_caught(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "The total is 221.\n\n```python\nprint(200 * 1.1)\n```\n\n```output\n220.00000000000003\n```\n",
        encoding="utf-8",
    )
    assert [s.text for s in unbacked_numbers(page)] == ["221"]
    page.write_text(page.read_text(encoding="utf-8").replace("221", "220"), encoding="utf-8")
    assert unbacked_numbers(page) == []
