"""A number of the prose is the printed value at the place its prose names, and
a number after ``\\approx`` is the value of the expression before it."""

from functools import cache

import pytest

from sitebuilder.pagemodel.page import page, parse_markdown
from sitebuilder.pagemodel.positions import text_cells
from sitebuilder.pagemodel.site import LANGUAGES, page_files, relative
from tests import run_summary
from tests.math_numbers import math_numbers, prose_numbers
from tests.position_check import load_rows, message, misplaced_numbers, row_entry

PAGES = [p for lang in LANGUAGES for p in page_files(lang)]
ROWS = load_rows()
RUNS = """## Three runs

```output
step   0: loss = 1.1290, accuracy = 0.38
step  20: loss = 0.9145, accuracy = 1.00
step  40: loss = 0.0551, accuracy = 1.00
sigmoid  ratio = 0.0556 (0.70 per layer)
relu     ratio = 2.17e+05 (4.64 per layer)
relu He  ratio = 3.31 (1.16 per layer)
```

{prose}
"""


@cache
def _page(path):
    return page(path)


@pytest.mark.parametrize("path", PAGES, ids=relative)
def test_a_placed_number_is_the_value_printed_there(path):
    wrong = misplaced_numbers(_page(path), ROWS)
    assert not wrong, "\n".join(message(relative(path), f) for f in wrong)


@pytest.mark.parametrize("path", PAGES, ids=relative)
def test_an_approximate_value_is_the_value_of_its_expression(path):
    found = math_numbers(_page(path)) + prose_numbers(_page(path))
    for number in found:
        run_summary.MATH_NUMBERS[number.kind] += 1
    wrong = [n for n in found if n.wrong]
    assert not wrong, "\n".join(
        f"{relative(path)}:{n.stated.line}: {n.problem}" for n in wrong)


def _wrong(prose, name):
    return [message(name, f) for f in misplaced_numbers(parse_markdown(RUNS.format(prose=prose), name), ROWS)]


@pytest.mark.parametrize(("name", "good", "bad", "printed"), [
    ("docs/en/x.md", "With ReLU it grows about 4.64 times per layer.", "With ReLU it grows about 1.16 times per layer.",
     "prints 4.64"),
    ("docs/ko/x.md", "ReLU에서는 층마다 약 4.64배씩 커집니다.", "ReLU에서는 층마다 약 0.70배씩 커집니다.",
     "prints 4.64"),
    ("docs/en/x.md", "Only He initialisation keeps it: 1.16 per layer.",
     "Only He initialisation keeps it: 4.64 per layer.", "prints 1.16"),
    ("docs/en/x.md", "The loss is 0.9145 at step 20.", "The loss is 0.0551 at step 20.", "prints 0.9145"),
    ("docs/ko/x.md", "20단계의 손실은 0.9145입니다.", "20단계의 손실은 1.1290입니다.", "prints 0.9145"),
    ("docs/en/x.md", "The loss falls from 1.129 to 0.0551.", "The loss falls from 1.129 to 0.9145.", "1.1290, 0.0551"),
    ("docs/ko/x.md", "손실은 1.129에서 0.0551로 줄어듭니다.", "손실은 0.9145에서 0.0551로 줄어듭니다.",
     "1.1290, 0.0551"),
    ("docs/en/x.md", "It stays between 0.0551 and 1.129.", "It stays between 0.0551 and 0.915.", "1.1290, 0.0551"),
    ("docs/en/x.md", "The accuracy starts at 38%.", "The accuracy starts at 100%.", "prints 0.38"),
    ("docs/ko/x.md", "처음 정확도는 38%입니다.", "처음 정확도는 100%입니다.", "prints 0.38"),
])
def test_a_number_moved_to_another_place_is_caught(name, good, bad, printed):
    assert _wrong(good, name) == []
    [wrong] = _wrong(bad, name)
    assert wrong.startswith(f"{name}:12: ") and printed in wrong and "at line 3 prints" in wrong, wrong


def test_an_approximate_value_is_evaluated():
    def kinds(tex):
        return [(n.kind, n.wrong) for n in math_numbers(parse_markdown(tex, "docs/en/x.md"))]

    assert kinds(r"so \(-\log 0.7 \approx 0.3567\)") == [("evaluated", False)] * 2
    assert kinds(r"so \(-\log 0.7 \approx 0.3568\)") == [("evaluated", False), ("evaluated", True)]
    assert kinds(r"\(\sigma'(0) \approx 0.26\)")[-1] == ("evaluated", True)
    assert kinds(r"\(L \approx 0.0136\) and \(\sqrt{32} h\)") == [("named", False), ("page-wide", False)]


def test_rows_are_labelled_by_their_words_or_their_number():
    cells = text_cells("layer    dL/dh\n    9  2.05e+01\nstep  20: loss = 0.9145\nrelu He  r = 3.31\n", 5)
    assert [(c.row, c.column, c.text) for c in cells] == [
        ("layer 9", 0, "2.05e+01"), ("step 20", 0, "0.9145"), ("relu he r", 0, "3.31")]
    assert row_entry("relu he r", ROWS) == "relu He" and row_entry("relu r", ROWS) == "relu"


