"""The numbers a page states and the numbers its code produces.

A stated number keeps its sign: ``−0.017`` and ``0.017`` are different
claims. A minus is a sign when it touches the digits and does not follow an
operand (``= −0.017``, ``(−1)``); ``1 − 0.835`` and ``x-2`` are subtractions
whose second number is stated unsigned. A stated number is shown "at the
precision the page shows": it stands for any value within half of its last
digit (:func:`shows`), the one rounding rule of the checks.
"""

import io
import re
import tokenize
from dataclasses import dataclass
from decimal import Decimal

MINUS = "-−"  # ASCII hyphen-minus and U+2212, as pages write it
NUMBER = re.compile(
    r"(?:(?<![\w.)\]}])(?P<sign>[-−])(?=\d))?(?<![A-Za-z_0-9.])\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
)
FREE_INTEGER_LIMIT = 10  # 0-10 are indices, counts and exponents, not results
PERCENT = re.compile(r"\s*%")
# Subscripts in math (w_{11}, x_{784}, a_1) are indices, not claims.
SUBSCRIPT = re.compile(r"_\{[^{}]*\}|_\d+")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
COMMENT = re.compile(r"<!--.*?-->")
# Mermaid lines that style a diagram rather than state anything (linkStyle 5,6,7 ...).
DIAGRAM_STYLING = re.compile(r"^\s*(linkStyle|style|classDef|class)\s")


def as_decimal(text):
    """'−0.017' -> Decimal('-0.017')."""
    return Decimal(text.replace("−", "-"))


def half_step(text):
    """Half of the last digit shown: the rounding a reader allows."""
    mantissa, _, exponent = text.lower().replace("−", "-").partition("e")
    last_digit = Decimal(mantissa).as_tuple().exponent + int(exponent or 0)
    return Decimal(1).scaleb(last_digit) / 2


def shows(text, value):
    """Does the number written as ``text`` show ``value`` at its precision?"""
    if not isinstance(value, Decimal):
        value = Decimal(repr(float(value)))
    return abs(value - as_decimal(text)) <= half_step(text)


@dataclass(frozen=True)
class Stated:
    text: str  # as written, sign included
    line: int
    percent: bool = False
    column: int = 0

    @property
    def value(self):
        return as_decimal(self.text)

    @property
    def key(self):
        """What the two languages must both state (U+2212 and '-' are one sign)."""
        return self.text.replace("−", "-") + ("%" if self.percent else "")

    @property
    def is_free(self):
        size = abs(self.value)
        return size == size.to_integral_value() and size <= FREE_INTEGER_LIMIT


def numbers_in_line(text, line_number, *, prose=True):
    """The stated numbers of one line (prose cleaned of link targets,
    comments and subscripts first)."""
    if prose:
        text = SUBSCRIPT.sub("_", COMMENT.sub("", LINK_TARGET.sub("]", text)))
    return [
        Stated(m.group(), line_number, bool(PERCENT.match(text, m.end())), m.start())
        for m in NUMBER.finditer(text)
    ]


def stated_in_prose(page):
    return [s for number, text in page.prose for s in numbers_in_line(text, number)]


def stated_in_blocks(page):
    """Numbers in diagram and text fences (every fence but Python and output)."""
    stated = []
    for block in page.blocks:
        if block.is_python or block.is_output or block.lang in ("py", "python", "python3"):
            continue
        for offset, line in enumerate(block.code.split("\n"), start=1):
            if not DIAGRAM_STYLING.match(line):
                stated += numbers_in_line(line, block.line + offset, prose=False)
    return stated


def stated_numbers(page):
    return stated_in_prose(page) + stated_in_blocks(page)


def python_literals(code):
    """Numeric literals of Python code, with a unary minus as their sign
    (comments and strings excluded)."""
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(code).readline)
                  if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT,
                                    tokenize.DEDENT)]
    except (tokenize.TokenError, SyntaxError):
        return []
    values = []
    for i, token in enumerate(tokens):
        if token.type != tokenize.NUMBER:
            continue
        try:
            value = Decimal(token.string.replace("_", ""))
        except ArithmeticError:
            continue  # 0x1F, 1j: not numbers a page states
        before = tokens[i - 1] if i else None
        operand_before = tokens[i - 2] if i > 1 else None
        unary = (
            before is not None and before.string == "-"
            and (operand_before is None
                 or (operand_before.type == tokenize.OP and operand_before.string not in ")]}"))
        )
        values.append(-value if unary else value)
    return values


def printed_numbers(text):
    return [as_decimal(m.group()) for m in NUMBER.finditer(text)]


def computed_numbers(page):
    """Everything the page's code prints or writes as a literal."""
    values = []
    for block in page.blocks:
        if block.is_python:
            values += python_literals(block.code)
        elif block.is_output:
            values += printed_numbers(block.code)
    return values


def is_backed(stated, computed):
    candidates = computed + [v * 100 for v in computed] if stated.percent else computed
    return any(shows(stated.text, v) for v in candidates)
