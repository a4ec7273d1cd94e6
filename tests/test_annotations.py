"""Failures become GitHub annotations on the failing line (tests/annotations.py)."""

import pytest

from sitebuilder.pagemodel.site import REPO
from tests.annotations import escape_data, format_annotation, mentioned_locations


def test_annotation_format():
    line = format_annotation("docs/ko/index.md", 12, "50% off\nsecond line", title="call failed: a::b,c")
    assert line == (
        "::error file=docs/ko/index.md,line=12,title=call failed%3A a%3A%3Ab%2Cc::50%25 off%0Asecond line"
    )
    assert "\n" not in line


def test_annotation_without_line_and_long_message():
    line = format_annotation("tests/test_x.py", None, "x" * 5000)
    assert line.startswith("::error file=tests/test_x.py::")
    assert line.endswith("%0A...") and len(line) < 4200


def test_escape_data_escapes_percent_first():
    assert escape_data("%0A\r\n") == "%250A%0D%0A"


def test_page_lines_named_in_a_message_are_found():
    message = (
        "AssertionError: stated numbers differ between docs/ko/index.md and docs/en/index.md:\n"
        "  docs/ko/index.md:3: 221 is not stated in docs/en/index.md\n"
        "  docs/nowhere/missing.md:9: a file that does not exist is not annotated\n"
    )
    assert mentioned_locations(message, REPO) == [
        ("docs/ko/index.md", 3, "docs/ko/index.md:3: 221 is not stated in docs/en/index.md")
    ]


PLAIN_TEST = """\
def helper():
    return 1

def test_ok():
    assert helper() == 1

def test_broken():
    value = helper()
    assert value == 2, "value, 100% wrong"
"""

PAGE = """# Page

Some prose.

```python
print("hello")
```

```output
hello
```

```python
raise ValueError("boom")
```
"""


@pytest.fixture
def github(monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")


def test_failed_test_is_annotated_at_its_failing_line(pytester, github):
    pytester.makepyfile(test_sample=PLAIN_TEST)
    result = pytester.runpytest("-p", "tests.annotations", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    errors = [line for line in result.outlines if line.startswith("::error")]
    assert len(errors) == 1
    assert errors[0].startswith(
        "::error file=test_sample.py,line=9,title=call failed%3A test_sample.py%3A%3Atest_broken::"
    )
    assert "100%25 wrong" in errors[0]


def test_failed_code_block_is_annotated_at_its_page_line(pytester, github):
    pytester.makefile(".md", page=PAGE)
    result = pytester.runpytest("-p", "tests.annotations", "-p", "no:cacheprovider", "--markdown-docs")
    result.assert_outcomes(passed=1, failed=1)
    errors = [line for line in result.outlines if line.startswith("::error")]
    assert len(errors) == 1
    assert errors[0].startswith("::error file=page.md,line=13,")
    assert "boom" in errors[0]


def test_nothing_is_printed_outside_github_actions(pytester, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    pytester.makepyfile(test_sample=PLAIN_TEST)
    result = pytester.runpytest("-p", "tests.annotations", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    assert not [line for line in result.outlines if line.startswith("::error")]
