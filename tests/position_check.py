"""Numbers of the prose bound to the printed value at the place the prose names.

A number that equals *some* value of its section is not yet right: "4.64 times
per layer" changed to 1.16 still equals a value of the gradient-norm table,
that of another row. Where the prose says which row or which end of a column
it means, the number must be that value (pagemodel.positions lays the values
out as rows and columns):

* a row: "20.5 at layer 9", "9층의 20.5", "at step 20" (a row labelled by a
  number), or the nearest phrase of tests/row_labels.yml before the number in
  its paragraph ("With ReLU ...", "He 초기화만 ...");
* both ends of a column: "from X to Y", "between X and Y", "X–Y", "X에서 Y로",
  "X에서 Y까지": when a column of the section holds both, they must be its first
  and last values (or its smallest and largest);
* the first row: "starts at X", "처음 ... X".

A number whose section prints it nowhere in the place named is reported with
the value printed there. Numbers the prose places nowhere keep the section
and page-wide checks (tests/quantity_check.py, tests/number_check.py).
"""

import re
from dataclasses import dataclass
from pathlib import Path

from sitebuilder.pagemodel.includes import expand_snippets
from sitebuilder.pagemodel.numbers import NUMBER, Stated, shows
from sitebuilder.pagemodel.page import page as page_model
from sitebuilder.pagemodel.positions import section_cells, series_of
from sitebuilder.pagemodel.quantities import INCLUDE, clean
from sitebuilder.pagemodel.site import load_entries

ROWS_FILE = Path(__file__).with_name("row_labels.yml")
EN_ROW_AFTER = re.compile(r"^\s+(?:at|in|on)\s+(?:the\s+)?(layer|step)\s+(\d+)\b", re.I)
KO_ROW_BEFORE = re.compile(r"(\d+)\s*(층|단계)(?:의|에서|째)?(?:\s+[^\s\d]+)?\s*$")  # "20단계의 손실은 0.9145"
KO_ROW_WORDS = {"층": "layer", "단계": "step"}
FIRST_BEFORE = re.compile(r"(?:\b(?:starts?|begins?|started|began)\s+(?:at|from)\s+|처음(?:\s+\S+)?\s+)$", re.I)
SPAN = r"(?P<a>{n})(?P<mid>{mid})(?P<b>{n})"
VALUE = NUMBER.pattern.replace("?P<sign>", "?:")  # used twice in one pattern: no group name
EN_RANGES = [re.compile(r"\b(?:from|between)\s+" + SPAN.format(n=VALUE, mid=mid), re.I)
             for mid in (r"\s+to\s+", r"\s+and\s+")] + [re.compile(SPAN.format(n=VALUE, mid="–"))]
KO_RANGES = [re.compile(SPAN.format(n=VALUE, mid=mid) + r"(?=\s*(?:로|으로|까지|사이))")
             for mid in (r"\s*에서\s+", r"\s*(?:와|과)\s+")] + [re.compile(SPAN.format(n=VALUE, mid="[–~]"))]


def load_rows(path=ROWS_FILE):
    return load_entries(path, ("en", "ko", "rows"))


def row_entry(label, table):
    """The entry whose longest row beginning the label starts with (None: no entry)."""
    found = [(len(b), key) for key, entry in table.items() for b in entry["rows"]
             if label == b or label.startswith(b + " ")]
    return max(found)[1] if found else None


def phrase_cues(text, table, lang):
    """[(start, entry)] of the row phrases of a prose line."""
    cues = []
    for key, entry in table.items():
        for phrase in entry[lang]:
            edge = r"(?<![\w가-힣])" if lang == "ko" else r"\b"
            for m in re.finditer(edge + re.escape(phrase) + (r"" if lang == "ko" else r"\b"), text, re.I):
                cues.append((m.start(), m.end(), key))
    # a longer phrase hides a shorter one inside it
    inside = {(s, e) for s, e, _ in cues for s2, e2, _ in cues if s2 <= s and e <= e2 and (s2, e2) != (s, e)}
    return sorted((s, k) for s, e, k in cues if (s, e) not in inside)


@dataclass(frozen=True)
class Finding:
    stated: Stated
    where: str  # what the prose names: "the row relu", "the ends of a column", "the first row"
    printed: tuple  # the values printed there (texts)
    line: int  # the page line of the output that prints them


def _hits(stated, cells):
    candidates = [(c, c.value * 100 if stated.percent else c.value) for c in cells]
    return [c for c, v in candidates if shows(stated.text, v) or (stated.percent and shows(stated.text, c.value))]


def _percent(text, end):
    return text[end:].lstrip().startswith("%")


