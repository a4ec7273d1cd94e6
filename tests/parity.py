"""What must be the same in the Korean and English version of a page.

A page and its twin are one lesson in two languages. The prose is
translated; everything a reader could check is not:

* the code and output fences (same order, same info string, same text
  after snippet expansion),
* the mathematics (display ``$$ ... $$`` / ``\\[ ... \\]`` and inline ``\\( ... \\)``),
* the structure of every mermaid diagram (node ids and shapes, edges with
  their arrow style and label, ``linkStyle``/``style``/``class`` lines; only
  the text inside a node may be translated),
* the stated numbers (prose, math and diagrams).

Each check returns ``None`` or a message naming both files, the lines where
the two versions part, and what differs. The functions take page *texts*, so
the self-test can feed them altered pages that never touch the disk.
"""

import re
from collections import Counter
from dataclasses import dataclass

from tests.numbers import stated_in_fence_list, stated_numbers
from tests.pages import parse_fences, prose_lines

# Fences whose body is prose in a box and may be translated; every other
# non-mermaid fence (python, output, bash, ...) is code and must be identical.
TRANSLATABLE_FENCES = {"", "text", "txt", "plain", "md", "markdown"}

DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]", re.S)
INLINE_MATH = re.compile(r"\\\((.+?)\\\)", re.S)


@dataclass(frozen=True)
class Item:
    """One comparable thing on a page, with the line it came from."""

    key: object
    line: int
    shown: str  # how to print it in a message


def _describe(name, item):
    return f"  {name}:{item.line}: {item.shown}" if item else f"  {name}: (nothing: it ends here)"


def first_difference(what, ko_items, en_items, ko_name, en_name):
    """Compare two ordered lists; describe the first position where they differ."""
    for i in range(max(len(ko_items), len(en_items))):
        a = ko_items[i] if i < len(ko_items) else None
        b = en_items[i] if i < len(en_items) else None
        if a is None or b is None or a.key != b.key:
            return (
                f"{what} differ between {ko_name} and {en_name} (item {i + 1}):\n"
                f"{_describe(ko_name, a)}\n{_describe(en_name, b)}"
            )
    return None


# --- code fences -------------------------------------------------------------


def code_fences(fences):
    items = []
    for fence in fences:
        if fence.lang == "mermaid" or fence.lang in TRANSLATABLE_FENCES:
            continue
        info = fence.lang + "".join(f" {o}" for o in sorted(fence.options))
        first = next((l for l in fence.content.split("\n") if l.strip()), "")
        items.append(Item((info, fence.content.rstrip("\n")), fence.line, f"```{info}: {first.strip()}"))
    return items


def code_difference(ko_fences, en_fences, ko_name, en_name):
    ko, en = code_fences(ko_fences), code_fences(en_fences)
    # Report the first differing line inside the first differing fence.
    for a, b in zip(ko, en):
        if a.key != b.key:
            if a.key[0] != b.key[0]:
                break
            a_lines, b_lines = a.key[1].split("\n"), b.key[1].split("\n")
            for n in range(max(len(a_lines), len(b_lines))):
                x = a_lines[n] if n < len(a_lines) else "(end of block)"
                y = b_lines[n] if n < len(b_lines) else "(end of block)"
                if x != y:
                    return (
                        f"code fences differ between {ko_name} and {en_name} "
                        f"(```{a.key[0]} blocks at {ko_name}:{a.line} and {en_name}:{b.line}, "
                        f"line {n + 1} of the block{' after snippet expansion' if n else ''}):\n"
                        f"  {ko_name}: {x}\n  {en_name}: {y}"
                    )
    return first_difference("code fences", ko, en, ko_name, en_name)


# --- math ----------------------------------------------------------------------


def _prose_with_line_numbers_kept(text):
    """The page with every fence and front matter blanked, line numbers unchanged."""
    keep = dict(prose_lines(text))
    count = text.count("\n") + 1
    return "\n".join(keep.get(n, "") for n in range(1, count + 1))


def _squash(math):
    return " ".join(math.split())


def math_items(text):
    prose = _prose_with_line_numbers_kept(text)
    display, inline = [], []
    taken = []
    for match in DISPLAY_MATH.finditer(prose):
        body = _squash(match.group(1) if match.group(1) is not None else match.group(2))
        line = prose.count("\n", 0, match.start()) + 1
        display.append(Item(body, line, f"$$ {body} $$"))
        taken.append(match.span())
    for match in INLINE_MATH.finditer(prose):
        if any(s <= match.start() < e for s, e in taken):
            continue
        body = _squash(match.group(1))
        line = prose.count("\n", 0, match.start()) + 1
        inline.append(Item(body, line, f"\\( {body} \\)"))
    return display, inline


def unmatched(items, others):
    """Items of one page whose key never occurs on the other page."""
    keys = {o.key for o in others}
    missing, reported = [], set()
    for item in items:
        if item.key not in keys and item.key not in reported:
            reported.add(item.key)
            missing.append(item)
    return missing


