"""Which quantity a number of the prose states, and what the code gives it.

A number is bound to a quantity in one of two ways:

* a phrase that names the quantity stands right before it, with only linking
  words between ("a learning rate of 0.1", "학습률은 0.1", "with respect to
  the tax factor 200", "세금 배율에 대한 미분은 200"); the phrases and the
  code names they stand for are a table (tests/quantities.yml);
* it states a ratio: "about two", "4.64 times per layer", "두 배", "2 정도",
  "twice as", "절반". Number words are read as numbers only there; a bound
  ("more than 4 times", "4배 넘게") states no value.

Values come from the code and output of a span of the page (a section):
literal assignments, keyword arguments and defaults, printed ``name = value``
lines (``d total / d x = 1`` is the derivative ``dtotal/dx``), and the columns
of Markdown tables the prose includes with ``--8<--``.
"""

import ast
import re
from dataclasses import dataclass

from sitebuilder.pagemodel.names import assigned_literals, code_nodes, spelling
from sitebuilder.pagemodel.numbers import COMMENT, LINK_TARGET, NUMBER, SUBSCRIPT, as_decimal

EN_WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten".split())}
KO_WORDS = {w: n for n, w in enumerate("_ 한 두 세 네 다섯 여섯 일곱 여덟 아홉 열".split()) if n}
INLINE_MATH = re.compile(r"\\\(.+?\\\)|\$\$.+?\$\$")
INCLUDE = re.compile(r'^\s*--8<--\s+"([^"]+)"\s*$')
DERIVATIVE_LINE = re.compile(r"\bd\s+([A-Za-z]\w*)\s*/\s*d\s+([A-Za-z]\w*)")
PRINTED = re.compile(r"(?<![\w/])([A-Za-z][\w/]*)(?:\s*[=:]\s*|\s+)(" + NUMBER.pattern + r")")
# What may stand between a phrase and the number it names.
EN_LINK = re.compile(r"(?:\s|,|:|=|≈|\b(?:is|was|are|were|of|at|about|roughly|approximately|nearly|around|"
                     r"only|now|still|becomes|equals|stays|remains|exactly)\b)*", re.I)
KO_LINK = re.compile(r"(?:\s|,|:|=|≈|은|는|이|가|을|를|의|도|약|대략)*")
EN_DERIVATIVE = re.compile(r"(?:with respect to|(?:gradient|derivative) (?:of|for))\s+(?:the\s+)?$", re.I)
KO_DERIVATIVE = re.compile(r"^(?:에 대한|의) (?:미분|기울기)")
# A ratio: "N times larger", "about N", "N배", "N 정도", "twice as", "절반".
EN_RATIO_AFTER = re.compile(r"\s+times\s+(?:larger|smaller|faster|slower|more|fewer|less|bigger|greater|"
                            r"higher|lower|as|per|over)\b", re.I)
EN_ABOUT = re.compile(r"\b(?:about|roughly|approximately|nearly|around)\s+$", re.I)
EN_ABOUT_END = re.compile(r"(?:[.,;:)]|\s+(?:for|per|at|in|when|and|or)\b|$)")
KO_RATIO_AFTER = re.compile(r"\s*(?:배(?!\w*(?:열|치|포|터|경|수|정|율))|정도)")
BOUND = re.compile(r"(?:more than|less than|at least|at most|over|under|up to)\s+$", re.I)
KO_BOUND_AFTER = re.compile(r"\s*배?\s*(?:넘게|이상|이하|미만|초과)")
EN_NUMBER_WORD = re.compile(r"\b(" + "|".join(EN_WORDS) + r"|twice|half)\b", re.I)
KO_NUMBER_WORD = re.compile(r"(?<![가-힣])(" + "|".join(KO_WORDS) + r")\s*배"
                            r"|(?<![가-힣])(절반)(?=이고|으로|이다|입니다|만큼)")


@dataclass(frozen=True)
class Reading:
    """A number of one prose line as the binding reads it."""

    text: str  # the number as a decimal ("2" for "two" and "두 배")
    written: str  # as the page writes it
    line: int
    column: int
    quantity: str = ""  # the table entry it is bound to, if any
    derivative: bool = False  # bound to d.../d<quantity> rather than the quantity
    ratio: bool = False  # states a ratio (small integers count)
    percent: bool = False  # written with % (shown by a fraction times 100 too)


def clean(text):
    """Prose with link targets, comments, subscripts and inline math blanked
    (same length, so columns stay): math claims are pagemodel.names' job."""
    for pattern, keep in ((LINK_TARGET, "]"), (COMMENT, ""), (SUBSCRIPT, "_"), (INLINE_MATH, "")):
        text = pattern.sub(lambda m, k=keep: k + "§" * (len(m.group()) - len(k)), text)
    return text


def _phrase_pattern(table, lang):
    phrases = sorted({(p, key) for key, entry in table.items() for p in entry[lang]}, key=lambda x: -len(x[0]))
    lookup = {p.lower(): key for p, key in phrases}
    start = r"(?<![가-힣])" if lang == "ko" else r"\b"
    end = "" if lang == "ko" else r"\b"
    return re.compile(start + "(" + "|".join(re.escape(p) for p, _ in phrases) + ")" + end, re.I), lookup


