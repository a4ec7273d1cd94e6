"""Every number a page states is produced by the page's own code."""

from decimal import Decimal

import pytest

from sitebuilder.pagemodel.numbers import Stated, is_backed, shows
from sitebuilder.pagemodel.page import parse_markdown
from sitebuilder.pagemodel.site import LANGUAGES, page_files, relative
from tests.number_check import MEASURED_RESULTS, mistied_numbers, unbacked_numbers

PAGES = [p for lang in LANGUAGES for p in page_files(lang)]


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_stated_numbers_are_computed(page):
    unbacked = unbacked_numbers(page)
    assert not unbacked, "\n".join(
        f"{relative(page)}:{s.line}: {s.text} is stated, but no printed output or code "
        f"literal on this page gives {s.text} at that precision"
        for s in unbacked
    )


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_a_named_value_is_the_value_of_that_name(page):
    wrong = mistied_numbers(page)
    assert not wrong, "\n".join(
        f"{relative(page)}:{s.line}: {s.text} is stated for {symbol}, but the code gives {symbol} = {value}"
        for s, symbol, value in wrong
    )


def test_an_equal_number_elsewhere_does_not_back_a_named_value(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "The loss is \\(L \\approx 0.0182\\).\n\n```output\nL = 0.0136\ndL/da = 0.0182\n```\n",
        encoding="utf-8",
    )
    assert unbacked_numbers(page) == []  # 0.0182 is printed, but for dL/da
    [(stated, symbol, value)] = mistied_numbers(page)
    assert (stated.text, stated.line, symbol, str(value)) == ("0.0182", 1, "l", "0.0136")


def test_rounding_follows_the_digits_shown():
    computed = [Decimal("0.83504"), Decimal("-0.0170622")]
    assert is_backed(Stated("0.835", 1), computed)
    assert is_backed(Stated("−0.017", 1), computed)
    assert not is_backed(Stated("0.836", 1), computed)
    assert not is_backed(Stated("-0.0172", 1), computed)
    assert is_backed(Stated("83.5", 1, True), computed)


def test_signs_count():
    assert not is_backed(Stated("0.017", 1), [Decimal("-0.0170622")])
    assert not is_backed(Stated("-0.835", 1), [Decimal("0.83504")])


def test_a_changed_number_is_caught(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "The total is 221.\n\n```python\nprint(200 * 1.1)\n```\n\n```output\n220.00000000000003\n```\n",
        encoding="utf-8",
    )
    assert [s.text for s in unbacked_numbers(page)] == ["221"]
    fixed = tmp_path / "fixed.md"  # pages are parsed once per path
    fixed.write_text(page.read_text(encoding="utf-8").replace("221", "220"), encoding="utf-8")
    assert unbacked_numbers(fixed) == []


def test_measured_results_back_numbers_only_when_named(tmp_path):
    from benchmarks.backprop_cost import expected_rows

    results = MEASURED_RESULTS / "results.md"
    largest = expected_rows()["numerical"][-1]
    row = next(line for line in results.read_text(encoding="utf-8").split("\n")
               if line.startswith(f"| {largest} |"))
    # the median numerical gradient time ("min / median / max"), as measured (> 10)
    ms = row.strip(" |").split(" | ")[5].split(" / ")[1]
    page = tmp_path / "measured.md"
    body = f"A numerical gradient took {ms} ms.\n"
    page.write_text(body, encoding="utf-8")
    assert [s.text for s in unbacked_numbers(page)] == [ms]
    named = tmp_path / "measured-named.md"
    named.write_text(
        "---\nmeasured_results: [docs/assets/benchmarks/results.md]\n---\n" + body, encoding="utf-8"
    )
    assert unbacked_numbers(named) == []


def test_measured_results_must_live_with_the_benchmarks(tmp_path):
    page = tmp_path / "elsewhere.md"
    page.write_text("---\nmeasured_results: [README.md]\n---\nSome 12.5 here.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="measured_results may only name"):
        unbacked_numbers(page)


@pytest.mark.parametrize(("name", "good", "bad"), [
    ("docs/en/x.md", r"\(w_5\) becomes 0.3589 and \(w_1\) becomes 0.1498.",
     r"\(w_5\) becomes 0.1498 and \(w_1\) becomes 0.3589."),
    ("docs/ko/x.md", r"\(w_5\)는 0.3589, \(w_1\)은 0.1498가 됩니다.", r"\(w_5\)는 0.1498, \(w_1\)은 0.3589가 됩니다."),
    ("docs/en/x.md", r"The loss \(L\) is about 0.0136.", r"The loss \(L\) is about 0.1498."),
    ("docs/ko/x.md", r"손실 \(L\)은 약 0.0136입니다.", r"손실 \(L\)은 약 0.1498입니다."),
])
def test_a_number_the_prose_gives_a_symbol_is_its_printed_value(name, good, bad):
    text = "## Step\n\n```output\nw1 = 0.1498, w5 = 0.3589\nL = 0.0136\n```\n\n{}\n"
    assert mistied_numbers(parse_markdown(text.format(good), name)) == []
    wrong = mistied_numbers(parse_markdown(text.format(bad), name))
    assert wrong and all(s.line == 8 for s, _, _ in wrong), wrong
    stated, symbol, value = wrong[0]
    assert not shows(stated.text, value) and symbol in ("w5", "l")


def test_a_prose_value_binds_to_its_sections_value_first_then_the_pages():
    text = "## A\n\n```output\nL = 0.0136\n```\n\n## B\n\n```output\nL = 0.1498\n```\n\nHere \\(L\\) is 0.1498.\n"
    assert mistied_numbers(parse_markdown(text, "docs/en/x.md")) == []  # B's own L
    elsewhere = text.replace("## B\n\n```output\nL = 0.1498\n```\n", "## B\n")
    [(stated, symbol, value)] = mistied_numbers(parse_markdown(elsewhere, "docs/en/x.md"))
    assert (stated.text, stated.line, symbol, str(value)) == ("0.1498", 9, "l", "0.0136")


@pytest.mark.parametrize(("name", "good", "bad"), [
    ("docs/en/x.md", r"Look for the gradient −0.017 of \(w_3\).", r"Look for the gradient −0.0068 of \(w_3\)."),
    ("docs/en/x.md", r"The gradient of \(w_3\) is −0.017.", r"The gradient of \(w_3\) is −0.0068."),
    ("docs/ko/x.md", r"\(w_3\)의 기울기 −0.017을 찾아보십시오.", r"\(w_3\)의 기울기 −0.0068을 찾아보십시오."),
])
def test_a_gradient_the_prose_gives_a_symbol_is_the_printed_derivative(name, good, bad):
    text = "## Step\n\n```output\ndL/dw3 = -0.0170\ndL/dw1 = -0.0068\n```\n\n{}\n"
    assert mistied_numbers(parse_markdown(text.format(good), name)) == []
    [(stated, symbol, value)] = mistied_numbers(parse_markdown(text.format(bad), name))
    assert (stated.text, stated.line, symbol, str(value)) == ("−0.0068", 8, "dldw3", "-0.0170")
