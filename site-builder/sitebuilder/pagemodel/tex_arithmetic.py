"""One side of a page's equation, read as a function of its symbols.

``read_side(tex).value(scope)`` evaluates a side; ``scope`` says what each
symbol is worth (a random number, a definition from the page, an upstream
gradient). Known: ``\\frac``, ``\\sqrt``, powers, ``\\sum`` over an index (a
symbol with index i, j, k or n is a vector), σ, tanh, exp, log, ln, sin, cos,
relu, max, derivatives (∂a/∂b, da/db) and primes of the known functions (σ′).
Anything else raises :class:`Unreadable` naming it, so the caller lists it rather than skipping it.
Hand-written: SymPy's LaTeX reader needs ANTLR or Lark and reads neither σ′ nor index vectors."""

import re

import numpy as np

from sitebuilder.pagemodel.names import spelling

INDEX_LETTERS = set("ijkn")
IGNORED = re.compile(r"\\[,;:! ]|\\q?quad\b|\\left\b|\\right\b|\\[bB]igg?[lr]?\b|\\displaystyle\b|&")
TOKEN = re.compile(r"\\[A-Za-z]+|\\[{}|]|\d+(?:\.\d+)?|[A-Za-z]|'|′|[-+*/^_(){}\[\],=<>|!]|\S")
FUNCTIONS = {
    "sigma": lambda x: 1 / (1 + np.exp(-x)),
    "tanh": np.tanh, "exp": np.exp, "log": np.log, "ln": np.log,
    "sin": np.sin, "cos": np.cos, "sqrt": np.sqrt, "relu": lambda x: np.maximum(x, 0),
}
GREEK_SYMBOLS = {"eta", "alpha", "beta", "gamma", "lambda", "mu", "epsilon", "varepsilon", "theta", "pi", "delta"}
UNNAMED_FUNCTIONS = set("fgFL")  # f(x), g(u), F(h), L(w): a function the formula does not define
STEP = 1e-6


class Unreadable(ValueError):
    """The side uses something the reader does not know; the message says what."""


class Node:
    def symbols(self):
        return set()


class Number(Node):
    def __init__(self, text):
        self.text, self.number = text, float(text)

    def value(self, scope):
        return self.number


class Symbol(Node):
    def __init__(self, name, indexed):
        self.name, self.indexed = name, indexed

    def value(self, scope):
        return scope.symbol(self.name, self.indexed)

    def symbols(self):
        return {self.name}


class Derivative(Node):
    """d top / d bottom: numeric when the scope defines ``top``, else a free upstream gradient."""

    def __init__(self, top, bottom, indexed):
        self.top, self.bottom, self.indexed = top, bottom, indexed

    def value(self, scope):
        return scope.derivative(self.top, self.bottom, self.indexed)

    def symbols(self):
        return {self.top, self.bottom, f"d{self.top}/d{self.bottom}"}


class Apply(Node):
    def __init__(self, function, arguments, symbols=()):
        self.function, self.arguments, self.named = function, arguments, set(symbols)

    def value(self, scope):
        return self.function(*[a.value(scope) for a in self.arguments])

    def symbols(self):
        return set().union(self.named, *(a.symbols() for a in self.arguments))


def prime(function):
    """The derivative of a known function, by central difference."""
    return lambda x: (function(x + STEP) - function(x - STEP)) / (2 * STEP)


