"""The bridge between the languages: glossary-term tooltips and the side-by-side pages.

The built pages are read with BeautifulSoup, a parser of its own, not the
tag walker the build uses (transforms/term_tooltips.py), so a term the walker
misses in any page's prose, or wraps inside code or a formula, shows here.
"""

import json
import re

import pytest
from bs4 import BeautifulSoup, Comment

from sitebuilder.pagemodel.bilingual import side_by_side
from sitebuilder.pagemodel.glossary import GLOSSARY, load_glossary
from sitebuilder.pagemodel.page import page
from sitebuilder.pagemodel.site import DOCS, LANGUAGES, language_of
from sitebuilder.pagemodel.term_matches import term_pattern, translation_of, translations
from sitebuilder.transforms import glossary as glossary_step
from sitebuilder.transforms.term_tooltips import add_tooltips
from tests.site_build import SITE, side_by_side_pages

ENTRIES = load_glossary(GLOSSARY)
NOT_PROSE = {"a", "abbr", "button", "code", "figure", "kbd", "pre", "samp", "script", "style", "svg", "template",
             "h1", "h2", "h3", "h4", "h5", "h6"}
NOT_PROSE_CLASSES = {"katex", "arithmatex", "diagram"}
CHAPTERS = sorted(p.name for p in (DOCS / "ko" / "chapters").glob("*.md"))


def content_pages():
    """(site-relative path, language) of every page with an article, the side-by-side ones left out."""
    for path in sorted(SITE.rglob("index.html")):
        url = path.relative_to(SITE).parent.as_posix() + "/"
        if "/bilingual/" not in f"/{url}" and not url.startswith("assets/"):
            yield url, language_of(url)


def _in_prose(text, glossary_page):
    for parent in text.parents:
        if parent.name in NOT_PROSE or NOT_PROSE_CLASSES & set(parent.get("class") or ()):
            return False
        if glossary_page and parent.name == "table":
            return False
    return True


def test_every_term_in_every_pages_prose_carries_its_other_language_term(built_site):
    missed, wrong, wrapped = [], [], {language: 0 for language in LANGUAGES}
    for url, language in content_pages():
        article = BeautifulSoup((SITE / url / "index.html").read_text(encoding="utf-8"), "html.parser").find("article")
        if article is None:
            continue
        pattern, table = term_pattern(ENTRIES, language), translations(ENTRIES, language)
        glossary_page = url.endswith("glossary/")
        for text in article.find_all(string=True):
            if isinstance(text, Comment) or not _in_prose(text, glossary_page):
                continue
            missed += [f"{url}: {match['term']!r} in {text.strip()[:60]!r}" for match in pattern.finditer(text)]
        for abbr in article.find_all("abbr"):
            wrapped[language] += 1
            if abbr.get("title") != translation_of(abbr.get_text(), table):
                wrong.append(f"{url}: {abbr}")
            if any(p.name in ("code", "pre") or NOT_PROSE_CLASSES & set(p.get("class") or ()) for p in abbr.parents):
                wrong.append(f"{url}: {abbr} inside code or a formula")
    assert not missed, f"{len(missed)} glossary terms in prose without a tooltip:\n" + "\n".join(missed[:20])
    assert not wrong, "\n".join(wrong[:20])
    assert min(wrapped.values()) > 1000, wrapped  # measured: ko 1500-odd, en 1400-odd


def test_a_korean_term_keeps_its_particle_and_code_and_math_stay_as_they_are(monkeypatch):
    monkeypatch.setattr(glossary_step, "_entries", ENTRIES)
    html = ('<p>역전파를 쓰면 계층과 편미분이 <code>역전파</code> <span class="arithmatex">기울기</span>'
            ' <a href="x">기울기</a></p><h2 id="기울기">기울기</h2>')
    assert add_tooltips(html, "ko") == (
        '<p><abbr title="backpropagation">역전파</abbr>를 쓰면 계층과 <abbr title="partial derivative">편미분</abbr>이'
        ' <code>역전파</code> <span class="arithmatex">기울기</span> <a href="x">기울기</a></p>'
        '<h2 id="기울기">기울기</h2>'
    )
    assert add_tooltips("<li>Gradients flow; the loss function.</li>", "en") == (
        '<li><abbr title="기울기">Gradients</abbr> flow; the <abbr title="손실 함수">loss function</abbr>.</li>'
    )


@pytest.mark.parametrize("name", CHAPTERS)
def test_each_chapter_pairs_up_side_by_side(name):
    ko, en = page(DOCS / "ko" / "chapters" / name), page(DOCS / "en" / "chapters" / name)
    markdown = side_by_side(ko, en, name, "ko", set(CHAPTERS))
    assert markdown.count('lang="ko" markdown') == markdown.count('lang="en" markdown') > 5
    assert "exclude: true" in markdown
    # Python code is shared by both languages: shown once, outside the columns (code inside
    # a details box stays in its box, in each column).
    lines = ko.text.split("\n")
    top_level = [b for b in ko.blocks if b.lang == "python" and not lines[b.line - 1].startswith(" ")]
    assert len(re.findall(r"^```(?:python|\{\.python)", markdown, re.M)) == len(top_level) > 0


def test_the_side_by_side_pages_are_built_linked_and_not_searched(built_site):
    for url in side_by_side_pages():
        built = (SITE / url / "index.html").read_text(encoding="utf-8")
        assert 'class="bridge-column" lang="ko"' in built and 'class="bridge-column" lang="en"' in built, url
        chapter = url.replace("bilingual/", "")
        assert 'class="bridge-open"' in (SITE / chapter / "index.html").read_text(encoding="utf-8"), chapter
    for language in LANGUAGES:
        index = SITE / ("" if language == "ko" else language) / "search" / "search_index.json"
        locations = [doc["location"] for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]]
        assert locations and not [loc for loc in locations if "bilingual/" in loc]
