"""What readers type into the search box, read from the site itself.

* ``identifiers(language)``: every name the code of that language's pages
  shows (classes, functions, variables, attributes, arguments, imported
  modules), read with ``ast`` from the page model's Python blocks and the
  exercise notebooks' code cells.
* ``frequent_words(language)``: the most frequent words of that language's
  built pages (prose, as test_search.prose reads it), as written; for Korean
  without lunr's stop words.
* ``short_nouns_with_particles()``: the one-syllable Korean nouns the pages
  write with a particle attached (값에서, 층의), each with those spellings.
"""

import ast
import functools
import json
import re
from collections import Counter, defaultdict

from sitebuilder.pagemodel.page import page
from sitebuilder.pagemodel.site import DOCS
from tests.browser.test_search import prose
from tests.site_build import SITE, site_pages

TOP_WORDS = 300
# lunr-languages' Korean stop words (보다, 우리, ...), which lunr drops from
# the index and the query alike: read from the copy the site ships.
LUNR_KOREAN = SITE / "assets" / "javascripts" / "lunr" / "min" / "lunr.ko.min.js"
STOP_WORDS = re.compile(r'ko\.stopWordFilter=\w+\.generateStopWordFilter\("([^"]*)"')
# A word as a reader sees it: letters and digits between spaces and punctuation
# (numpy보다 is one word, not numpy and 보다), with at least one letter.
WORD = re.compile(r"\w*[^\W\d_]\w*")
# Particles a one-syllable noun carries on the pages (mkdocs.yml's separator
# treats them as part of the separator after one syllable).
SHORT_NOUN_PARTICLES = (
    "에서는", "에서의", "에서도", "으로는", "으로도", "으로의", "에서", "으로", "에는", "에도", "에", "를",
)


def _python_sources(language):
    for path in sorted((DOCS / language).rglob("*.md")):
        yield from (block.code for block in page(path).python_blocks)
    for path in sorted((DOCS / language).rglob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] == "code":
                # Without IPython's magics (%pip install ...), which are not Python.
                yield "".join(line for line in cell["source"] if not line.lstrip().startswith(("%", "!")))


def _names(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            yield node.id
        elif isinstance(node, ast.Attribute):
            yield node.attr
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            yield node.name
        elif isinstance(node, ast.arg):
            yield node.arg
        elif isinstance(node, ast.keyword) and node.arg:
            yield node.arg
        elif isinstance(node, ast.alias):
            yield from (node.asname or node.name).split(".")


@functools.cache
def identifiers(language):
    """Every name in the code shown on that language's pages, sorted."""
    names = set()
    for source in _python_sources(language):
        try:
            tree = ast.parse(source)
        except SyntaxError as error:
            raise AssertionError(f"a {language} code block is not Python: {error}\n{source[:200]}") from None
        names.update(_names(tree))
    return tuple(sorted(names))


def _language_pages(language):
    return [url for url in site_pages() if url.startswith("en/") == (language == "en")]


def korean_stop_words():
    found = STOP_WORDS.search(LUNR_KOREAN.read_text(encoding="utf-8"))
    assert found, f"no Korean stop word list in {LUNR_KOREAN}: has Material's lunr-languages copy changed?"
    return set(found[1].split())


@functools.cache
def frequent_words(language):
    """The TOP_WORDS most frequent words of that language's pages, as written
    (Korean ones but lunr's stop words, which no search finds)."""
    counts = Counter()
    for url in _language_pages(language):
        counts.update(WORD.findall(prose(url)))
    if language == "ko":
        for word in korean_stop_words():
            counts.pop(word, None)
    return tuple(word for word, _ in counts.most_common(TOP_WORDS))


@functools.cache
def short_nouns_with_particles():
    """{one-syllable noun: spellings with a particle} found on the Korean pages
    (but lunr's stop words)."""
    attached = re.compile(rf"(?<![가-힣])([가-힣])({'|'.join(SHORT_NOUN_PARTICLES)})(?![가-힣])")
    found = defaultdict(set)
    for url in _language_pages("ko"):
        for noun, particle in attached.findall(prose(url)):
            found[noun].add(noun + particle)
    stop_words = korean_stop_words()  # 이를: 이 is one, and found by no search
    return {noun: tuple(sorted(spellings)) for noun, spellings in sorted(found.items()) if noun not in stop_words}
