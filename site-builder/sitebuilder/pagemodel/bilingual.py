"""A chapter in both languages, paragraph beside paragraph, as one Markdown page.

Twin pages have the same paragraphs and fenced blocks in the same order (the
parity tests hold them to it: tests/sentence_parity.py pairs ``paragraphs`` by
index). The page is cut into units: a top-level paragraph or block, or a whole
admonition or details box (its header and everything indented under it). The
k-th unit of the Korean page pairs with the k-th of the English one. A unit
written the same in both (a formula, most code, a step-through figure) is shown
once, full width; any other pair becomes two columns, each marked with its
language (``lang``), which bridge.css sets side by side, or one above the
other on a phone.

Links are rewritten for the page's place: a link to a chapter goes to that
chapter's side-by-side page, any other page link to the page in the build's
language, a file (a plot) to the file.
"""

import json
import posixpath
import re

from sitebuilder.pagemodel.page import CONTAINER_START

FOLDER = "bilingual"
LINK = re.compile(r"(\]\()([^)\s#]+)(#[^)\s]*)?(\s+\"[^\"]*\")?(\))")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
WORDS = {
    "ko": {"open": "한국어와 영어를 나란히 보기", "back": "한국어로만 읽기"},
    "en": {"open": "Read Korean and English side by side", "back": "Read in English only"},
}


class AlignmentError(ValueError):
    """The two pages cannot be set side by side."""


def _indent(line):
    return len(line) - len(line.lstrip(" "))


def units(model):
    """[(first line, last line)] of each unit of the page, in order (1-based, inclusive)."""
    raw = model.text.split("\n")
    items = sorted([(p.line, p.lines[-1][0]) for p in model.paragraphs] + [(b.line, b.end_line) for b in model.blocks])
    found, index = [], 0
    while index < len(items):
        first, last = items[index]
        header = raw[first - 1]
        index += 1
        if CONTAINER_START.match(header.lstrip(" ")):
            while index < len(items) and _indent(raw[items[index][0] - 1]) > _indent(header):
                last = items[index][1]
                index += 1
        found.append((first, last))
    return found


def unit_texts(model):
    """The source of each unit, de-indented to its own first line."""
    raw = model.text.split("\n")
    texts = []
    for first, last in units(model):
        lines = raw[first - 1 : last]
        depth = _indent(lines[0])
        texts.append("\n".join(line[depth:] for line in lines))
    return texts


def rewrite_links(text, source_dir, language, chapters):
    """Links of a unit from a page in ``source_dir`` ("ko/chapters"), for the side-by-side
    page of the ``language`` build (at ``language/bilingual/chapters/``)."""
    here = f"{language}/{FOLDER}/chapters"

    def rewrite(match):
        target = match[2]
        if SCHEME.match(target) or target.startswith("/"):
            return match[0]
        resolved = posixpath.normpath(posixpath.join(source_dir, target))
        parts = resolved.split("/")
        if parts[0] in WORDS:
            if len(parts) == 3 and parts[1] == "chapters" and parts[2] in chapters:
                return match[1] + parts[2] + (match[3] or "") + (match[4] or "") + match[5]
            resolved = "/".join([language, *parts[1:]])
        return match[1] + posixpath.relpath(resolved, here) + (match[3] or "") + (match[4] or "") + match[5]

    return LINK.sub(rewrite, text)


def _title(text):
    if not text.startswith("# ") or "\n" in text:
        raise AlignmentError(f"expected the page to open with its title ('# ...'), found {text[:40]!r}")
    return text[2:].strip()


def _column(language, text):
    return f'<div class="bridge-column" lang="{language}" markdown>\n\n{text}\n\n</div>'


def side_by_side(ko, en, name, language, chapters):
    """The Markdown of the side-by-side page of chapter ``name`` ("03-x.md") for the ``language``
    build, from the page models of its two twins; AlignmentError if they do not pair up."""
    pages = {"ko": ko, "en": en}
    texts = {lang: unit_texts(model) for lang, model in pages.items()}
    if len(texts["ko"]) != len(texts["en"]):
        raise AlignmentError(
            f"{ko.name} has {len(texts['ko'])} paragraphs and blocks, {en.name} {len(texts['en'])}: "
            "they cannot be set side by side"
        )
    for lang in pages:
        texts[lang] = [rewrite_links(t, f"{lang}/chapters", language, chapters) for t in texts[lang]]
    titles = {lang: _title(texts[lang][0]) for lang in pages}
    words = WORDS[language]
    heading = " · ".join(f'<span lang="{lang}">{titles[lang]}</span>' for lang in pages)
    out = [
        "---",
        f"title: {json.dumps(titles['ko'] + ' · ' + titles['en'], ensure_ascii=False)}",
        "hide: [navigation, toc]",
        "search:",
        "  exclude: true  # the chapters are indexed in each language already",
        "---",
        "",
        f"# {heading}",
        "",
        f"[{words['back']}](../../chapters/{name}){{ .bridge-back }}",
        "",
    ]
    for ko_text, en_text in zip(texts["ko"][1:], texts["en"][1:]):
        if ko_text == en_text:
            out += [ko_text, ""]
        else:
            columns = [_column("ko", ko_text), _column("en", en_text)]
            out += ['<div class="bridge-pair" markdown>', "", *columns, "</div>", ""]
    return "\n".join(out)

