"""The page's equations, read as arithmetic that the page's code can evaluate.

``\\frac{\\partial L}{\\partial y}\\, y\\,(1 - y)`` becomes
``dL_dy * y * (1 - y)`` with every symbol looked up among the variables of
the page's code (by the one spelling of pagemodel.names; ``dL/dx`` may also
be the code's ``dx``, the usual name of an upstream gradient). A formula that
uses anything this small reader does not know (sums, functions other than
exp/log, a symbol the code has no variable for) is not read: only what can
be evaluated is checked, and what is checked is exact.
"""

import re

from sitebuilder.pagemodel.names import spelling

UNKNOWN = re.compile(r"\\(sum|prod|int|lim|max|min|arg|operatorname|begin|underbrace|overbrace|mathbb|partial(?!))")
SPACING = re.compile(r"\\[,;:! ]|\\q?quad|\\left|\\right|\\big[lr]?|\\Big[lr]?|&")
ALIGNED = re.compile(r"\\begin\{aligned\}|\\end\{aligned\}|\\\\")
INDEX = re.compile(r"_(?:\{[ijkn]+\}|[ijkn])(?![A-Za-z0-9])")  # a_k, t_{nk}: elementwise, the index goes
DERIVATIVE = re.compile(r"\\frac\s*\{\\partial\s*([^{}]+?)\}\s*\{\\partial\s*([^{}]+?)\}")
FRACTION = re.compile(r"\\[td]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
SYMBOL = re.compile(r"\\hat\s*\{[^{}]*\}|\\hat\s*[A-Za-z]|[A-Za-z](?:_\{[^{}]*\}|_[A-Za-z0-9])?(?![A-Za-z])")
TOKEN = re.compile(
    r"_v\d+_|EXP|LOG|E"
    r"|\\hat\s*\{[^{}]*\}|\\hat\s*[A-Za-z]|[A-Za-z](?:_\{[^{}]*\}|_[A-Za-z0-9])?|\d+(?:\.\d+)?|\.T|\*\*|[-+*/^(){}]|\S"
)
UPRIGHT_D = re.compile(r"\\mathrm\{d\}\s*([A-Za-z](?:_\{[^{}]*\}|_[A-Za-z0-9])?)")


RELATION = re.compile(r"(?<![<>!\\])=|\\(?:le|ge|leq|geq|neq|approx)\b|[<>≈]")
SCRIPT = re.compile(r"[_^]\{[^{}]*\}")  # the \neq of \sum_{i \neq k} is no relation of its line
CONTINUED = re.compile(r"^(?:\s|&|\\q?quad\b|\\[,;:!])*")  # the indent of a continued line


def aligned_lines(body):
    """The lines of a formula (``\\\\`` ends one), each cut before a ``&&`` comment
    column. A formula broken to fit a phone puts part of an expression on a line
    without a relation: such a line joins the one above it (``&\\quad + c``), or,
    first in the block, the one below it (a left side alone on its line)."""
    lines, pending = [], ""
    for line in ALIGNED.split(body):
        line = line.split("&&")[0]
        if RELATION.search(SCRIPT.sub("", line)):
            lines.append(f"{pending} {line}" if pending else line)
            pending = ""
        elif lines:
            lines[-1] += " " + CONTINUED.sub("", line)
        else:
            pending += " " + CONTINUED.sub("", line)
    return lines + ([pending] if pending.strip() else [])


def equations(body):
    """The equations of a formula, each as its list of sides: ``a = b = c`` ->
    [a, b, c]; in an aligned block a line that starts with ``=`` continues
    the equation above it. Only the part before an ``\\approx`` counts."""
    found = []
    for line in aligned_lines(body):
        line = re.split(r"\\approx|≈|\\qquad|,\s*\\quad", line)[0]
        parts = [p.replace("&", "").strip() for p in re.split(r"(?<![<>!\\])=", line)]
        if len(parts) < 2:
            continue
        if not parts[0] and found:
            found[-1] += [p for p in parts[1:] if p]
        elif all(parts):
            found.append(parts)
    return found


DIFFERENTIAL = re.compile(r"\\partial|\\mathrm\{d\}")


def gradient_equations(body):
    """The equations that state a gradient (a side with ∂ or d): the identities
    backpropagation rests on, such as dL/da = y - t."""
    return [sides for sides in equations(body) if any(DIFFERENTIAL.search(side) for side in sides)]


def to_python(side):
    """(expression, {placeholder: symbol spelling}) or None if the side is not plain arithmetic."""
    if UNKNOWN.search(side.replace("\\partial", "")):
        return None
    text = SPACING.sub(" ", side)
    text = INDEX.sub("", text)
    names = {}

    def name(symbol):
        key = f"_v{len(names)}_"
        names[key] = spelling(symbol)
        return f" {key} "

    text = DERIVATIVE.sub(lambda m: name(f"d{m.group(1)}/d{m.group(2)}"), text)
    text = UPRIGHT_D.sub(lambda m: name("d" + m.group(1)), text)
    text = text.replace("\\exp", " EXP ").replace("\\log", " LOG ").replace("e^", " E^")
    text = re.sub(r"\^\{?\\(mathsf\{T\}|top|intercal)\}?|\^\{?\\mathsf\{T\}\}?|\^\{?T\}?", ".T", text)
    while FRACTION.search(text):
        text = FRACTION.sub(r"((\1)/(\2))", text)
    text = re.sub(r"\\(cdot|times|odot)", "*", text)
    if "\\" in text.replace("\\hat", ""):
        return None
    out, tokens = [], TOKEN.findall(text)
    for token in tokens:
        if token in "{}":
            token = "(" if token == "{" else ")"
        if token == "^":
            token = "**"
        if token == "EXP":
            token = "np.exp"
        elif token == "LOG":
            token = "np.log"
        elif token == "E":
            token = "np.e"
        elif SYMBOL.fullmatch(token) and not token.startswith("_v"):
            token = name(token).strip()
        elif not re.fullmatch(r"_v\d+_|\d+(?:\.\d+)?|\.T|\*\*|[-+*/()]", token):
            return None
        # a product written without a sign: y(1 - y), 2h, ab
        ends_operand = out and not out[-1].startswith("np.") and (
            out[-1][-1:].isalnum() or out[-1] in (")", ".T") or out[-1].endswith("_")
        )
        if ends_operand and (token[0].isalnum() or token[0] == "_" or token == "(" or token.startswith("np.")):
            out.append("*")
        out.append(token)
    expression = " ".join(out)
    if not names:
        return None  # a number alone is the number check's business
    return expression, names
