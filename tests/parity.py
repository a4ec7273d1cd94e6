"""What must be the same in the Korean and English version of a page.

A page and its twin are one lesson in two languages. The prose is
translated; everything a reader could check is not:

* the code and output fences (same order, same info string, same text
  after snippet expansion),
* the mathematics (display ``$$ ... $$`` / ``\\[ ... \\]`` and inline ``\\( ... \\)``),
* the structure of every mermaid diagram (node ids and shapes, edges with
  their arrow style and label, ``linkStyle``/``style``/``class`` lines; only
  the text inside a node may be translated),
* the stated numbers, signs included: paragraph by paragraph, the numbers
  above 10 in the same order, and every small integer (0-10) the English
  paragraph writes as a digit also in the Korean one (Korean counts with
  digits, "2개", where English may write "two"); and, as a backstop for
  paragraphs the two versions split differently, the same set per page.

Each check reads two page models (pagemodel.page) and returns ``None`` or a
message naming both files, the lines where the two versions part, and what
differs. The self-test feeds them altered pages that never touch the disk.
"""

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from sitebuilder.pagemodel.mermaid import Item
from sitebuilder.pagemodel.numbers import numbers_in_line, stated_in_blocks, stated_numbers

# Fences whose body is prose in a box and may be translated; every other
# non-mermaid fence (python, output, bash, ...) is code and must be identical.
TRANSLATABLE_FENCES = {"", "text", "txt", "plain", "md", "markdown"}


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


def code_fences(page):
    items = []
    for block in page.blocks:
        if block.lang == "mermaid" or block.lang in TRANSLATABLE_FENCES:
            continue
        first = next((line for line in block.code.split("\n") if line.strip()), "")
        items.append(Item((block.info, block.code.rstrip("\n")), block.line, f"```{block.info}: {first.strip()}"))
    return items


def code_difference(ko, en):
    a_items, b_items = code_fences(ko), code_fences(en)
    # Report the first differing line inside the first differing fence.
    for a, b in zip(a_items, b_items):
        if a.key != b.key:
            if a.key[0] != b.key[0]:
                break
            a_lines, b_lines = a.key[1].split("\n"), b.key[1].split("\n")
            for n in range(max(len(a_lines), len(b_lines))):
                x = a_lines[n] if n < len(a_lines) else "(end of block)"
                y = b_lines[n] if n < len(b_lines) else "(end of block)"
                if x != y:
                    return (
                        f"code fences differ between {ko.name} and {en.name} "
                        f"(```{a.key[0]} blocks at {ko.name}:{a.line} and {en.name}:{b.line}, "
                        f"line {n + 1} of the block{' after snippet expansion' if n else ''}):\n"
                        f"  {ko.name}: {x}\n  {en.name}: {y}"
                    )
    return first_difference("code fences", a_items, b_items, ko.name, en.name)


# --- math ----------------------------------------------------------------------


def _math_items(page, display):
    return [Item(m.body, m.line, m.shown) for m in page.math if m.display == display]


def unmatched(items, others):
    """Items of one page whose key never occurs on the other page."""
    keys = {o.key for o in others}
    missing, reported = [], set()
    for item in items:
        if item.key not in keys and item.key not in reported:
            reported.add(item.key)
            missing.append(item)
    return missing


def math_difference(ko, en):
    """Display math must match block for block, in order. Inline math must be
    the same set of expressions, in any order and any number of times: Korean
    word order legitimately moves a formula within a sentence
    ("\\(x = 2\\) 에서 \\(dz/dx\\)" / "\\(dz/dx\\) at \\(x = 2\\)"), and one
    version may write \\(w\\) where the other says "the weight"."""
    found = first_difference(
        "display math blocks", _math_items(ko, True), _math_items(en, True), ko.name, en.name
    )
    if found:
        return found
    ko_inline, en_inline = _math_items(ko, False), _math_items(en, False)
    only_ko, only_en = unmatched(ko_inline, en_inline), unmatched(en_inline, ko_inline)
    if not only_ko and not only_en:
        return None
    lines = [f"inline math differs between {ko.name} and {en.name}:"]
    for name, only, other in ((ko.name, only_ko, en.name), (en.name, only_en, ko.name)):
        for item in only[:5]:
            lines.append(f"  {name}:{item.line}: {item.shown} has no counterpart in {other}")
    return "\n".join(lines)


# --- mermaid -------------------------------------------------------------------


def mermaid_difference(ko, en):
    a_diagrams, b_diagrams = ko.diagrams, en.diagrams
    if len(a_diagrams) != len(b_diagrams):
        return (
            f"{ko.name} has {len(a_diagrams)} mermaid diagram(s) and {en.name} has {len(b_diagrams)}:\n"
            f"  {ko.name}: lines {[b.line for b, _ in a_diagrams]}\n"
            f"  {en.name}: lines {[b.line for b, _ in b_diagrams]}"
        )
    for number, ((_, da), (_, db)) in enumerate(zip(a_diagrams, b_diagrams), start=1):
        for what, x, y in (
            ("edges", da.edge_items, db.edge_items),
            ("node ids", da.nodes, db.nodes),
            ("diagram statements (flowchart/linkStyle/style/class)", da.statements, db.statements),
        ):
            found = first_difference(f"mermaid diagram {number} {what}", x, y, ko.name, en.name)
            if found:
                return found
    return None


