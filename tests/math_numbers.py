"""The numbers of a page's math, each sorted by what checks it.

tests/test_formulas.py evaluates ``a = b`` chains but leaves the part after
``\\approx`` to the number checks; a number there that no symbol names
(``\\(-\\log 0.7 \\approx 0.3567\\)``, ``\\(\\ln 3 \\approx 1.0986\\)``) matched
any equal printed value of the page. Here the side before it is evaluated when
it holds no symbol, and the number must show that value. Every number of the
math (0-10 excepted) is then one of

* ``evaluated``: the result or an operand of such a constant expression, or of an
  ``=`` chain tests/test_formulas.py evaluates;
* ``section``: the result of an expression with symbols whose section (or else
  page) gives each symbol one value (tests/section_values.py): it must be the expression's value
  there, within the rounding of those values. The prose states such values too
  (``\\(y(1 - y)\\) is 0.1966``, ``\\(y(1 - y)\\)가 0.1966``): they are checked the same way;
* ``named``: the value of a symbol (``L \\approx 0.0136``, ``w_2 = 0.6``), bound to
  the value the code gives that name (tests/number_check.py, mistied_numbers);
* ``page-wide``: any other number (a factor inside a formula with symbols,
  ``\\sqrt{32}``'s 32): only required to be printed somewhere on its page. The run's
  last lines count them.
"""

import re
from dataclasses import dataclass

from sitebuilder.pagemodel.formulas import aligned_lines
from sitebuilder.pagemodel.names import claims, is_symbol, prose_values
from sitebuilder.pagemodel.numbers import NUMBER, SUBSCRIPT, Stated, shows
from sitebuilder.pagemodel.tex_arithmetic import Derivative, Symbol, Unreadable, read_side
from tests.formula_claims import SEPARATORS, Scope, top_level_split
from tests.section_values import agrees, section_values, value_range

RELATION = re.compile(r"\\approx|≈")


@dataclass(frozen=True)
class MathNumber:
    stated: Stated
    kind: str  # "evaluated", "section", "named", "page-wide"
    value: object = None  # what the expression before it gives: a number, or (low, high) for "section"
    expression: str = ""
    values: tuple = ()  # ((symbol, value text), ...) a "section" number was evaluated with

    @property
    def wrong(self):
        if self.kind == "section":
            return not agrees(self.stated.text, *self.value)
        return self.kind == "evaluated" and self.value is not None and not shows(self.stated.text, self.value)

    @property
    def problem(self):
        """What is wrong, for the failure message."""
        if self.kind != "section":
            return f"{self.stated.text} is stated for {self.expression}, which is {self.value:.6g}"
        low, high = self.value
        given = ", ".join(f"{name} = {text}" for name, text in self.values)
        return (f"{self.stated.text} is stated for {self.expression}, which with {given} (the values its section, "
                f"or else the page, gives) is {low:.6g}" + ("" if f"{low:.6g}" == f"{high:.6g}" else f" to {high:.6g}"))


def _constant(tex):
    """The value of a side without symbols, or None."""
    try:
        node = read_side(tex)
        if node.symbols():
            return None
        return float(node.value(Scope({}, 0)))
    except (Unreadable, ValueError, TypeError, IndexError, ZeroDivisionError):
        return None


def _with_section_values(before, values):
    """((low, high), ((symbol, value text), ...)) of an expression with symbols, or None."""
    try:
        node = read_side(before)
    except (Unreadable, ValueError, TypeError, IndexError):
        return None
    if not node.symbols() or isinstance(node, (Symbol, Derivative)):
        return None  # no symbol (evaluated above), or one symbol alone (a named claim)
    found = value_range(node, values)
    if found is None:
        return None
    low, high, used = found
    return (low, high), tuple((name, values[name]) for name in used)


def chains(body):
    body = re.sub(r"\\(?:begin|end)\{(?:aligned|align\*?|gathered)\}", " ", body)
    for line in aligned_lines(body):
        for chunk in SEPARATORS.split(line):
            sides = [s.strip().strip(",.").strip() for part in RELATION.split(chunk.replace("&", " "))
                     for s in top_level_split(part)]
            yield chunk, [s for s in sides if s]


def math_numbers(page):
    """[MathNumber] for every number above 10 or with decimals in the page's math."""
    found = []
    for math in page.math:
        named = {n for _, n in claims(math.body)}
        values = None
        for chunk, sides in chains(math.body):
            results, in_section = {}, {}
            for before, side in zip(sides, sides[1:]):
                if NUMBER.fullmatch(side.replace(" ", "")):
                    value = _constant(before)
                    if value is not None:
                        results[side.replace(" ", "")] = (value, before)
                        continue
                    values = section_values(page, math.line, math) if values is None else values
                    evaluated = _with_section_values(before, values)
                    if evaluated:
                        in_section[side.replace(" ", "")] = (*evaluated, before)
            evaluated_chunk = bool(results) or (len(sides) > 1 and all(_constant(s) is not None for s in sides))
            for m in NUMBER.finditer(SUBSCRIPT.sub("_", chunk)):
                stated = Stated(m.group(), math.line)
                if stated.is_free:
                    continue
                if m.group() in results:
                    value, before = results[m.group()]
                    found.append(MathNumber(stated, "evaluated", value, before))
                elif m.group() in in_section:
                    span, used, before = in_section[m.group()]
                    found.append(MathNumber(stated, "section", span, before, used))
                elif evaluated_chunk:
                    found.append(MathNumber(stated, "evaluated"))
                elif m.group() in named:
                    found.append(MathNumber(stated, "named"))
                else:
                    found.append(MathNumber(stated, "page-wide"))
    return found


def prose_numbers(page):
    """[MathNumber] of "section" kind for the values the prose gives an expression."""
    found = []
    for line, text in page.prose:
        for tex, number, column in prose_values(text):
            if is_symbol(tex) or Stated(number, line).is_free:
                continue  # one symbol alone: bound to its printed value (tests/number_check.py)
            evaluated = _with_section_values(tex, section_values(page, line))
            if evaluated:
                span, used = evaluated
                found.append(MathNumber(Stated(number, line, column=column), "section", span, tex, used))
    return found
