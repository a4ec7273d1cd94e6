"""A number of the prose is bound to the quantity it names, not merely present on the page."""

import pytest

from sitebuilder.pagemodel.page import parse_markdown
from sitebuilder.pagemodel.quantities import readings
from sitebuilder.pagemodel.site import DOCS, LANGUAGES, page_files, relative
from tests.quantity_check import bound_readings, load_table, message, misbound_numbers

PAGES = [p for lang in LANGUAGES for p in page_files(lang)]
TABLE = load_table()
WALNUTS = """## Buying two walnuts

```output
d total / d walnut_price = 2.2
d total / d walnut_count = 110
d total / d tax_factor   = 200
```

{prose}
"""


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_a_bound_number_shows_its_quantity(page):
    wrong = misbound_numbers(page, TABLE)
    assert not wrong, "\n".join(message(relative(page), f) for f in wrong)


def _wrong(markdown, name):
    return [message(name, f) for f in misbound_numbers(parse_markdown(markdown, name), TABLE)]


@pytest.mark.parametrize(("name", "prose"), [
    ("docs/en/x.md", "The derivative with respect to the walnut count is 200, and with respect to the tax factor 110."),
    ("docs/ko/x.md", "호두 개수에 대한 미분은 200, 세금 배율에 대한 미분은 110입니다."),
])
def test_two_swapped_values_are_caught(name, prose):
    wrong = _wrong(WALNUTS.format(prose=prose), name)
    assert len(wrong) == 2 and "bound to d…/dwalnut_count" in wrong[0] and "= 110" in wrong[0], wrong
    assert f"{name}:9:" in wrong[0]


@pytest.mark.parametrize(("name", "prose"), [
    ("docs/en/x.md", "Each step uses a learning rate of 0.1."),
    ("docs/ko/x.md", "매 단계 학습률 0.1을 곱합니다."),
])
def test_a_stale_value_present_elsewhere_is_caught(name, prose):
    page = ("## Setup\n\n```python\nb = 0.1\n```\n\n"
            f"## Training\n\n{prose}\n\n```python\ntrain(learning_rate=0.05)\n```\n")
    [wrong] = _wrong(page, name)
    assert "0.1 is stated for learning rate (bound to lr/learning_rate), but the code gives" in wrong
    assert wrong.endswith("= 0.05")


@pytest.mark.parametrize(("name", "good", "bad"), [
    ("docs/en/x.md", "a ratio of about two for large layers", "a ratio of about three for large layers"),
    ("docs/ko/x.md", "큰 층에서 비가 2 정도입니다", "큰 층에서 비가 3 정도입니다"),
    ("docs/ko/x.md", "역전파가 약 두 배 걸립니다", "역전파가 약 세 배 걸립니다"),
    ("docs/en/x.md", "the backward pass takes about 2 times as long", "the backward pass takes 3 times as long"),
])
def test_a_small_ratio_is_checked_like_digits(name, good, bad):
    page = "## Cost\n\n```output\nbackward / forward = 1.77\nforward = 3.07\n```\n\n{}\n"
    assert _wrong(page.format(good), name) == []
    [wrong] = _wrong(page.format(bad).replace("forward = 3.07", "forward = 9.1"), name)
    assert ":8:" in wrong


def test_number_words_are_read_only_where_they_state_a_ratio():
    def read(text, lang="en"):
        return [(r.text, r.ratio) for r in readings(text, 1, TABLE, lang)]

    assert read("x is used twice, by two nodes; the two times in milliseconds") == []
    assert read("it grows about two times faster and twice as fast") == [("2", True), ("2", True)]
    assert read("more than 4 times per layer") == []
    assert read("층마다 4배 넘게 줄었을 것입니다", "ko") == []
    assert read("두 배, 세배, 음수 절반을 버리고 바이트 수가 절반이고", "ko") == [
        ("2", True), ("3", True), ("0.5", True)]


def test_the_key_published_numbers_are_bound():
    for lang in LANGUAGES:
        page = DOCS / lang / "chapters" / "04-simple-layers.md"
        bound = {(r.written, r.quantity, r.derivative) for r, _ in bound_readings(page, TABLE)}
        assert {("110", "walnut count", True), ("200", "tax factor", True), ("1.1", "tax factor", False)} <= bound


def test_every_phrase_names_one_quantity():
    for lang in ("en", "ko"):
        phrases = [p.lower() for entry in TABLE.values() for p in entry[lang]]
        assert len(phrases) == len(set(phrases)), lang