def _numbers(text, lang):
    """[(start, end, decimal text, written)] of digits and ratio number words."""
    found = [(m.start(), m.end(), m.group().replace("−", "-"), m.group()) for m in NUMBER.finditer(text)]
    if lang == "en":
        for m in EN_NUMBER_WORD.finditer(text):
            word = m.group(1).lower()
            after, before = text[m.end():], text[:m.start()]
            if word in ("twice", "half"):
                if re.match(r"\s+as\b", after):
                    found.append((m.start(), m.end(), "2" if word == "twice" else "0.5", m.group()))
            elif EN_RATIO_AFTER.match(after) or (EN_ABOUT.search(before) and EN_ABOUT_END.match(after)):
                found.append((m.start(), m.end(), str(EN_WORDS[word]), m.group()))
    else:
        for m in KO_NUMBER_WORD.finditer(text):
            value = "0.5" if m.group(2) else str(KO_WORDS[m.group(1)])
            found.append((m.start(), m.end(), value, m.group()))
    return sorted(found)


def _is_ratio(text, start, end, lang, written):
    if not written[0].isdigit() and written[0] not in "-−":
        return True  # a number word is read only where it states a ratio
    before, after = text[:start], text[end:]
    small = written.isdigit() and int(written) <= 10  # "about 2": a ratio; "about 0.835": a value
    if lang == "en":
        return bool(EN_RATIO_AFTER.match(after) or (small and EN_ABOUT.search(before) and EN_ABOUT_END.match(after)))
    return bool(KO_RATIO_AFTER.match(after) and (small or not after.lstrip().startswith("정도")))


def readings(line_text, line, table, lang):
    """The bound and ratio numbers of one prose line (others are not returned)."""
    text = clean(line_text)
    pattern, lookup = _phrase_pattern(table, lang)
    phrases = list(pattern.finditer(text))
    found = []
    for start, end, value, written in _numbers(text, lang):
        if BOUND.search(text[:start]) or KO_BOUND_AFTER.match(text[end:]):
            continue
        quantity, derivative = "", False
        previous = [p for p in phrases if p.end() <= start]
        if previous:
            phrase = previous[-1]
            between = text[phrase.end():start]
            if lang == "ko" and KO_DERIVATIVE.match(between):
                derivative, between = True, between[KO_DERIVATIVE.match(between).end():]
            elif lang == "en":
                derivative = bool(EN_DERIVATIVE.search(text[:phrase.start()]))
            link = KO_LINK if lang == "ko" else EN_LINK
            if link.fullmatch(between):
                quantity = lookup[phrase.group(1).lower()]
        ratio = _is_ratio(text, start, end, lang, written)
        if quantity or ratio:
            percent = text[end:].lstrip().startswith("%")
            found.append(Reading(value, written, line, start, quantity, derivative, ratio, percent))
    return found


def _call_literals(code):
    """[(name, value)] of keyword arguments and parameter defaults with a literal value."""
    found = []
    for node in code_nodes(code):
        pairs = []
        if isinstance(node, ast.keyword) and node.arg:
            pairs = [(node.arg, node.value)]
        elif isinstance(node, ast.arguments):
            positional = node.posonlyargs + node.args
            pairs = list(zip([a.arg for a in positional[len(positional) - len(node.defaults):]], node.defaults))
            pairs += [(a.arg, d) for a, d in zip(node.kwonlyargs, node.kw_defaults) if d is not None]
        for name, value in pairs:
            if isinstance(value, ast.Constant) and type(value.value) in (int, float):
                found.append((name, as_decimal(repr(value.value))))
    return found


def printed_values(output):
    """[(spelling, value)] of ``name = value`` in printed output."""
    output = DERIVATIVE_LINE.sub(r"d\1/d\2", output)
    return [(spelling(m.group(1)), as_decimal(m.group(2))) for m in PRINTED.finditer(output)]


def table_rows(markdown):
    """(header cells, row cells, the row's index in its table) of every data row of the
    Markdown tables in a text: the separator row is skipped, a non-table line ends a table."""
    header, index = None, 0
    for row in markdown.split("\n"):
        if not row.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if header is None:
            header, index = cells, 0
        elif not set("".join(cells)) <= set("-: "):
            yield header, cells, index
            index += 1


def table_columns(markdown):
    """[(spelling of a column header, value)] of the Markdown tables in a text."""
    return [(spelling(name), as_decimal(cell)) for header, cells, _ in table_rows(markdown)
            for name, cell in zip(header, cells) if NUMBER.fullmatch(cell)]


@dataclass(frozen=True)
class Given:
    """A value the code gives a name: ``exact`` for a literal the code sets (a
    setting such as ``lr=0.05``, which prose must state as written) rather than
    a result it prints (shown at the precision the prose uses)."""

    value: object  # Decimal
    exact: bool

    def __str__(self):
        return str(self.value)


def span_values(page, first, last, expand):
    """{spelling: [Given]} the code, output and included tables give names
    between two lines; ``expand`` turns an include line into its text."""
    named = {}

    def add(pairs, exact):
        for name, value in pairs:
            named.setdefault(name, []).append(Given(value, exact))

    for block in page.blocks:
        if first < block.line < last:
            if block.is_python:
                add(((spelling(n), v) for n, v in assigned_literals(block.code) + _call_literals(block.code)), True)
            elif block.is_output:
                add(printed_values(block.code), False)
    for number, text in page.prose:
        if first < number < last and INCLUDE.match(text):
            add(table_columns(expand(text)), False)
    return named


def quantity_values(named, code_names, derivative):
    """The values (Given) ``named`` gives a quantity (or its derivative)."""
    keys = [spelling(n) for n in code_names]
    if derivative:
        return [v for k, values in named.items() for v in values
                if k.startswith("d") and any(k.endswith("d" + key) and len(k) > len(key) + 1 for key in keys)]
    return [v for key in keys for v in named.get(key, [])]