def math_difference(ko_text, en_text, ko_name, en_name):
    """Display math must match block for block, in order. Inline math must be
    the same set of expressions, in any order and any number of times: Korean
    word order legitimately moves a formula within a sentence
    ("\\(x = 2\\) 에서 \\(dz/dx\\)" / "\\(dz/dx\\) at \\(x = 2\\)"), and one
    version may write \\(w\\) where the other says "the weight"."""
    (ko_display, ko_inline), (en_display, en_inline) = math_items(ko_text), math_items(en_text)
    found = first_difference("display math blocks", ko_display, en_display, ko_name, en_name)
    if found:
        return found
    only_ko, only_en = unmatched(ko_inline, en_inline), unmatched(en_inline, ko_inline)
    if not only_ko and not only_en:
        return None
    lines = [f"inline math differs between {ko_name} and {en_name}:"]
    for name, only, other in ((ko_name, only_ko, en_name), (en_name, only_en, ko_name)):
        for item in only[:5]:
            lines.append(f"  {name}:{item.line}: {item.shown} has no counterpart in {other}")
    return "\n".join(lines)


# --- mermaid -------------------------------------------------------------------

NODE_ID = re.compile(r"[A-Za-z0-9_]+")
# Opening bracket of a node shape -> its closing bracket, longest first.
SHAPES = [
    ("(((", ")))"), ("([", "])"), ("[[", "]]"), ("[(", ")]"), ("((", "))"), ("{{", "}}"),
    ("[/", "/]"), ("[\\", "\\]"), ("[/", "\\]"), ("[\\", "/]"),
    ("[", "]"), ("(", ")"), ("{", "}"), (">", "]"),
]
# An edge: optional text form "-- text -->" / "-. text .->" / "== text ==>",
# then the arrow, then an optional |label|.
ARROW = re.compile(
    r"\s*(?:(?P<pre>--|-\.|==)\s+(?P<text>[^|>\-=.][^>]*?)\s+)?"
    r"(?P<arrow><?(?:-{2,}|-\.+-|\.+-|={2,}|~{3,})[>xo]?)"
    r"(?:\s*\|(?P<label>[^|]*)\|)?\s*"
)
STATEMENT = re.compile(r"^\s*(flowchart|graph|linkStyle|style|classDef|class|click|direction)\b(.*)$")


def _read_shape(line, pos):
    """If a node shape starts at pos, return (shape name, end position)."""
    for opening, closing in SHAPES:
        if line.startswith(opening, pos):
            i, quoted = pos + len(opening), False
            while i < len(line):
                if line[i] == '"':
                    quoted = not quoted
                elif not quoted and line.startswith(closing, i):
                    return opening + closing, i + len(closing)
                i += 1
            raise ValueError(f"unclosed node shape {opening!r}")
    return None, pos


def _read_node(line, pos):
    match = NODE_ID.match(line, pos)
    if not match:
        raise ValueError(f"expected a node id at column {pos + 1}")
    shape, end = _read_shape(line, match.end())
    if line.startswith(":::", end):
        cls = NODE_ID.match(line, end + 3)
        end = cls.end() if cls else end + 3
    return match.group(), shape, end


def _read_group(line, pos):
    """``A`` or ``A & B["..."]``: a list of (id, shape)."""
    nodes = []
    while True:
        pos = len(line) - len(line[pos:].lstrip())
        node_id, shape, pos = _read_node(line, pos)
        nodes.append((node_id, shape))
        rest = line[pos:]
        if rest.lstrip().startswith("&"):
            pos = line.index("&", pos) + 1
            continue
        return nodes, pos


def _label(text):
    return None if text is None else text.strip().strip('"').strip()


@dataclass
class Diagram:
    statements: list  # Items: header, linkStyle, style, class lines
    nodes: list  # Items: first appearance of each node id (with its shape, if ever given)
    edges: list  # Items: (source, arrow, label, target)


