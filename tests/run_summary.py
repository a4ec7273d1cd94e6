"""The run's last lines: what it evaluated and what it did not check.

A plugin (the root conftest.py loads it, so its hooks see every test, page
blocks included). Skips and unchecked statements are counted here rather than
left to pytest's one-word "skipped": a run without PyTorch says loudly how
much it left out, and the formula check says how much it could not evaluate.
"""

from collections import Counter

FORMULAS = Counter()  # "evaluated", "unchecked": tests/test_formulas.py counts them
MATH_NUMBERS = Counter()  # "evaluated", "section", "named", "page-wide": tests/test_number_positions.py counts them
TORCH_SKIPS = Counter()  # what each test skipped for want of PyTorch would have checked
TORCH_MARKS = ("PyTorch", "'torch'")  # require_torch's reason; pytest.importorskip("torch")'s
SKIP_KIND = {"tests/test_notebooks.py": "notebooks", "tests/test_copy_runnable.py": "copied-page runs"}
COMPARED = set()  # node ids of page blocks followed by an ``output`` block


def formula_line():
    if not FORMULAS:
        return None
    return (f"formulas: {FORMULAS['evaluated']} evaluated, {FORMULAS['unchecked']} unchecked "
            "(reasons in tests/formulas_unchecked.yml)")


def math_numbers_line():
    if not MATH_NUMBERS:
        return None
    return (f"numbers in math: {MATH_NUMBERS['evaluated']} evaluated, "
            f"{MATH_NUMBERS['section']} evaluated with the values their section or page gives, "
            f"{MATH_NUMBERS['named']} bound to a name, "
            f"{MATH_NUMBERS['page-wide']} only checked against the page's printed values (tests/math_numbers.py)")


def torch_line():
    total = sum(TORCH_SKIPS.values())
    if not total:
        return None
    parts = ", ".join(f"{count} {what}" for what, count in sorted(TORCH_SKIPS.items()))
    return f"PyTorch not installed: {total} checks skipped ({parts}); run WITH_TORCH=1 make test to run them"


def skip_kind(nodeid):
    path = nodeid.split("::")[0]
    if path.startswith("docs/"):
        return "page blocks with an output comparison" if nodeid in COMPARED else "page blocks"
    return SKIP_KIND.get(path, "other tests")


def pytest_collection_modifyitems(items):
    from sitebuilder.pagemodel.defects import PageError
    from sitebuilder.pagemodel.page import page

    for item in items:
        definition = getattr(item, "test_definition", None)  # pytest-markdown-docs' page blocks
        if definition is None:
            continue
        try:
            blocks = page(definition.source_path).python_blocks
        except PageError:
            continue  # a broken page: its own tests fail, naming the line; nothing to count here
        if any(b.output and b.line <= definition.start_line <= b.end_line + 1 for b in blocks):
            COMPARED.add(item.nodeid)


def pytest_runtest_logreport(report):
    if not report.skipped or report.when == "teardown":
        return
    reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if any(mark in reason for mark in TORCH_MARKS):
        TORCH_SKIPS[skip_kind(report.nodeid)] += 1


def pytest_terminal_summary(terminalreporter):
    for line in (formula_line(), math_numbers_line(), torch_line()):
        if line:
            terminalreporter.write_line(line, yellow=True, bold=True)
