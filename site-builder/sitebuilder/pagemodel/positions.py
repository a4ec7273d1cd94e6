"""Where a printed value stands: its row and column in the output that prints it.

A number of the prose is bound to one printed value, not to any equal number of
its section, when the prose says where it stands: "20.5 at layer 9" / "9층의
20.5" (the row ``layer 9``), "With ReLU ... 4.64" (the row that starts with
``relu``, tests/row_labels.yml), "from 1.129 to 0.0551" (the two ends of one
column), "starts at 38%" / "처음 ... 38%" (its first row). This module lays the
printed values out as rows and columns; tests/position_check.py applies the
prose's cues.

An output line is a row: its label is the text before its first number (with
that number when it follows a word directly: ``step  20:`` is the row
``step 20``); a line that starts with an integer under a header line is the row
``<first header word> <integer>`` (``layer 9``). Its other numbers are its
columns, counted from the left. Lines of one block with the same words between
the numbers are one table (a ``series``): a column of it is what "from ... to"
runs along. A Markdown table a section includes is one table too, its first
cell the row label.
"""

import re
from dataclasses import dataclass

from sitebuilder.pagemodel.numbers import NUMBER, as_decimal
from sitebuilder.pagemodel.quantities import table_rows


@dataclass(frozen=True)
class Cell:
    text: str  # as printed
    line: int  # the page line of the block (or include) that prints it
    row: str  # the row label, lower case, single spaces ("relu he dl/dh layer 1", "layer 9")
    column: int  # which number of its row, from the left
    series: tuple  # (line, shape): the rows of one table share it
    position: int  # the row's place in its table

    @property
    def value(self):
        return as_decimal(self.text)


def _words(text):
    return " ".join(text.replace("|", " ").split()).strip(" :=,(").lower()


def text_cells(output, line):
    """Cells of an output block's lines (its page line given)."""
    cells, header, counts = [], "", {}
    for row_text in output.split("\n"):
        numbers = list(NUMBER.finditer(row_text))
        if not numbers:
            header = row_text if row_text.strip() else header
            continue
        first = numbers[0]
        before = row_text[:first.start()]
        label = _words(before)
        integer = re.fullmatch(r"\d+", first.group())
        if label and integer and re.search(r"[A-Za-z]\s+$", before):
            label, numbers = f"{label} {first.group()}", numbers[1:]  # "step  20:" is the row "step 20"
        elif not label and integer and header.split():
            label, numbers = f"{header.split()[0].lower()} {first.group()}", numbers[1:]  # "layer 9"
        rest = row_text[numbers[0].start():] if numbers else ""
        shape = " ".join(NUMBER.sub("#", rest).split())
        key = (line, shape)
        counts[key] = counts.get(key, -1) + 1
        cells += [Cell(m.group(), line, label, i, key, counts[key]) for i, m in enumerate(numbers)]
    return cells


def table_cells(markdown, line):
    """Cells of the Markdown tables in an included text: the first cell labels the row."""
    cells = []
    for header, parts, position in table_rows(markdown):
        key = (line, " | ".join(header))
        label = _words(parts[0]) if not NUMBER.fullmatch(parts[0]) else f"{_words(header[0])} {parts[0]}"
        column = 0
        for cell in parts[1:]:
            for match in NUMBER.finditer(cell):
                cells.append(Cell(match.group(), line, label, column, key, position))
                column += 1
    return cells


def section_cells(page, first, last, expand, include):
    """Every printed value of the outputs and included tables between two lines."""
    cells = []
    for block in page.blocks:
        if first < block.line < last and block.is_output:
            cells += text_cells(block.code, block.line)
    for number, text in page.prose:
        if first < number < last and include.match(text):
            cells += table_cells(expand(text), number)
    return cells


def series_of(cells):
    """{series key: {column: [cells in row order]}}."""
    tables = {}
    for cell in cells:
        tables.setdefault(cell.series, {}).setdefault(cell.column, []).append(cell)
    return tables