def row_cue(text, start, end, lang, phrases):
    """('number', 'layer 9') or ('entry', key) or None for the number at text[start:end]."""
    if lang == "en":
        m = EN_ROW_AFTER.match(text[end:])
        if m:
            return "number", f"{m.group(1).lower()} {m.group(2)}"
    else:
        m = KO_ROW_BEFORE.search(text[:start])
        if m:
            return "number", f"{KO_ROW_WORDS[m.group(2)]} {m.group(1)}"
    before = [key for at, key in phrases if at < start]
    return ("entry", before[-1]) if before else None


def check_row(stated, cue, cells, table):
    kind, target = cue

    def named(cell):
        return cell.row == target if kind == "number" else row_entry(cell.row, table) == target

    hits = _hits(stated, cells)
    if not hits or any(named(c) for c in hits):
        return None
    tables = series_of(cells)
    there = [c for h in hits for c in tables[h.series][h.column] if named(c)]
    if not there:
        return None  # the row named is not in the table that prints the number
    what = f"the row {target}" if kind == "number" else f"the row of {target} ({there[0].row})"
    return Finding(stated, what, tuple(dict.fromkeys(c.text for c in there)), there[0].line)


def check_ends(a, b, cells):
    """Both ends of "from a to b": the ends of a column that holds both, if one does."""
    hits_a, hits_b = _hits(a, cells), _hits(b, cells)
    if not hits_a and not hits_b:
        return None
    tables = series_of(cells)
    columns = {(c.series, c.column) for c in hits_a + hits_b}
    held = []
    for key in columns:
        column = tables[key[0]][key[1]]
        if len(column) < 2:
            continue
        values = [c.value for c in column]
        ends = [(column[0].value, column[-1].value), (min(values), max(values))]
        if any((shows(a.text, x) and shows(b.text, y)) or (shows(a.text, y) and shows(b.text, x)) for x, y in ends):
            return None
        held.append(column)
    if not held:
        return None  # no column of two or more rows holds either end: the section check applies
    column = held[0]
    return Finding(Stated(f"{a.text} … {b.text}", a.line), "the two ends of a column",
                   (column[0].text, column[-1].text), column[0].line)


def check_first(stated, cells):
    hits = _hits(stated, cells)
    tables = series_of(cells)
    columns = [tables[h.series][h.column] for h in hits]
    columns = [c for c in columns if len(c) > 1]
    if not columns or any(shows(stated.text, h.value * (100 if stated.percent else 1)) or shows(stated.text, h.value)
                          for col in columns for h in col[:1]):
        return None
    return Finding(stated, "the first row of its column", (columns[0][0].text,), columns[0][0].line)


def language(page):
    return "ko" if "/ko/" in f"/{page.name}" else "en"


def misplaced_numbers(page, table=None):
    """[Finding] for every number whose prose names a place that prints another value."""
    if not hasattr(page, "blocks"):
        page = page_model(page)
    table = table or load_rows()
    lang, found = language(page), []
    for number, raw in page.prose:
        text = clean(raw)
        first, last = page.section(number)
        cells = section_cells(page, first, last, expand_snippets, INCLUDE)
        if not cells:
            continue
        phrases = phrase_cues(text, table, lang)
        in_ranges = set()
        for pattern in EN_RANGES if lang == "en" else KO_RANGES:
            for m in pattern.finditer(text):
                a = Stated(m.group("a"), number, _percent(text, m.end("a")))
                b = Stated(m.group("b"), number, _percent(text, m.end("b")))
                in_ranges.update((m.start("a"), m.start("b")))
                if a.is_free and b.is_free:
                    continue
                if any(row_cue(text, m.start(g), m.end(g), lang, []) for g in "ab"):
                    continue  # ends placed by their rows: the row check below
                finding = check_ends(a, b, cells)
                found += [finding] if finding else []
        for m in NUMBER.finditer(text):
            stated = Stated(m.group(), number, _percent(text, m.end()), m.start())
            if stated.is_free:
                continue
            cue = row_cue(text, m.start(), m.end(), lang, phrases)
            finding = check_row(stated, cue, cells, table) if cue else None
            if not finding and m.start() not in in_ranges and FIRST_BEFORE.search(text[:m.start()]):
                finding = check_first(stated, cells)
            found += [finding] if finding else []
    return found


def message(page_name, finding):
    s = finding.stated
    printed = ", ".join(finding.printed)
    return (f"{page_name}:{s.line}: {s.text}{'%' if s.percent else ''} is stated for {finding.where}, "
            f"but the output (or included table) at line {finding.line} prints {printed} there")
