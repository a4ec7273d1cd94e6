"""Values the page's code gives a name, and the symbols the prose names.

``\\(L \\approx 0.0136\\)`` claims a value *for L*; it is backed by an output
line ``L = 0.0136`` or a code line ``L = 0.0136``, not by any equal number
elsewhere on the page. Symbols and names meet in one spelling: LaTeX
``\\frac{\\partial L}{\\partial w_3}``, output ``dL/dw3`` and code ``dL_dw3``
are all ``dldw3``; ``\\hat{y}`` and ``y_hat`` are ``yhat``.
"""

import ast
import re

from sitebuilder.pagemodel.numbers import NUMBER, as_decimal

# "name = 0.25" or "name: 0.25" in printed output (names may hold / as in dL/dw1).
PRINTED_NAME = re.compile(r"(?<![\w/])([A-Za-z][\w/]*)\s*[=:]\s*(" + NUMBER.pattern + r")")
RELATION = re.compile(r"=|\\approx|≈|\\simeq")
LATEX_WORD = re.compile(r"\\(?:text|mathrm|mathit|operatorname|mathbf|boldsymbol)\s*\{([^{}]*)\}")
HAT = re.compile(r"\\hat\s*\{([^{}]*)\}|\\hat\s*(\w)")
FRACTION = re.compile(r"\\frac\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
PARTIAL = re.compile(r"\\partial\s*")
SYMBOL = re.compile(r"^[a-z][a-z0-9]*$")
OPERATOR = re.compile(r"[-+()*=<>,]|\\cdot|\\times|\\odot|\\approx|\\[lr]vert|\|")  # an expression, not a name
MATH = r"\\\(\s*(?P<symbol>(?:(?!\\\)).)*?)\s*\\\)"  # inline math, one \( ... \) only
VALUE = r"(?P<number>" + NUMBER.pattern + r")(?![\d.]*\s*%)"
# "\(w_5\) becomes 0.3589", "\(L\) is about 0.0136", "\(w_5\)는 0.3589", "\(L\)은 약 0.0136":
# a symbol, a verb or a Korean topic/subject particle, and the number it takes.
PROSE_CLAIM = re.compile(
    MATH + r"(?:\s+(?:is|are both|was|becomes|became|equals|reaches|stays at|falls to|drops to|rises to|grows to"
    r"|comes to|ends at)\s+(?:about\s+|roughly\s+|approximately\s+|exactly\s+|now\s+|still\s+)?"
    r"|(?:은|는|이|가|의 값은)\s+(?:약\s+|대략\s+|모두\s+)?)" + VALUE
)
# "the gradient −0.017 of \(w_3\)", "the gradient of \(w_3\) is −0.017", "\(w_3\)의 기울기 −0.017":
# the value of the loss's derivative with respect to the symbol.
PROSE_GRADIENT = [
    re.compile(r"\bgradient\s+(?:of\s+)?(?:about\s+)?" + VALUE + r"\s+(?:of|for)\s+" + MATH),
    re.compile(r"\bgradient\s+(?:of|for)\s+" + MATH + r"\s+(?:is|becomes)\s+(?:about\s+)?" + VALUE),
    re.compile(MATH + r"의\s+기울기(?:는|가|인)?\s+(?:약\s+)?" + VALUE),
]
LOSSES = ("l", "loss", "e", "etotal")  # dL/dw, dloss/dw, dE/dw, dE_total/dw


def spelling(text):
    """One spelling for a symbol, a printed name or a variable name."""
    text = LATEX_WORD.sub(r"\1", text)
    text = HAT.sub(lambda m: (m.group(1) or m.group(2)) + "hat", text)
    text = FRACTION.sub(lambda m: f"{m.group(1)}/{m.group(2)}", text)
    text = PARTIAL.sub("d", text)
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _literal(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _literal(node.operand)
        return None if inner is None else -inner
    return None


def code_nodes(code):
    """Every node of a block's code; none for code that does not parse (a fragment)."""
    try:
        return list(ast.walk(ast.parse(code)))
    except SyntaxError:
        return []


def assigned_literals(code):
    """[(name, value)] of ``name = 0.5`` and ``a, b = 0.5, 0.6`` lines."""
    found = []
    for node in code_nodes(code):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if isinstance(target, ast.Name):
                pairs = [(target, node.value)]
            elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                pairs = list(zip(target.elts, node.value.elts))
            else:
                continue
            for name, value in pairs:
                literal = _literal(value)
                if isinstance(name, ast.Name) and literal is not None:
                    found.append((name.id, as_decimal(repr(literal))))
    return found


def named_values(page, section=None, *, printed=True, assigned=True):
    """{spelling: [values]} from the output lines (``printed``) and literal
    assignments (``assigned``) of the page (or of the blocks inside ``section``,
    a (first, last) line pair)."""
    named = {}
    for block in page.blocks:
        if section is not None and not section[0] < block.line < section[1]:
            continue
        if block.is_output and printed:
            for match in PRINTED_NAME.finditer(block.code):
                named.setdefault(spelling(match.group(1)), []).append(as_decimal(match.group(2)))
        elif block.is_python and assigned:
            for name, value in assigned_literals(block.code):
                named.setdefault(spelling(name), []).append(value)
    return named


def is_symbol(tex):
    """The spelling of a TeX side that is one symbol alone (``w_5``, ``\\hat{y}``), else None."""
    name = spelling(tex)
    if OPERATOR.search(tex) or not SYMBOL.match(name or "-") or name.isdigit():
        return None
    return name


def prose_values(text):
    """[(TeX, number as written, column)] of every math the prose gives a value:
    ``\\(w_5\\) becomes 0.3589``, ``\\(w_5\\)는 0.3589``, ``\\(y(1 - y)\\) is 0.1966``."""
    return [(m.group("symbol"), m.group("number"), m.start("number")) for m in PROSE_CLAIM.finditer(text)]


def prose_claims(text):
    """[(symbol spellings, number as written, column)] of the prose values of one symbol
    alone, and of the gradients the prose gives a symbol (spelled as the loss's derivative)."""
    found = [((name,), number, column) for tex, number, column in prose_values(text) if (name := is_symbol(tex))]
    for pattern in PROSE_GRADIENT:
        for m in pattern.finditer(text):
            if name := is_symbol(m.group("symbol")):
                found.append((tuple(f"d{loss}d{name}" for loss in LOSSES), m.group("number"), m.start("number")))
    return found


def claims(math_body):
    """[(symbol spellings, number as written)] of ``symbol = ... ≈ number`` in one formula:
    each side that is a plain symbol names the number at the end of the chain."""
    parts = [p.strip() for p in RELATION.split(math_body)]
    if len(parts) < 2:
        return []
    last = NUMBER.fullmatch(parts[-1].replace(" ", ""))
    if not last:
        return []
    symbols = [name for p in parts[:-1] if (name := is_symbol(p))]
    return [(tuple(symbols), last.group())] if symbols else []