class Reader:
    def __init__(self, text):
        text = IGNORED.sub(" ", text)
        text = re.sub(r"\\(?:mathrm|operatorname|text)\s*\{\s*d\s*\}", " DIFF ", text)
        text = re.sub(r"\\(?:mathrm|operatorname)\s*\{(relu|softmax|Var)\}", r"\\\1", text)
        text = re.sub(r"\\(?:text|mathrm|mathit)\s*\{([A-Za-z]+)\}", r"\\Word\1", text)  # one symbol
        self.tokens = [t for t in re.findall(r"DIFF|" + TOKEN.pattern, text)]
        self.at = 0

    def peek(self, offset=0):
        at = self.at + offset
        return self.tokens[at] if at < len(self.tokens) else None

    def take(self, expected=None):
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            rest = " ".join(self.tokens[self.at:self.at + 3]) or "the end"
            raise Unreadable(f"expected {expected or 'more'} at {rest}")
        self.at += 1
        return token

    def whole(self):
        node = self.expression()
        if self.peek() is not None:
            raise Unreadable(f"cannot read {' '.join(self.tokens[self.at:self.at + 4])!r}")
        return node

    def expression(self):
        node = self.term()
        while self.peek() in ("+", "-"):
            operator = np.add if self.take() == "+" else np.subtract
            node = Apply(operator, [node, self.term()])
        return node

    def term(self):
        node = self.signed()
        while True:
            token = self.peek()
            if token in ("\\cdot", "\\times", "\\odot", "*"):
                self.take()
                node = Apply(np.multiply, [node, self.signed()])
            elif token == "/":
                self.take()
                node = Apply(np.divide, [node, self.signed()])
            elif token is not None and self.starts_operand(token):
                node = Apply(np.multiply, [node, self.power()])
            else:
                return node

    def starts_operand(self, token):
        return bool(re.fullmatch(r"[A-Za-z]|\d.*|DIFF", token)) or token in ("(", "{") or (
            token.startswith("\\") and token not in ("\\cdot", "\\times", "\\odot", "\\}", "\\|"))

    def signed(self):
        if self.peek() == "-":
            self.take()
            return Apply(np.negative, [self.signed()])
        return self.power()

    def power(self):
        node = self.atom()
        if self.peek() == "^":
            self.take()
            node = Apply(np.power, [node, self.atom()])
        return node

    def group(self):
        self.take("{")
        node = self.expression()
        self.take("}")
        return node

    def atom(self):
        token = self.peek()
        if token is None:
            raise Unreadable("a side ends where a value was expected")
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            return Number(self.take())
        if token in ("(", "{", "["):
            self.take()
            node = self.expression()
            if self.peek() == ",":
                raise Unreadable("a tuple (x, y)")
            self.take({"(": ")", "{": "}", "[": "]"}[token])
            return node
        if token == "DIFF":
            self.take()
            return Symbol("d" + self.symbol_name()[0], False)
        if token.startswith("\\"):
            return self.command()
        if re.fullmatch(r"[A-Za-z]", token):
            if token in UNNAMED_FUNCTIONS and self.peek(1) == "(":
                raise Unreadable(f"the unnamed function {token}(...)")
            if token == "e" and self.peek(1) == "^":
                self.take()
                return Number(repr(np.e))
            name, indexed = self.symbol_name()
            return Symbol(name, indexed)
        raise Unreadable(f"the sign {token!r}")

    def symbol_name(self):
        """(spelling, indexed) of a letter or Greek symbol with its subscript and hat."""
        token = self.take()
        base = token.lstrip("\\").removeprefix("Word")
        if token in ("\\hat", "\\bar", "\\tilde"):
            inner = self.take("{") and self.take()
            self.take("}")
            base = inner.lstrip("\\") + token[1:]
        indexed = False
        if self.peek() == "_":
            self.take()
            if self.peek() == "{":
                parts = self.raw_group()
            else:
                parts = [self.take()]
            subscript = "".join(p.removeprefix("\\Word") for p in parts)
            if set(subscript) <= INDEX_LETTERS:
                indexed = True
            elif not re.fullmatch(r"[A-Za-z0-9]+", subscript):
                raise Unreadable(f"the subscript {subscript!r}")
            else:
                base += subscript
        return spelling(base), indexed

    def argument(self):
        if self.peek() in ("(", "{"):
            return self.atom()
        return self.power()

    def command(self):
        token = self.take()
        name = token[1:]
        if name in ("frac", "tfrac", "dfrac"):
            return self.fraction()
        if name == "sqrt":
            return Apply(np.sqrt, [self.group()])
        if name == "sum":
            return self.sum()
        if name in FUNCTIONS:
            function = FUNCTIONS[name]
            if self.peek() in ("'", "′"):
                self.take()
                function = prime(function)
            if name == "sigma" and self.peek() not in ("(", "{"):
                return Apply(function, [Symbol("_sigma_argument", False)])  # σ' = σ(1 - σ): one shared argument
            return Apply(function, [self.argument()])
        if name == "max":
            self.take("(")
            first = self.expression()
            self.take(",")
            second = self.expression()
            self.take(")")
            return Apply(np.maximum, [first, second])
        if name in GREEK_SYMBOLS or name in ("hat", "bar", "tilde") or name.startswith("Word"):
            self.at -= 1
            return Symbol(*self.symbol_name())
        raise Unreadable(f"\\{name}")

    def fraction(self):
        start = self.at
        top, bottom = self.raw_group(), self.raw_group()
        derivative = self.derivative(top, bottom)
        if derivative:
            return derivative
        self.at = start
        top = self.group()
        return Apply(np.divide, [top, self.group()])

    def raw_group(self):
        self.take("{")
        depth, tokens = 1, []
        while True:
            token = self.take()
            depth += {"{": 1, "}": -1}.get(token, 0)
            if depth == 0:
                return tokens
            tokens.append(token)

    def derivative(self, top, bottom):
        """A Derivative if {∂a}{∂b} / {da}{db}, else None."""
        marks = ("\\partial", "d", "DIFF")
        if top and top[0] in marks and len(top) == 1:
            raise Unreadable("the operator d/dx")
        if not (top and bottom and top[0] in marks and bottom[0] in marks and len(top) > 1 and len(bottom) > 1):
            return None
        names = []
        for tokens in (top[1:], bottom[1:]):
            reader = Reader("")
            reader.tokens = tokens
            name, indexed = reader.symbol_name()
            if reader.peek() is not None:
                raise Unreadable(f"the derivative of {' '.join(tokens)!r}")
            names.append((name, indexed))
        (a, a_indexed), (b, b_indexed) = names
        return Derivative(a, b, a_indexed or b_indexed)

    def sum(self):
        if self.peek() == "_":
            self.take()
            lower = self.raw_group() if self.peek() == "{" else [self.take()]
            if not (lower[0] in INDEX_LETTERS and (len(lower) == 1 or lower[1] == "=")):
                raise Unreadable(f"the sum over {' '.join(lower)!r}")
            if self.peek() == "^":
                self.take()
                self.raw_group() if self.peek() == "{" else self.take()
        body = self.term()
        return Apply(np.sum, [body])


def read_side(text):
    """The Node of one side of an equation, or Unreadable."""
    if not text.strip():
        raise Unreadable("an empty side")
    return Reader(text).whole()
