"""A reader who copies code from a page gets code that runs.

After ``pip install`` of this package, in an empty folder: a page's Python
blocks pasted one after another run, and so does every block that does not
continue an earlier one, pasted alone. The package is installed into a
temporary folder, and the code runs from another, so nothing of the
repository (its root on ``sys.path``, files next to the code) can help.

Running is not enough for a block that only defines a class: it fails later,
when the reader calls it. So every name a block's code looks up must also be
defined (or imported) by the code copied with it.

Each chapter's code file (sitebuilder/transforms/chapter_code.py) runs top
to bottom in an empty folder and prints what the page's output blocks show;
a class shown a few methods at a time has, put back together as the page
says, every method of the package's class.
"""

import builtins
import importlib
import json
import os
import re
import subprocess
import symtable
import sys
import textwrap

import pytest

from sitebuilder.pagemodel.page import page as page_model
from sitebuilder.pagemodel.page import page_errors
from sitebuilder.pagemodel.site import LANGUAGES, page_files, relative
from sitebuilder.transforms.chapter_code import chapter_file_name, chapter_script, is_chapter
from sitebuilder.transforms.continuation_labels import METHOD_SHOWN_DEDENTED
from tests.optional_torch import needs_torch, require_torch

# A page the model cannot read stays in, so its tests fail with the model's PageError.
PAGES = sorted(
    p for language in LANGUAGES for p in page_files(language) if page_errors(p) or page_model(p).python_blocks
)

# Runs each script in a fresh namespace, as a new file pasted into a new
# interpreter would, and reports the first error of each as JSON. One process
# per page (not per block) keeps the test fast; modules stay imported between
# scripts, but no name carries over from one script to the next.
RUNNER = """
import contextlib, io, json, sys, traceback
import snippets
scripts = json.load(sys.stdin)
failures = {"installed_at": snippets.__file__}
for label, code in scripts:
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(code, label, "exec"), {"__name__": "__main__"})
    except BaseException:
        failures[label] = traceback.format_exc(limit=-3)
print(json.dumps(failures))
"""


def scripts_of(page):
    """(label, code) for the whole page in order, then each block that starts a chain."""
    blocks = page_model(page).python_blocks
    name = relative(page)
    whole = (f"{name} (all blocks in order)", "\n".join(b.code for b in blocks))
    alone = [(f"{name}:{b.line} (alone)", b.code) for b in blocks if not b.continues_previous]
    return [whole, *alone]


def undefined_names(code):
    """Global names the code (its functions and classes included) reads but never binds."""
    top = symtable.symtable(code, "<block>", "exec")
    bound = {s.get_name() for s in top.get_symbols() if s.is_assigned() or s.is_imported() or s.is_namespace()}
    used, tables = set(), [top]
    while tables:
        table = tables.pop()
        tables.extend(table.get_children())
        used |= {s.get_name() for s in table.get_symbols() if s.is_referenced() and s.is_global()}
    return sorted(used - bound - set(dir(builtins)))


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_copied_code_defines_every_name_it_uses(page):
    missing = {label: names for label, code in scripts_of(page) if (names := undefined_names(code))}
    assert not missing, "copied code uses names it neither defines nor imports:\n" + "\n".join(
        f"  {label}: {', '.join(names)}" for label, names in missing.items())


# {code of a page's scripts: where snippets was imported from} for every set
# that has run clean in this session. The two languages' pages carry the same
# code (test_language_parity.py) and running it is deterministic, so a twin
# whose code is known to run clean is not run again; code that failed is run
# again under the page's own labels, so the report names that page.
_clean_runs = {}


def run_copied(scripts, installed_package, folder):
    """RUNNER's report for these scripts, run in `folder` against the install."""
    codes = tuple(code for _, code in scripts)
    if codes in _clean_runs:
        return {"installed_at": _clean_runs[codes]}
    env = {**os.environ, "PYTHONPATH": str(installed_package), "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, "-c", RUNNER], input=json.dumps(scripts), cwd=folder, env=env,
        capture_output=True, text=True, check=True,
    )
    report = json.loads(result.stdout)
    if list(report) == ["installed_at"]:
        _clean_runs[codes] = report["installed_at"]
    return report


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_copied_code_runs_in_an_empty_folder(page, installed_package, tmp_path):
    scripts = scripts_of(page)
    if any(needs_torch(code) for _, code in scripts):
        require_torch(relative(page))
    report = run_copied(scripts, installed_package, tmp_path)
    assert report.pop("installed_at").startswith(str(installed_package)), "ran against the repository, not the install"
    assert not report, "copied code fails:\n" + "\n".join(f"--- {k}\n{v}" for k, v in report.items())


# -- The chapter's code as one file (sitebuilder/transforms/chapter_code.py) ------------------
CHAPTERS = sorted(p for language in LANGUAGES for p in page_files(language)
                  if is_chapter(p) and not page_errors(p) and page_model(p).python_blocks)


@pytest.mark.parametrize("page", CHAPTERS, ids=relative)
def test_chapter_code_file_runs_top_to_bottom_in_an_empty_folder(page, installed_package, tmp_path):
    script = chapter_script(page)
    if needs_torch(script):
        require_torch(f"{relative(page)}'s .py")
    blocks = page_model(page).python_blocks
    assert script.count("\n# --- ") == len(blocks), "every block of the page, each under its own comment"
    (tmp_path / chapter_file_name(page)).write_text(script, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(installed_package), "MPLBACKEND": "Agg"}
    result = subprocess.run([sys.executable, chapter_file_name(page)], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, f"{chapter_file_name(page)} fails:\n{result.stderr[-3000:]}"
    shown = "".join(b.output.code for b in blocks if b.output is not None)
    assert result.stdout == shown, "the file prints what the page's output blocks show, in order"


# -- A class shown a few methods at a time ------------------------------------------------------
INCLUDED_FILE = re.compile(r'--8<-- "snippets/([\w/]+)\.py:\w+"')


def class_parts(page):
    """{module: [code of the block with its ``class``, then each block of its methods]}."""
    parts = {}
    for block in page_model(page).python_blocks:
        for module in INCLUDED_FILE.findall(block.raw):
            if re.search(r"^class \w+", block.code, re.M) or METHOD_SHOWN_DEDENTED.search(block.code):
                parts.setdefault("snippets." + module.replace("/", "."), []).append(block.code)
    return {module: codes for module, codes in parts.items() if any(map(METHOD_SHOWN_DEDENTED.search, codes))}


@pytest.mark.parametrize("page", [p for p in PAGES if not page_errors(p) and class_parts(p)], ids=relative)
def test_class_shown_in_parts_assembles_as_written(page):
    """The methods indented under the ``class`` line, as the page tells the reader to,
    make the class the package has: no method the class needs is left unshown."""
    for module, (first, *methods) in class_parts(page).items():
        namespace = {"__name__": "assembled"}
        exec(first + "\n" + "\n".join(textwrap.indent(code, "    ") for code in methods), namespace)
        (name,) = re.findall(r"^class (\w+)", first, re.M)
        real = getattr(importlib.import_module(module), name)
        missing = {n for n, value in vars(real).items() if callable(value)} - set(vars(namespace[name]))
        assert not missing, f"{module}.{name} has methods the page never shows: {sorted(missing)}"
        assert f"{module}.{name}" in page_model(page).text, f"the page names the whole class, {module}.{name}"