def test_every_row_label_is_printed_and_named_in_both_languages():
    rows = {c.row for path in PAGES for b in _page(path).output_blocks for c in text_cells(b.code, b.line)}
    for key, entry in ROWS.items():
        assert any(row_entry(r, ROWS) == key for r in rows), f"tests/row_labels.yml: no output row is {key!r}"
        for lang in LANGUAGES:
            prose = "\n".join(t for p in page_files(lang) for _, t in _page(p).prose)
            assert any(phrase in prose for phrase in entry[lang]), f"tests/row_labels.yml: {key!r} unused in {lang}"


SIGMOID = """## Check yourself

??? question "{question}"
    {answer}

```output
dL/dw = 0.5
```
"""


@pytest.mark.parametrize(("name", "question", "good", "bad"), [
    ("docs/en/x.md", r"If the sigmoid's output is \(y = 0.7311\), what is its local derivative?",
     r"\(y(1 - y) \approx 0.1966\).", r"\(y(1 - y) \approx 0.7311\)."),
    ("docs/ko/x.md", r"시그모이드의 출력이 \(y = 0.7311\)이면 국소 미분은 얼마입니까?",
     r"\(y(1 - y) \approx 0.1966\)입니다.", r"\(y(1 - y) \approx 0.7311\)입니다."),
    ("docs/en/x.md", "The output block gives the gradient.",
     r"Halved, \(\frac{1}{2} \frac{\partial L}{\partial w} \approx 0.25\).",
     r"Halved, \(\frac{1}{2} \frac{\partial L}{\partial w} \approx 0.5\)."),
])
def test_an_expression_is_evaluated_with_its_sections_values(name, question, good, bad):
    def found(answer):
        return math_numbers(parse_markdown(SIGMOID.format(question=question, answer=answer), name))

    assert "section" in [n.kind for n in found(good)] and not any(n.wrong for n in found(good))
    [wrong] = [n for n in found(bad) if n.wrong]
    assert wrong.stated.line == 4 and wrong.kind == "section", wrong
    expected = "y = 0.7311 is 0.19657 to 0.196616" if "y(1" in bad else "dldw = 0.5 is 0.225 to 0.275"
    assert f"which with {expected.replace(' is ', ' (the values its section, or else the page, gives) is ')}" in \
        wrong.problem, wrong.problem


@pytest.mark.parametrize(("name", "good", "bad"), [
    ("docs/en/x.md", r"The stages and \(y(1 - y)\) are both 0.1966.", r"The stages and \(y(1 - y)\) are both 0.7311."),
    ("docs/ko/x.md", r"네 단계와 \(y(1 - y)\)가 모두 0.1966으로 같습니다.",
     r"네 단계와 \(y(1 - y)\)가 모두 0.7311로 같습니다."),
])
def test_a_value_the_prose_gives_an_expression_is_evaluated(name, good, bad):
    text = "## Sigmoid\n\n```output\ny = 0.7311\n```\n\n{}\n"
    [right] = prose_numbers(parse_markdown(text.format(good), name))
    assert right.kind == "section" and not right.wrong
    [wrong] = prose_numbers(parse_markdown(text.format(bad), name))
    assert wrong.wrong and wrong.stated.line == 7 and "gives) is 0.19657 to 0.196616" in wrong.problem


def test_an_expression_is_evaluated_only_with_values_its_section_or_page_makes_unique():
    page = parse_markdown("## A\n\n\\(y = 0.7311\\)\n\n## B\n\n\\(y(1 - y) \\approx 0.5\\)\n", "docs/en/x.md")
    assert [(n.kind, n.wrong) for n in math_numbers(page)][-1] == ("page-wide", False)  # a formula binds in its section
    two = ("## A\n\n```output\ny = 0.7311\n```\n\n## B\n\n```output\ny = 0.5\n```\n\n"
           "## C\n\n\\(y(1 - y) \\approx 0.9\\)\n")
    assert [(n.kind, n.wrong) for n in math_numbers(parse_markdown(two, "docs/en/x.md"))] == [("page-wide", False)]
    one = two.replace("y = 0.5", "x = 0.5")
    assert [(n.kind, n.wrong) for n in math_numbers(parse_markdown(one, "docs/en/x.md"))] == [("section", True)]
    rounded = parse_markdown("\\(a = 0.5\\), so \\(a \\cdot 3 \\approx 1.64\\)\n", "docs/en/x.md")
    assert [(n.kind, n.wrong) for n in math_numbers(rounded)][-1] == ("section", False)  # a may be 0.549: 1.647
    exact = parse_markdown("```python\na = 0.5\n```\n\n\\(a \\cdot 3 \\approx 1.64\\)\n", "docs/en/x.md")
    assert [(n.kind, n.wrong) for n in math_numbers(exact)][-1] == ("section", True)  # a literal is exact: 1.5