def parse_mermaid(content, first_line):
    """The structure of one mermaid fence; labels of nodes are left out."""
    statements, edges, shapes, order = [], [], {}, []

    def seen(node_id, shape, line):
        if node_id not in shapes:
            order.append((node_id, line))
            shapes[node_id] = None
        if shape:
            shapes[node_id] = shape

    for offset, raw in enumerate(content.split("\n"), start=1):
        line_number = first_line + offset
        line = raw.split("%%", 1)[0].rstrip().rstrip(";")
        if not line.strip():
            continue
        statement = STATEMENT.match(line)
        if statement:
            key = (statement.group(1), " ".join(statement.group(2).split()))
            statements.append(Item(key, line_number, line.strip()))
            continue
        if re.match(r"^\s*subgraph\b", line):
            sub = re.match(r"^\s*subgraph\s+([A-Za-z0-9_]+)", line)
            statements.append(Item(("subgraph", sub.group(1) if sub else ""), line_number, line.strip()))
            continue
        if line.strip() == "end":
            statements.append(Item(("end",), line_number, "end"))
            continue
        try:
            sources, pos = _read_group(line, 0)
            for node_id, shape in sources:
                seen(node_id, shape, line_number)
            while pos < len(line):
                arrow = ARROW.match(line, pos)
                if not arrow or not arrow.group("arrow"):
                    raise ValueError(f"cannot read {line[pos:]!r}")
                label = _label(arrow.group("label") if arrow.group("label") is not None else arrow.group("text"))
                style = (arrow.group("pre") or "") + arrow.group("arrow")
                targets, pos = _read_group(line, arrow.end())
                for node_id, shape in targets:
                    seen(node_id, shape, line_number)
                for s, _ in sources:
                    for t, _ in targets:
                        key = (s, style, label, t)
                        shown = f"{s} {style}" + (f'|"{label}"|' if label is not None else "") + f" {t}"
                        edges.append(Item(key, line_number, shown))
                sources = targets
        except ValueError as error:
            statements.append(Item(("unreadable", line.strip()), line_number, f"{line.strip()} ({error})"))
    nodes = [Item((n, shapes[n]), line, f"{n} {shapes[n] or ''}".strip()) for n, line in order]
    return Diagram(statements, nodes, edges)


def mermaid_difference(ko_fences, en_fences, ko_name, en_name):
    ko = [f for f in ko_fences if f.lang == "mermaid"]
    en = [f for f in en_fences if f.lang == "mermaid"]
    if len(ko) != len(en):
        return (
            f"{ko_name} has {len(ko)} mermaid diagram(s) and {en_name} has {len(en)}:\n"
            f"  {ko_name}: lines {[f.line for f in ko]}\n  {en_name}: lines {[f.line for f in en]}"
        )
    for number, (a, b) in enumerate(zip(ko, en), start=1):
        da, db = parse_mermaid(a.content, a.line), parse_mermaid(b.content, b.line)
        for what, x, y in (
            ("edges", da.edges, db.edges),
            ("node ids", da.nodes, db.nodes),
            ("diagram statements (flowchart/linkStyle/style/class)", da.statements, db.statements),
        ):
            found = first_difference(
                f"mermaid diagram {number} {what}", x, y, ko_name, en_name
            )
            if found:
                return found
    return None


# --- numbers -------------------------------------------------------------------


def number_items(text, fences):
    stated = stated_numbers(text) + stated_in_fence_list(fences)
    return [s for s in stated if not s.is_free]


def _key(stated):
    return stated.text + ("%" if stated.percent else "")


def numbers_difference(ko_text, en_text, ko_fences, en_fences, ko_name, en_name):
    """The two pages must state the same set of numbers (free integers 0-10
    aside: "두 번" and "twice" are both fine)."""
    ko, en = number_items(ko_text, ko_fences), number_items(en_text, en_fences)
    ko_keys, en_keys = {_key(s) for s in ko}, {_key(s) for s in en}
    only_ko = [s for s in ko if _key(s) not in en_keys]
    only_en = [s for s in en if _key(s) not in ko_keys]
    if not only_ko and not only_en:
        return None
    lines = [f"stated numbers differ between {ko_name} and {en_name}:"]
    for name, only, other in ((ko_name, only_ko, en_name), (en_name, only_en, ko_name)):
        first = {}
        for s in only:
            first.setdefault(_key(s), s)
        for key, s in list(first.items())[:10]:
            lines.append(f"  {name}:{s.line}: {key} is not stated in {other}")
        if len(first) > 10:
            lines.append(f"  ... and {len(first) - 10} more in {name}")
    return "\n".join(lines)


# --- all together ----------------------------------------------------------------


def page_difference(ko_text, en_text, ko_name="ko", en_name="en"):
    """The first way two twin pages disagree, or None."""
    ko_fences, en_fences = parse_fences(ko_text), parse_fences(en_text)
    return (
        code_difference(ko_fences, en_fences, ko_name, en_name)
        or math_difference(ko_text, en_text, ko_name, en_name)
        or mermaid_difference(ko_fences, en_fences, ko_name, en_name)
        or numbers_difference(ko_text, en_text, ko_fences, en_fences, ko_name, en_name)
    )


def page_differences(ko_text, en_text, ko_name="ko", en_name="en"):
    """Every kind of disagreement (one message per kind), for a full report."""
    ko_fences, en_fences = parse_fences(ko_text), parse_fences(en_text)
    found = [
        code_difference(ko_fences, en_fences, ko_name, en_name),
        math_difference(ko_text, en_text, ko_name, en_name),
        mermaid_difference(ko_fences, en_fences, ko_name, en_name),
        numbers_difference(ko_text, en_text, ko_fences, en_fences, ko_name, en_name),
    ]
    return [f for f in found if f]