# --- numbers -------------------------------------------------------------------


@dataclass(frozen=True)
class _Numbered:
    """A paragraph's numbers and the mathematics that identifies it."""

    line: int
    numbers: tuple  # Stated, in reading order
    math: frozenset
    heading: bool

    @property
    def signature(self):
        return (self.heading, self.math, tuple(sorted(s.key for s in self.numbers if not s.is_free)))


def _numbered_paragraphs(page):
    """The paragraphs that can be told apart: headings, and paragraphs with
    mathematics or a number above 10. (One with only small integers, such as
    "2층" where English says "two-layer", has nothing to pair it by.)"""
    found = []
    for paragraph in page.paragraphs:
        numbers = tuple(s for n, t in paragraph.lines for s in numbers_in_line(t, n))
        last = paragraph.lines[-1][0]
        math = frozenset(m.body for m in page.math if paragraph.line <= m.line <= last)
        heading = paragraph.lines[0][1].startswith("#")
        if (heading and numbers) or math or any(not s.is_free for s in numbers):
            found.append(_Numbered(paragraph.line, numbers, math, heading))
    return found


def _aligned_paragraphs(ko, en):
    """Pairs of paragraphs that are one paragraph in two languages: matched
    by their mathematics and numbers, so a paragraph one version splits in
    two (Korean may end a sentence after a display formula) does not shift
    every pair after it."""
    a, b = _numbered_paragraphs(ko), _numbered_paragraphs(en)
    matcher = SequenceMatcher(None, [p.signature for p in a], [p.signature for p in b], autojunk=False)
    pairs = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs += list(zip(a[i1:i2], b[j1:j2]))
    return pairs


def paragraph_numbers_difference(ko, en):
    for a, b in _aligned_paragraphs(ko, en):
        ka = [s for s in a.numbers if not s.is_free]
        kb = [s for s in b.numbers if not s.is_free]
        if Counter(s.key for s in ka) == Counter(s.key for s in kb) and [s.key for s in ka] != [s.key for s in kb]:
            return (
                f"the numbers of a paragraph are in a different order in {ko.name}:{a.line} "
                f"and {en.name}:{b.line}:\n  {ko.name}: {', '.join(s.key for s in ka)}\n"
                f"  {en.name}: {', '.join(s.key for s in kb)}"
            )
        missing = Counter(s.key for s in b.numbers if s.is_free) - Counter(s.key for s in a.numbers if s.is_free)
        if missing:
            where = next(s for s in b.numbers if s.key in missing)
            return (
                f"{en.name}:{where.line}: the paragraph states {', '.join(sorted(missing))}, "
                f"which its Korean twin ({ko.name}:{a.line}) does not"
            )
    return None


def number_items(page):
    return [s for s in stated_numbers(page) if not s.is_free]


def numbers_difference(ko, en):
    """The two pages must state the same numbers above 10, each as many times
    (free integers 0-10 are compared paragraph by paragraph)."""
    a_items, b_items = number_items(ko), number_items(en)
    a_count, b_count = Counter(s.key for s in a_items), Counter(s.key for s in b_items)
    only_ko = [s for s in a_items if a_count[s.key] > b_count[s.key]]
    only_en = [s for s in b_items if b_count[s.key] > a_count[s.key]]
    if not only_ko and not only_en:
        return paragraph_numbers_difference(ko, en) or diagram_numbers_difference(ko, en)
    lines = [f"stated numbers differ between {ko.name} and {en.name}:"]
    for name, only, mine, theirs, other in (
        (ko.name, only_ko, a_count, b_count, en.name), (en.name, only_en, b_count, a_count, ko.name),
    ):
        first = {}
        for s in only:
            first.setdefault(s.key, s)
        for key, s in list(first.items())[:10]:
            if theirs[key]:
                lines.append(f"  {name}:{s.line}: {key} is stated {mine[key]} time(s), {theirs[key]} in {other}")
            else:
                lines.append(f"  {name}:{s.line}: {key} is not stated in {other}")
        if len(first) > 10:
            lines.append(f"  ... and {len(first) - 10} more in {name}")
    return "\n".join(lines)


def diagram_numbers_difference(ko, en):
    a = [Item(s.key, s.line, s.text) for s in stated_in_blocks(ko)]
    b = [Item(s.key, s.line, s.text) for s in stated_in_blocks(en)]
    return first_difference("numbers in diagrams and text boxes", a, b, ko.name, en.name)


# --- all together ----------------------------------------------------------------

CHECKS = (code_difference, math_difference, mermaid_difference, numbers_difference)


def page_difference(ko, en):
    """The first way two twin pages (page models) disagree, or None."""
    for check in CHECKS:
        found = check(ko, en)
        if found:
            return found
    return None


def page_differences(ko, en):
    """Every kind of disagreement (one message per kind), for a full report."""
    return [found for found in (check(ko, en) for check in CHECKS) if found]
