"""One word for one idea: the glossary data, its pages, and the Korean pages.

* docs/glossary.yml is well formed (hooks/glossary.py does the checking, so
  the build and the tests reject the same files) and has every term of the
  project's glossary.
* No Korean page (Markdown prose and diagrams, notebook Markdown cells) uses
  a known mistranslation: the fixed list below plus every ``avoid:`` entry
  of the glossary. A hit names file:line and the term to use instead.
* The glossary pages carry the marker the build replaces with the table.
"""

import json
import re

import pytest

from hooks.glossary import (
    MARKER,
    GlossaryError,
    fill_page,
    load_glossary,
    page_language,
    render_table,
    validate,
)
from tests.pages import DOCS, REPO, flatten_containers, parse_fences, prose_lines, relative

GLOSSARY = DOCS / "glossary.yml"

# Machine-translation slips that must never appear, whatever the yml says;
# each must be listed under `avoid:` of the entry a reader should use instead.
ALWAYS_WRONG = ["그라데이션", "차별화", "파생 상품", "체중", "체중 감량", "경사도", "역 전파"]

# The terms every page relies on (ko, en).
REQUIRED_TERMS = [
    ("역전파", "backpropagation"), ("순전파", "forward pass"), ("기울기", "gradient"),
    ("연쇄 법칙", "chain rule"), ("계산 그래프", "computational graph"), ("가중치", "weight"),
    ("편향", "bias"), ("손실", "loss"), ("손실 함수", "loss function"), ("미분", "derivative"),
    ("편미분", "partial derivative"), ("국소 미분", "local derivative"), ("상류", "upstream"),
    ("하류", "downstream"), ("활성화 함수", "activation function"), ("학습률", "learning rate"),
    ("경사 하강법", "gradient descent"), ("층", "layer"), ("노드", "node"),
    ("합성 함수", "composite function"), ("야코비 행렬", "Jacobian"),
    ("교차 엔트로피 오차", "cross-entropy error"), ("평균 제곱 오차", "mean squared error"),
    ("기울기 소실", "vanishing gradient"), ("기울기 폭발", "exploding gradient"),
    ("기울기 클리핑", "gradient clipping"), ("수치 미분", "numerical differentiation"),
    ("상대 오차", "relative error"), ("은닉층", "hidden layer"), ("출력층", "output layer"),
    ("배치", "batch"), ("원-핫", "one-hot"), ("전치", "transpose"),
]


def entries():
    return load_glossary(GLOSSARY)


def suggestions(glossary_entries):
    """Each wrong rendering -> the entry to use instead."""
    return {wrong: entry for entry in glossary_entries for wrong in entry.get("avoid", [])}


def pattern_of(wrong):
    # "역 전파" also matches "역  전파" or a line break between the words.
    return re.compile(r"\s+".join(re.escape(part) for part in wrong.split()))


def find_wrong_terms(text, wrong_to_entry):
    """(column, wrong rendering as written, entry) for each hit in one line;
    where hits overlap ("체중" inside "체중 감량") the longest is kept."""
    hits = []
    for wrong, entry in wrong_to_entry.items():
        for match in pattern_of(wrong).finditer(text):
            hits.append((match.start(), match.end(), match.group(), entry))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept, end = [], -1
    for start, stop, written, entry in hits:
        if start >= end:
            kept.append((start + 1, written, entry))
            end = stop
    return kept


def markdown_lines(path):
    """(line, text) a reader sees: prose plus the text of diagram fences."""
    text = path.read_text(encoding="utf-8")
    lines = prose_lines(text)
    flat = flatten_containers(text).split("\n")
    for fence in parse_fences(text):
        if not fence.is_python and fence.lang != "output":
            body = fence.raw.count("\n")
            lines += [(fence.line + i, flat[fence.line - 1 + i]) for i in range(1, body + 1)]
    return sorted(lines)


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
    problems = []
    for number, text in lines:
        for column, written, entry in find_wrong_terms(text, wrong_to_entry):
            problems.append(
                f"{relative(path)}:{number}:{column}: '{written}' is a mistranslation; "
                f"use '{entry['ko']}' ({entry['en']}), see docs/glossary.yml"
            )
    return problems


# --- the data file ----------------------------------------------------------------


def test_glossary_file_is_well_formed():
    assert len(entries()) >= len(REQUIRED_TERMS)


def test_glossary_has_every_required_term():
    pairs = {(e["ko"], e["en"]) for e in entries()}
    missing = [f"{ko} / {en}" for ko, en in REQUIRED_TERMS if (ko, en) not in pairs]
    assert not missing, f"docs/glossary.yml lacks: {', '.join(missing)}"


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
    assert [l.strip() for l in text.split("\n")].count(MARKER) == 1, (
        f"{relative(page)}: needs exactly one line '{MARKER}' where the table goes"
    )
    assert page_language(f"{language}/glossary.md") == language


def test_glossary_hook_is_registered():
    assert "hooks/glossary.py" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


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
            {"cell_type": "code", "source": ["x = 1  # 그라데이션\n"], "metadata": {}, "outputs": [], "execution_count": None},
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
