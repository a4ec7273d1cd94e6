"""Every equation of a page, sorted into what is evaluated and what is not, and why.

A formula's statements are its ``a = b = c`` chains (aligned lines, ``\\qquad``
and ``, \\quad`` separate them; the part after ``\\approx`` is the number
check's business). Each statement is one of

* ``definition``: ``symbol = expression`` introduces the symbol; later
  statements of the page evaluate it by that definition (``y = 1/s`` after
  ``s = 1 + \\exp(-x)``), so a derivative of it is computed numerically;
* ``value``: a side depends on the symbols and another is a number (``2u = 6``,
  ``\\frac{dy}{dx} = 200``): a value at one point, which tests/test_page_numbers.py
  checks against the page's code and output;
* ``free-derivatives``: it relates derivatives of functions the page does not
  define (``\\frac{dy}{dx} = \\frac{dy}{du}\\frac{du}{dx}`` for any f, g);
* ``evaluated``: every side is computed for random values of its symbols (twice)
  and all sides must agree: an identity such as ``σ′(z) = σ(z)(1 − σ(z))`` or
  arithmetic such as ``\\sqrt{32/2} = 4``;
* ``unreadable``: the reader does not know a sign it uses.

An unreadable statement, or an evaluated one whose sides disagree for a reason
the reader cannot see (a condition such as Σt = 1), must match an entry of
tests/formulas_unchecked.yml with its reason; anything else that disagrees is an error
of the page.
"""

import re
from dataclasses import dataclass

import numpy as np

from sitebuilder.pagemodel.formulas import aligned_lines
from sitebuilder.pagemodel.site import REPO, load_yaml
from sitebuilder.pagemodel.tex_arithmetic import Number, Symbol, Unreadable, read_side

UNCHECKED = REPO / "tests" / "formulas_unchecked.yml"
VECTOR_LENGTH = 3
DRAWS = 2
CONDITION = re.compile(r"^\s*[a-z]\s*(?:=|\\neq)\s*[a-z]\s*:\s*")  # "i = k:" before an aligned line
SEPARATORS = re.compile(r"\\qquad|,\s*\\quad|\\quad\s*\\Longrightarrow\s*\\quad|\\Longrightarrow|,\s*&")
INEQUALITY = re.compile(r"\\(?:le|ge|leq|geq|neq|lt|gt|in|sim|propto)\b|[<>]")


@dataclass
class Statement:
    sides: list  # the TeX of each side
    line: int
    kind: str = ""
    detail: str = ""  # why unreadable, or the values that disagree

    @property
    def text(self):
        return " = ".join(self.sides)


def top_level_split(text):
    """Split at ``=`` outside braces (``\\sum_{i=1}`` keeps its ``=``)."""
    sides, depth, start = [], 0, 0
    for at, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "=" and depth == 0:
            sides.append(text[start:at])
            start = at + 1
    return sides + [text[start:]]


def statements(body):
    """The ``a = b = c`` chains of one formula, as lists of sides."""
    body = re.sub(r"\\(?:begin|end)\{(?:aligned|align\*?|gathered)\}", " ", body)
    found = []
    for line in aligned_lines(body):
        for chunk in SEPARATORS.split(line):
            chunk = CONDITION.sub("", re.split(r"\\approx|≈", chunk)[0])
            if INEQUALITY.search(chunk):
                continue
            sides = [s.strip().strip(",.").strip() for s in top_level_split(chunk.replace("&", " "))]
            if len(sides) < 2:
                continue
            if not sides[0] and found:
                found[-1] += [s for s in sides[1:] if s]
            elif all(sides):
                found.append(sides)
    return found


