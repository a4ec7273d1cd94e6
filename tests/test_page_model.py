"""The page model reads pages as the site does, once."""

from decimal import Decimal

import pytest

from sitebuilder.pagemodel.formulas import equations, to_python
from sitebuilder.pagemodel.names import claims, spelling
from sitebuilder.pagemodel.numbers import numbers_in_line, python_literals
from sitebuilder.pagemodel.page import page, parse_markdown
from sitebuilder.pagemodel.site import DOCS, LANGUAGES, page_files, relative, snippet_settings

PAGE = '''---
numbers_not_computed: [12]
---
# Title

1. A step with code inside the list item:

    ```python
    x = 1
    print(x)
    ```

    ```output
    1
    ```

!!! note "Inside an admonition"
    ```{.python continuation}
    y = x + 1
    ```

=== "A tab"

    ```mermaid
    flowchart LR
        a -->|"2"| b
        b -.->|"-0.5"| a
        linkStyle 1 stroke:red,color:red
    ```

/// details | A pymdownx.blocks container
```python
z = 3
```
///

The gradient is \\(\\frac{\\partial L}{\\partial w} \\approx -0.017\\), and 1 − 0.835 is a difference.
'''


def test_blocks_in_lists_containers_and_blocks_are_read():
    model = parse_markdown(PAGE, "page.md")
    assert [(b.lang, b.line) for b in model.blocks] == [
        ("python", 8), ("output", 13), ("python", 18), ("mermaid", 24), ("python", 32),
    ]
    first, output, continued, _, alone = model.blocks
    assert first.code == "x = 1\nprint(x)\n" and first.output is output
    assert continued.chain == (first, continued) and alone.chain == (alone,)
    assert model.front_matter == {"numbers_not_computed": [12]}
    assert model.block_at[18] is continued


def test_prose_math_and_diagrams():
    model = parse_markdown(PAGE, "page.md")
    prose = dict(model.prose)
    assert 9 not in prose and "Title" in prose[4]  # code lines are not prose
    assert [m.body for m in model.math] == ["\\frac{\\partial L}{\\partial w} \\approx -0.017"]
    (block, diagram), = model.diagrams
    assert [(e.source, e.target, e.kind, e.label) for e in diagram.edges] == [
        ("a", "b", "forward", "2"), ("b", "a", "backward", "-0.5"),
    ]
    assert diagram.link_style_problems() == []


def test_a_page_is_parsed_once_per_path():
    path = DOCS / LANGUAGES[0] / "index.md"
    assert page(path) is page(str(path))
    assert parse_markdown(path.read_text(encoding="utf-8")).blocks is page(path).blocks


def test_snippet_settings_come_from_mkdocs_yml():
    settings = snippet_settings()
    assert settings["check_paths"] is True and settings["base_path"][0].startswith("/")


def test_numbers_keep_their_sign():
    stated = [s.text for s in numbers_in_line("gives −0.017, then 1 − 0.835 and x-2 and (-1) and 1e-5", 1)]
    assert stated == ["−0.017", "1", "0.835", "2", "-1", "1e-5"]
    assert python_literals("a = -0.5\nb = 2 - 0.25\nc = f(-3)") == [Decimal("-0.5"), 2, Decimal("0.25"), -3]


def test_symbols_and_names_share_one_spelling():
    assert spelling(r"\frac{\partial L}{\partial w_3}") == spelling("dL/dw3") == spelling("dL_dw3") == "dldw3"
    assert spelling(r"\hat{y}") == spelling("y_hat")
    assert claims(r"\frac{\partial L}{\partial \hat{y}} = -(y - \hat{y}) \approx -0.165") == [(("dldyhat",), "-0.165")]


def test_equations_read_as_arithmetic():
    body = r"\frac{\partial L}{\partial a_k} &= y_k - t_k \\ \mathrm{d}z_2 &= \tfrac{1}{N}\,(y - t) && (N \times C)"
    assert equations(body) == [[r"\frac{\partial L}{\partial a_k}", "y_k - t_k"],
                               [r"\mathrm{d}z_2", r"\tfrac{1}{N}\,(y - t)"]]
    # A formula broken to fit a phone: a line without a relation continues the one
    # above it, or (first in the block) starts the one below it.
    broken = r"&a\,b \\ &= c \\ &\quad + \sum_{i \neq k} d \\ &= e"
    assert equations(broken) == [["a\\,b", r"c  + \sum_{i \neq k} d", "e"]]
    expression, names = to_python(r"y\,(1 - y)")
    assert eval(expression, {}, {k: 0.25 for k in names}) == 0.25 * 0.75
    assert to_python(r"\sum_k t_k \log y_k") is None  # not plain arithmetic: not read


@pytest.mark.parametrize("path", [p for lang in LANGUAGES for p in page_files(lang)], ids=relative)
def test_the_site_can_build_the_page(path):
    """One test per page that fails, naming file:line, if an include or a fence is broken
    (pagemodel.defects); the page's other tests fail with the same PageError."""
    page(path)
