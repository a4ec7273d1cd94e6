"""The parity checker catches drift: one altered number, code line, formula or
diagram edge between two otherwise matching pages is reported, with both
files and the line where they part."""

import pytest

from sitebuilder.pagemodel.mermaid import parse_mermaid
from sitebuilder.pagemodel.page import parse_markdown
from tests import parity


def page_difference(ko_text, en_text, ko_name, en_name):
    return parity.page_difference(parse_markdown(ko_text, ko_name), parse_markdown(en_text, en_name))

KO = '''# 호두

호두 2개의 가격은 \\(p = 100\\) 일 때 220원입니다.

$$
z = x \\cdot y
$$

```python
total = 100 * 2 * 1.1
print(f"total = {total:.0f}")
```

```output
total = 220
```

```mermaid
flowchart LR
    price["호두 가격"] -->|"100"| m1(("×"))
    m1 -->|"220"| total["지불 금액"]
    total -.->|"1.1"| m1
    linkStyle 2 stroke:red,color:red
```

!!! warning "흔한 실수"
    ```{.python continuation}
    print(f"{total / 2:.1f}")
    ```

    ```output
    110.0
    ```
'''

EN = '''# Walnuts

With \\(p = 100\\), two walnuts cost 220 in total.

$$
z = x \\cdot y
$$

```python
total = 100 * 2 * 1.1
print(f"total = {total:.0f}")
```

```output
total = 220
```

```mermaid
flowchart LR
    price["walnut price"] -->|"100"| m1(("×"))
    m1 -->|"220"| total["amount paid"]
    total -.->|"1.1"| m1
    linkStyle 2 stroke:red,color:red
```

!!! warning "Common mistake"
    ```{.python continuation}
    print(f"{total / 2:.1f}")
    ```

    ```output
    110.0
    ```
'''


def test_matching_twins_pass():
    assert page_difference(KO, EN, "ko.md", "en.md") is None


@pytest.mark.parametrize(
    "old, new, expected",
    [
        # a stated number in prose
        ("cost 220 in total", "cost 221 in total", ["stated numbers", "en.md:3: 221 is not stated in ko.md"]),
        # a line of code
        ("total = 100 * 2 * 1.1", "total = 100 * 3 * 1.1", ["code fences", "ko.md:9", "en.md:9", "100 * 3"]),
        # printed output
        ("total = 220\n", "total = 230\n", ["code fences", "ko.md:14", "en.md:14", "total = 230"]),
        # the info string of a fence (continuation dropped)
        ("    ```{.python continuation}", "    ```python", ["code fences", "continuation"]),
        # code inside an admonition
        ("{total / 2:.1f}", "{total / 4:.1f}", ["code fences", "total / 4"]),
        # display math
        ("z = x \\cdot y", "z = x + y", ["display math", "ko.md:5", "en.md:5", "x + y"]),
        # inline math
        ("\\(p = 100\\)", "\\(p = 10\\)", ["inline math", "en.md:3", "p = 10"]),
        # a diagram edge's label
        ('m1 -->|"220"| total["amount paid"]', 'm1 -->|"230"| total["amount paid"]',
         ["mermaid diagram 1 edges", "ko.md:21", "en.md:21", '"230"']),
        # a diagram edge's direction / style
        ('total -.->|"1.1"| m1', 'total -->|"1.1"| m1', ["mermaid diagram 1 edges", "-->"]),
        ('total -.->|"1.1"| m1', 'm1 -.->|"1.1"| total', ["mermaid diagram 1 edges", "m1 -.->"]),
        # a node id
        ('-->|"100"| m1(("×"))', '-->|"100"| mul(("×"))', ["mermaid diagram 1", "mul"]),
        # linkStyle
        ("linkStyle 2 stroke", "linkStyle 1 stroke", ["mermaid diagram 1 diagram statements", "linkStyle 1"]),
    ],
)
def test_one_altered_thing_is_reported(old, new, expected):
    assert old in EN
    altered = EN.replace(old, new, 1)
    message = page_difference(KO, altered, "ko.md", "en.md")
    assert message is not None, f"changing {old!r} to {new!r} went unnoticed"
    for fragment in expected:
        assert fragment in message, f"{fragment!r} missing from:\n{message}"


def test_translated_node_labels_and_prose_are_allowed():
    translated = EN.replace("walnut price", "price of one walnut").replace("With", "Given")
    assert page_difference(KO, translated, "ko.md", "en.md") is None


def test_a_missing_diagram_is_reported():
    start = EN.index("```mermaid")
    end = EN.index("```", start + 3) + 3
    message = page_difference(KO, EN[:start] + EN[end:], "ko.md", "en.md")
    assert "ko.md has 1 mermaid diagram(s) and en.md has 0" in message


def test_mermaid_structure_is_read_without_node_labels():
    diagram = parse_mermaid(
        'flowchart LR\n    a["x & y"] & b -->|"2"| c(("+"))\n    c -. back .-> a\n    c ==> d --- e\n',
        first_line=10,
    )
    assert [e.key for e in diagram.edge_items] == [
        ("a", "-->", "2", "c"),
        ("b", "-->", "2", "c"),
        ("c", "-..->", "back", "a"),
        ("c", "==>", None, "d"),
        ("d", "---", None, "e"),
    ]
    assert [e.line for e in diagram.edges] == [12, 12, 13, 14, 14]
    assert [n.key for n in diagram.nodes] == [
        ("a", "[]"), ("b", None), ("c", "(())"), ("d", None), ("e", None),
    ]
    assert [s.key for s in diagram.statements] == [("flowchart", "LR")]