class Scope:
    """The values of a page's symbols for one draw: definitions, then random leaves."""

    def __init__(self, definitions, seed):
        self.definitions, self.rng = definitions, np.random.default_rng(seed)
        self.leaves, self.overrides, self.evaluating = {}, {}, set()

    def symbol(self, name, indexed):
        if name in self.overrides:
            return self.overrides[name]
        if name in self.definitions and name not in self.evaluating:
            self.evaluating.add(name)
            try:
                return self.definitions[name].value(self)
            finally:
                self.evaluating.discard(name)
        if name not in self.leaves:
            self.leaves[name] = self.rng.uniform(0.2, 0.8, VECTOR_LENGTH if indexed else None)
        return self.leaves[name]

    def derivative(self, top, bottom, indexed):
        if top == bottom:
            return 1.0
        if top not in self.definitions:
            return self.symbol(f"d{top}/d{bottom}", indexed)  # an upstream gradient: free
        point = np.array(self.symbol(bottom, indexed), dtype=float)
        slopes = np.zeros_like(point) if point.ndim else None
        for at in np.ndindex(point.shape) if point.ndim else [()]:
            values = []
            for step in (1e-6, -1e-6):
                moved = point.copy()
                moved[at] += step
                self.overrides[bottom] = moved
                values.append(np.asarray(self.symbol(top, indexed), dtype=float))
            del self.overrides[bottom]
            slope = (values[0] - values[1]) / 2e-6
            if not point.ndim:
                return slope
            slopes[at] = slope[at] if slope.ndim else slope  # ∂y_k/∂a_k: the diagonal
        return slopes


def free_derivatives(node_symbols, definitions):
    return {s for s in node_symbols if "/" in s and s.split("/")[0][1:] not in definitions}


def tolerance(nodes):
    """Half a unit in the last written digit of a number the statement ends on."""
    last = nodes[-1]
    if isinstance(last, Number) and "." in last.text:
        return 0.5 * 10.0 ** -len(last.text.split(".")[1]) + 1e-12
    return 1e-9


def classify(statement, nodes, definitions):
    """Set statement.kind (and detail); add a definition to ``definitions``."""
    symbols = [node.symbols() for node in nodes]
    if len(nodes) == 2 and isinstance(nodes[0], Symbol) and symbols[1]:
        definitions[nodes[0].name] = nodes[1]
        statement.kind = "definition"
        return
    free = [free_derivatives(s, definitions) for s in symbols]
    if set().union(*free) - set.intersection(*free):
        statement.kind = "free-derivatives"
        return
    draws = []
    for seed in range(DRAWS):
        scope = Scope(definitions, seed)
        with np.errstate(all="ignore"):
            draws.append([np.asarray(node.value(scope), dtype=float) for node in nodes])
    varies = [not np.allclose(a, b, rtol=1e-9, atol=1e-12) for a, b in zip(*draws)]
    if any(varies) and not all(varies):
        statement.kind = "value"
        return
    statement.kind = "evaluated"
    limit = tolerance(nodes) if not any(varies) else None
    for values in draws:
        first = values[0]
        for side, value in zip(statement.sides[1:], values[1:]):
            agree = (np.allclose(first, value, rtol=0, atol=limit) if limit
                     else np.allclose(first, value, rtol=1e-5, atol=1e-7))
            if not agree or not np.all(np.isfinite(value)):
                statement.detail = (f"{statement.sides[0]} = {np.round(first, 6).tolist()} but "
                                    f"{side} = {np.round(value, 6).tolist()}")
                return


def page_statements(model):
    """Every Statement of a page (display and inline math, in page order), classified."""
    found, definitions = [], {}
    sections = [n for n, text in model.prose if re.match(r"#{1,2} ", text)]
    for math in sorted(model.math, key=lambda m: m.line):
        if any(previous < start <= math.line for start in sections for previous in [found[-1].line if found else 0]):
            definitions = {}  # a new section: its symbols are its own
        for sides in statements(math.body):
            statement = Statement(sides, math.line)
            try:
                nodes = [read_side(side) for side in sides]
                classify(statement, nodes, definitions)
            except Unreadable as error:
                statement.kind, statement.detail = "unreadable", str(error)
            except (ValueError, TypeError, IndexError) as error:  # shapes that do not fit
                statement.kind, statement.detail = "unreadable", f"cannot evaluate: {error}"
            found.append(statement)
    return found


def unchecked_list():
    """(kinds {kind: reason}, [(compiled pattern, reason)]) from tests/formulas_unchecked.yml."""
    data = load_yaml(UNCHECKED.read_text(encoding="utf-8"))
    patterns = [(re.compile(entry["pattern"]), entry["reason"]) for entry in data["patterns"]]
    return data["kinds"], patterns


def listed_reason(statement, patterns):
    return next((reason for pattern, reason in patterns if pattern.search(statement.text)), None)
