"""One word for one idea: the glossary data, its pages, and the Korean pages.

* docs/glossary.yml is well formed (pagemodel/glossary.py does the checking,
  for the build and the tests alike, so both reject the same files) and lists
  every known machine-translation slip under the term to use instead.
* No Korean page (Markdown prose and diagrams, notebook Markdown cells) uses
  a known mistranslation: the fixed list below plus every ``avoid:`` entry
  of the glossary. A hit names file:line and the term to use instead.
* The glossary pages carry the marker the build replaces with the table.
"""

import json
import re

import pytest

from sitebuilder import pipeline
from sitebuilder.pagemodel.glossary import (
    GLOSSARY,
    MARKER,
    GlossaryError,
    fill_page,
    find_wrong_terms,
    lint_lines,
    load_glossary,
    page_language,
    render_table,
    suggestions,
    validate,
)
from sitebuilder.pagemodel.page import page, reader_lines
from sitebuilder.pagemodel.site import DOCS, relative
from sitebuilder.transforms import glossary as glossary_step

# Machine-translation slips that must never appear, whatever the yml says;
# each must be listed under `avoid:` of the entry a reader should use instead.
ALWAYS_WRONG = ["그라데이션", "차별화", "파생 상품", "체중", "체중 감량", "경사도", "역 전파"]


def entries():
    return load_glossary(GLOSSARY)


def markdown_lines(path):
    """(line, text) a reader sees: prose plus the text of diagram fences."""
    return reader_lines(page(path))


def notebook_lines(path):
    """(line in the .ipynb file, text) of every Markdown cell line. The line
    is where the JSON file holds it, so an editor jumps to it."""
    raw = path.read_text(encoding="utf-8")
    raw_lines = raw.split("\n")
    notebook = json.loads(raw)
    found, cursor = [], 0
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        source_lines = source if isinstance(source, list) else source.splitlines(True)
        for line in source_lines:
            encoded = json.dumps(line, ensure_ascii=False)[1:-1]
            at = next((i for i in range(cursor, len(raw_lines)) if encoded in raw_lines[i]), None)
            if at is None:  # unusual formatting: fall back to a search from the top
                at = next((i for i, r in enumerate(raw_lines) if encoded in r), 0)
            else:
                cursor = at
            found.append((at + 1, line.rstrip("\n")))
    return found


def korean_pages():
    return sorted(p for p in (DOCS / "ko").rglob("*") if p.suffix in (".md", ".ipynb") and p.is_file())


def lint(path, wrong_to_entry):
    lines = notebook_lines(path) if path.suffix == ".ipynb" else markdown_lines(path)
    return lint_lines(relative(path), lines, wrong_to_entry)


# --- the data file ----------------------------------------------------------------


def test_every_known_slip_is_listed_with_the_term_to_use():
    listed = suggestions(entries())
    missing = [w for w in ALWAYS_WRONG if w not in listed]
    assert not missing, f"add these to the `avoid:` list of the right entry in docs/glossary.yml: {missing}"


def test_definitions_use_the_glossary_themselves():
    wrong = suggestions(entries())
    problems = [
        f"docs/glossary.yml ({e['ko']}): '{written}' in the Korean definition; use '{entry['ko']}'"
        for e in entries()
        for _, written, entry in find_wrong_terms(e["definition"]["ko"], wrong)
    ]
    assert not problems, "\n".join(problems)


# --- the pages --------------------------------------------------------------------


@pytest.mark.parametrize("page", korean_pages(), ids=lambda p: relative(p))
def test_korean_page_uses_glossary_terms(page):
    problems = lint(page, suggestions(entries()))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_glossary_page_has_its_marker(language):
    page = DOCS / language / "glossary.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# "), f"{relative(page)}: the page starts with its H1 title"
    assert [line.strip() for line in text.split("\n")].count(MARKER) == 1, (
        f"{relative(page)}: needs exactly one line '{MARKER}' where the table goes"
    )
    assert page_language(f"{language}/glossary.md") == language


def test_the_build_fills_the_glossary_table():
    assert glossary_step.fill_glossary_table in pipeline.MARKDOWN


# --- the checker and the hook, on made-up input --------------------------------------


