"""Numbers of the prose bound to the quantity they name (pagemodel.quantities).

A number after a phrase of tests/quantities.yml must show a value the code of
its *section* gives that quantity (the whole page only when the section gives
it none): a value that merely occurs elsewhere on the page, or the value of
another quantity, does not back it. A number that states a ratio ("about
two", "4.64 times per layer", "두 배", "2 정도") must be shown by the code,
output or included results of its section; small integers count there.
"""

from dataclasses import dataclass
from pathlib import Path

from sitebuilder.pagemodel.includes import expand_snippets
from sitebuilder.pagemodel.numbers import Stated, as_decimal, printed_numbers, python_literals, shows
from sitebuilder.pagemodel.page import page as page_model
from sitebuilder.pagemodel.quantities import INCLUDE, quantity_values, readings, span_values
from sitebuilder.pagemodel.site import load_entries

TABLE_FILE = Path(__file__).with_name("quantities.yml")

# The only numbers the binding reads that no code of their section shows, each
# with the reason; (page under docs/, the number as written).
NOT_IN_THE_SECTION = {
    ("ko/chapters/08-mlp-numpy.md", "100"): "weight_scale=10.0 against TwoLayerMLP's default 0.1 "
                                            "(snippets/mlp.py): a ratio of two literals, one not on the page",
    ("en/chapters/08-mlp-numpy.md", "100"): "the same sentence in English",
}


def load_table(path=TABLE_FILE):
    return load_entries(path, ("en", "ko", "code"))


@dataclass(frozen=True)
class Finding:
    reading: object  # quantities.Reading
    what: str  # "the learning rate", "the ratio stated", ...
    values: tuple  # what the code gives (empty: nothing in the section shows it)


def language(page):
    return "ko" if "/ko/" in f"/{page.name}" else "en"


def section_numbers(page, first, last):
    values = []
    for block in page.blocks:
        if first < block.line < last:
            if block.is_python:
                values += python_literals(block.code)
            elif block.is_output:
                values += printed_numbers(block.code)
    for number, text in page.prose:
        if first < number < last and INCLUDE.match(text):
            values += printed_numbers(expand_snippets(text))
    return values


def bound_readings(page, table=None):
    """[(Reading, values the code gives its quantity or, for a ratio, the section's numbers)]."""
    if not hasattr(page, "blocks"):
        page = page_model(page)
    table = table or load_table()
    lang = language(page)
    found = []
    for number, text in page.prose:
        for reading in readings(text, number, table, lang):
            first, last = page.section(number)
            if reading.quantity:
                names = table[reading.quantity]["code"]
                values = quantity_values(span_values(page, first, last, expand_snippets), names, reading.derivative)
                if values:
                    found.append((reading, tuple(values)))
                    continue
            if reading.ratio:
                evidence = section_numbers(page, first, last)
                if evidence:  # a section without code (a summary, a question) is left to the page-wide check
                    found.append((reading, tuple(evidence)))
    return found


def describe(reading, table):
    if not reading.quantity:
        return "a ratio"
    names = "/".join(table[reading.quantity]["code"])
    return f"d…/d{names}" if reading.derivative else names


def states(reading, given):
    """Does the reading state ``given``: a set literal as written, a result at
    the precision shown (a percent may show a fraction times 100)?"""
    exact, value = getattr(given, "exact", False), getattr(given, "value", given)
    candidates = (value, value * 100) if reading.percent else (value,)
    if exact:
        return any(as_decimal(reading.text) == v for v in candidates)
    return any(shows(reading.text, v) for v in candidates)


def misbound_numbers(page, table=None):
    """[Finding] for every bound number that shows none of its quantity's values."""
    table = table or load_table()
    wrong = []
    if not hasattr(page, "blocks"):
        page = page_model(page)
    for reading, values in bound_readings(page, table):
        excused = NOT_IN_THE_SECTION.get((page.name.removeprefix("docs/"), reading.written))
        if not excused and not any(states(reading, v) for v in values):
            wrong.append(Finding(reading, describe(reading, table), values))
    return wrong


def message(page_name, finding):
    r = finding.reading
    said = r.written if r.written == r.text else f"{r.written!r} ({r.text})"
    if not finding.reading.quantity:
        return (f"{page_name}:{r.line}: {said} states a ratio, but no code, output or included result "
                f"of its section shows {r.text}")
    shown = ", ".join(str(v) for v in dict.fromkeys(finding.values))
    return (f"{page_name}:{r.line}: {said} is stated for {r.quantity} (bound to {finding.what}), "
            f"but the code gives {finding.what} = {shown}")


__all__ = ["Stated", "bound_readings", "load_table", "message", "misbound_numbers"]
