"""Which numbers a page states, and which numbers its code produces.

A stated number is "backed" when some number the page's code prints (in an
``output`` block, itself checked against the real output) or writes as a
literal rounds to it at the precision the page shows. Small integers (0-10)
count as backed: they are indices, counts and exponents, not results.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

import yaml

from tests.pages import DOCS, NUMBER, REPO, fences_of, prose_lines, python_number_literals

FREE_INTEGER_LIMIT = 10
# Timing results written by benchmarks/ and included into a page: measurements of
# this machine, not output of the page's code. A page that shows them names the
# file in its front matter (measured_results: [docs/assets/benchmarks/results.md]).
MEASURED_RESULTS = DOCS / "assets" / "benchmarks"
PERCENT = re.compile(r"\s*%")
# Subscripts in math (w_{11}, x_{784}, a_1) are indices, not claims.
SUBSCRIPT = re.compile(r"_\{[^{}]*\}|_\d+")
# Mermaid lines that style a diagram rather than state anything (linkStyle 5,6,7 ...).
DIAGRAM_STYLING = re.compile(r"^\s*(linkStyle|style|classDef|class)\s")


@dataclass(frozen=True)
class Stated:
    text: str
    line: int
    percent: bool

    @property
    def value(self):
        return abs(Decimal(self.text))

    @property
    def half_step(self):
        """Half of the last digit shown: the rounding a reader allows."""
        mantissa, _, exponent = self.text.lower().partition("e")
        last_digit = Decimal(mantissa).as_tuple().exponent + int(exponent or 0)
        return Decimal(1).scaleb(last_digit) / 2

    @property
    def is_free(self):
        return self.value == self.value.to_integral_value() and self.value <= FREE_INTEGER_LIMIT


def front_matter(text):
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(match.group(1)) or {} if match else {}


def stated_numbers(text):
    """Numbers in prose, math and diagrams (every fence but Python and output)."""
    stated = []
    for line_number, line in prose_lines(text):
        line = re.sub(r"\]\([^)]*\)", "]", line)  # link targets are addresses, not claims
        line = re.sub(r"<!--.*?-->", "", line)
        line = SUBSCRIPT.sub("_", line)
        for match in NUMBER.finditer(line):
            percent = bool(PERCENT.match(line, match.end()))
            stated.append(Stated(match.group(), line_number, percent))
    return stated


def diagram_and_text_fences(path):
    return [f for f in fences_of(str(path)) if not f.is_python and f.lang != "output"]


def stated_in_fences(path):
    return stated_in_fence_list(fences_of(str(path)))


def stated_in_fence_list(fences):
    """Numbers in the diagram and text fences of an already parsed page."""
    stated = []
    for fence in fences:
        if fence.is_python or fence.lang == "output":
            continue
        for offset, line in enumerate(fence.content.split("\n"), start=1):
            if DIAGRAM_STYLING.match(line):
                continue
            for match in NUMBER.finditer(line):
                stated.append(Stated(match.group(), fence.line + offset, False))
    return stated


def computed_numbers(path):
    """Everything the page's code prints or writes as a literal."""
    values = []
    for fence in fences_of(str(path)):
        if fence.is_python:
            values += [Decimal(v) for v in python_number_literals(fence.content)]
        elif fence.lang == "output":
            values += [Decimal(m.group()) for m in NUMBER.finditer(fence.content)]
    return [abs(v) for v in values]


def measured_numbers(text):
    """Numbers of the results files named in the front matter's measured_results."""
    values = []
    for name in front_matter(text).get("measured_results", []):
        path = (REPO / name).resolve()
        if MEASURED_RESULTS.resolve() not in path.parents:
            raise ValueError(f"measured_results may only name files under {MEASURED_RESULTS}: {name}")
        values += [abs(Decimal(m.group())) for m in NUMBER.finditer(path.read_text(encoding="utf-8"))]
    return values


def is_backed(stated, computed):
    candidates = computed + [v * 100 for v in computed] if stated.percent else computed
    tolerance = stated.half_step * Decimal("1.000001")
    return any(abs(v - stated.value) <= tolerance for v in candidates)


def unbacked_numbers(path):
    text = path.read_text(encoding="utf-8")
    allowed = {str(n) for n in front_matter(text).get("numbers_not_computed", [])}
    computed = computed_numbers(path) + measured_numbers(text)
    every = stated_numbers(text) + stated_in_fences(path)
    return [
        s for s in every
        if not s.is_free and s.text not in allowed and not is_backed(s, computed)
    ]