def test_lint_names_file_line_and_the_term_to_use(tmp_path):
    text = (
        "# 제목\n\n체중 감량과 그라데이션을 구합니다.\n\n```python\nx = 1  # 그라데이션\n```\n\n"
        "역  전파는 빠릅니다.\n\n!!! note \"그림\"\n    ```mermaid\n    flowchart LR\n"
        "        a[\"경사도\"] --> b\n    ```\n"
    )
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    wrong = suggestions(entries())
    hits = [(n, c, w, e["ko"]) for n, line in markdown_lines(page) for c, w, e in find_wrong_terms(line, wrong)]
    assert hits == [
        (3, 1, "체중 감량", "가중치"),
        (3, 8, "그라데이션", "기울기"),
        (9, 1, "역  전파", "역전파"),
        (14, 8, "경사도", "기울기"),
    ]
    message = lint(page, wrong)[0]
    assert message.endswith(":3:1: '체중 감량' is a mistranslation; use '가중치' (weight), see docs/glossary.yml")


def test_lint_reads_notebook_markdown_cells(tmp_path):
    notebook = {
        "cells": [
            {"cell_type": "code", "source": ["x = 1  # 그라데이션\n"], "metadata": {}, "outputs": [],
             "execution_count": None},
            {"cell_type": "markdown", "source": ["# 연습\n", "\n", "경사도를 구하세요.\n"], "metadata": {}},
        ],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    }
    target = tmp_path / "n.ipynb"
    target.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")
    wrong = suggestions(entries())
    hits = [(n, w) for n, line in notebook_lines(target) for _, w, _ in find_wrong_terms(line, wrong)]
    assert len(hits) == 1 and hits[0][1] == "경사도"
    assert "경사도" in target.read_text(encoding="utf-8").split("\n")[hits[0][0] - 1]


@pytest.mark.parametrize(
    "yml, complaint",
    [
        ("terms: []\n", "top-level 'terms:'"),
        ("terms:\n  - en: loss\n    definition: {ko: 가, en: a}\n", "'ko'"),
        ("terms:\n  - ko: 손실\n    definition: {ko: 가, en: a}\n", "'en'"),
        ("terms:\n  - {ko: 손실, en: loss, definition: {ko: 가, en: a}}\n"
         "  - {ko: 손실, en: Loss, definition: {ko: 나, en: b}}\n", "duplicates entry 1"),
        ("terms:\n  - {ko: 손실, en: loss, definition: {ko: 가}}\n", "'definition'"),
        ("terms:\n  - {ko: 손실, en: loss, definition: {ko: 가, en: a}, avoid: 분실}\n", "'avoid' must be a list"),
        ("terms:\n  - {ko: 손실, en: loss, definition: {ko: 가, en: a}, note: x}\n", "unknown key"),
        ("terms:\n  - ko: 손실\n    ko: 손해\n    en: loss\n", "written twice"),
        ("terms:\n  - {ko: 역전파, en: backpropagation, definition: {ko: 가, en: a}, avoid: [전파]}\n",
         "occurs in the term"),
        ("terms: [\n", "not valid YAML"),
    ],
)
def test_malformed_glossary_is_rejected(tmp_path, yml, complaint):
    path = tmp_path / "glossary.yml"
    path.write_text(yml, encoding="utf-8")
    with pytest.raises(GlossaryError, match=re.escape(complaint)):
        load_glossary(path)


def test_missing_marker_fails_loudly():
    with pytest.raises(GlossaryError, match="found no"):
        fill_page("# 용어집\n\n소개.\n", entries(), "ko", "docs/ko/glossary.md")
    with pytest.raises(GlossaryError, match="found 2"):
        fill_page(f"# Glossary\n{MARKER}\n{MARKER}\n", entries(), "en", "docs/en/glossary.md")


def test_table_is_sorted_for_each_language():
    sample = validate({"terms": [
        {"ko": "편향", "en": "bias", "definition": {"ko": "더하는 값", "en": "added | value"}},
        {"ko": "가중치", "en": "weight", "definition": {"ko": "곱하는 값", "en": "multiplied"}},
        {"ko": "야코비 행렬", "en": "Jacobian", "definition": {"ko": "행렬", "en": "matrix"}},
    ]})
    ko_rows = render_table(sample, "ko").split("\n")
    assert ko_rows[0] == "| 용어 | 영어 | 뜻 |"
    assert [r.split("|")[1].strip() for r in ko_rows[2:]] == ["**가중치**", "**야코비 행렬**", "**편향**"]
    en_rows = render_table(sample, "en").split("\n")
    assert [r.split("|")[1].strip() for r in en_rows[2:]] == ["**bias**", "**Jacobian**", "**weight**"]
    assert "added \\| value" in render_table(sample, "en")
    filled = fill_page(f"# Glossary\n\nIntro.\n\n{MARKER}\n", sample, "en", "en/glossary.md")
    assert MARKER not in filled and "| **bias** | 편향 |" in filled
