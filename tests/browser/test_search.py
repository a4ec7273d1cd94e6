"""Search as a reader uses it, in both languages.

The words searched for are not chosen by hand: they are the 100 most
frequent content words of each language's pages (prose only: no code, math
or diagram source). Each must find pages, and only pages of the language of
the site searched. Korean words are searched again with a particle attached
(역전파 -> 역전파를), which must find the same pages as the bare word.
"""

import functools
import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from tests.site_build import SITE, site_pages

pytestmark = pytest.mark.browser

TOP_WORDS = 100
# Function words, not content: English articles, pronouns, auxiliaries,
# prepositions and conjunctions.
ENGLISH_FUNCTION_WORDS = set(
    """a an the and or but if then than so as of to in on at by for from with without into onto
    over under about after before between through is are was were be been being it its this that
    these those there here we you they he she them our your their which who whom whose what when
    where why how not no can could will would shall should may might must do does did done has have
    had also only each every any all both more most such one two same other very just out up off""".split()
)
# Korean particles the search must see through, as mkdocs.yml's separator lists them.
PARTICLES_AFTER_CONSONANT = ("을", "이", "은", "과", "으로", "의", "에", "에서", "도")
PARTICLES_AFTER_VOWEL = ("를", "가", "는", "와", "로", "의", "에", "에서", "도")
KOREAN_PARTICLE_ENDING = re.compile(
    r"(?<=(?<![가-힣])[가-힣])(?:에서는|에서의|에서도|으로는|으로도|으로의|에서|으로|에는|에도|에|를)$|"
    r"(?<=[가-힣]{2})(?:에서는|에서의|에서도|으로는|으로도|으로의|에는|에도|와의|과의|에서|으로|을|를|이|가|은|는|의|에|로|와|과|도)$"
)


# Elements that can sit inside a word: the glossary tooltips (<abbr>) wrap a term with
# its particle outside ("<abbr>층</abbr>마다"), which is one word to the reader and the index.
INLINE_TAGS = {"a", "abbr", "b", "em", "i", "span", "strong", "sub", "sup", "code", "mark", "small"}


class _ProseText(HTMLParser):
    """Text of a page's article, without code, math, diagrams or scripts."""

    SKIP_TAGS = {"pre", "code", "script", "style", "svg", "math"}
    # Not prose: math, diagrams, the site's own labels (heading links, the repository link,
    # the "continues the block above" label, which the search index leaves out).
    SKIP_CLASSES = ("katex", "mermaid", "headerlink", "md-source", "code-continues")

    def __init__(self):
        super().__init__()
        self.in_article = 0
        self.skipping = []  # stack of (tag, depth) for skipped elements
        self.depth = 0
        self.parts = []
        self.after_math = False  # the next text is glued to a formula just skipped

    def handle_starttag(self, tag, attrs):
        if tag not in INLINE_TAGS:
            self.parts.append(" ")  # a block boundary separates words; an <abbr> inside a word does not
        if tag in {"br", "img", "hr", "input", "meta", "link", "wbr", "col", "source"}:
            return
        self.depth += 1
        attributes = dict(attrs)
        classes = attributes.get("class") or ""
        if tag == "article":
            self.in_article += 1
        if not self.skipping and (tag in self.SKIP_TAGS or any(c in classes for c in self.SKIP_CLASSES)):
            self.skipping.append(self.depth)

    def handle_endtag(self, tag):
        if tag not in INLINE_TAGS:
            self.parts.append(" ")
        if tag in {"br", "img", "hr", "input", "meta", "link", "wbr", "col", "source"}:
            return
        if self.skipping and self.skipping[-1] == self.depth:
            self.skipping.pop()
            self.after_math = True
        if tag == "article":
            self.in_article -= 1
        self.depth -= 1

    def handle_data(self, data):
        if self.in_article and not self.skipping:
            if self.after_math:
                # "\\(x\\)보다", "\\(w\\)들이": a particle written onto a formula is not a word
                # anyone types into the search box (the index holds it glued to the formula's text).
                data = re.sub(r"^[가-힣]+", "", data)
            self.parts.append(data)
        self.after_math = False


def prose(url):
    parser = _ProseText()
    parser.feed((SITE / url / "index.html").read_text(encoding="utf-8"))
    return "".join(parser.parts)


@functools.cache  # the Korean list serves two tests; the built pages do not change during a run
def frequent_words(language):
    """The TOP_WORDS most frequent content words of one language's pages."""
    urls = [url for url in site_pages() if url.startswith("en/") == (language == "en")]
    counts = Counter()
    for url in urls:
        text = prose(url)
        if language == "en":
            words = re.findall(r"[A-Za-z][a-z]{2,}", text)
            counts.update(w.lower() for w in words if w.lower() not in ENGLISH_FUNCTION_WORDS)
        else:
            for word in re.findall(r"[가-힣]+", text):
                word = KOREAN_PARTICLE_ENDING.sub("", word)
                # Two syllables or more; predicates (-다, -니다) are not content words.
                if len(word) >= 2 and not word.endswith("다"):
                    counts[word] += 1
    return tuple(word for word, _ in counts.most_common(TOP_WORDS))


def with_particle(word, index):
    """word + a particle that fits its last syllable; index picks which one."""
    has_final_consonant = (ord(word[-1]) - 0xAC00) % 28 != 0
    particles = PARTICLES_AFTER_CONSONANT if has_final_consonant else PARTICLES_AFTER_VOWEL
    return word + particles[index % len(particles)]


# Types each term into the search box as a reader would (the box is cleared
# first, so every query is new to Material) and waits for Material to answer
# it; all terms in one call, so a query costs no round trip from Python.
# Material reads the query on keyup, and shows its answer in the meta line and
# the first results in the same step (search-result component).
SEARCH_ALL = """
async ([terms, timeout]) => {
  // What Material shows before anything is typed, from the page's own translations.
  const placeholder = JSON.parse(document.getElementById('__config').textContent)
    .translations['search.result.placeholder'];
  const box = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const shown = () => meta.textContent.trim();
  const until = (ready, what) => new Promise((resolve, reject) => {
    const deadline = performance.now() + timeout;
    const poll = () => {
      if (ready()) resolve();
      else if (performance.now() > deadline) reject(new Error(`search box: no answer to ${what} in ${timeout} ms`));
      else setTimeout(poll, 2);
    };
    poll();
  });
  const type = (text) => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.dispatchEvent(new KeyboardEvent('keyup', { key: 'End', bubbles: true }));
  };
  const answers = [];
  for (const term of terms) {
    type('');
    await until(() => shown() === placeholder, `the cleared box (before ${JSON.stringify(term)})`);
    type(term);
    await until(() => shown() !== placeholder, JSON.stringify(term));
    const links = [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')];
    answers.push([shown(), links.map((a) => a.href.split('#')[0])]);
  }
  return answers;
}
"""


class SearchBox:
    """Material's search dialog on one page, queried as a reader types."""

    TIMEOUT_MS = 10_000

    def __init__(self, page, language):
        self.page = page
        self.language = language
        page.locator("input.md-search__input").click()

    def search_all(self, terms):
        """[(number of matching pages Material reports, hrefs of the results shown)] per term."""
        answers = self.page.evaluate(SEARCH_ALL, [list(terms), self.TIMEOUT_MS])
        results = []
        for meta, hrefs in answers:
            found = re.search(r"\d+", meta)
            results.append(((int(found.group()) if found else 0), hrefs))
        return results

    def search(self, term):
        return self.search_all([term])[0]


def open_search(page, site_url, language):
    page.goto(site_url + ("en/" if language == "en" else ""), wait_until="load")
    return SearchBox(page, language)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_frequent_words_find_pages_of_their_language_only(page, page_log, site_url, language):
    words = frequent_words(language)
    assert len(words) == TOP_WORDS, f"only {len(words)} content words found in the {language} pages"
    search = open_search(page, site_url, language)
    english_root = site_url + "en/"
    failures = []
    for word, (count, hrefs) in zip(words, search.search_all(words), strict=True):
        wrong = [h for h in hrefs if h.startswith(english_root) != (language == "en")]
        if count == 0 or not hrefs:
            failures.append(f"{word!r}: no results")
        elif wrong:
            failures.append(f"{word!r}: results in the other language: {wrong[:3]}")
    assert not page_log.problems(), "\n".join(page_log.problems())
    assert not failures, f"searching the {language} site:\n" + "\n".join(failures)


def test_korean_words_with_a_particle_find_the_same_pages(page, page_log, site_url):
    search = open_search(page, site_url, "ko")
    failures = []
    words = frequent_words("ko")
    variants = [with_particle(word, index) for index, word in enumerate(words)]
    # Bare and attached alternate, as a reader would compare them.
    answers = search.search_all(term for pair in zip(words, variants) for term in pair)
    for word, variant, bare, attached in zip(words, variants, answers[0::2], answers[1::2], strict=True):
        if bare != attached:
            failures.append(f"{word!r}: {bare[0]} pages, {variant!r}: {attached[0]} pages")
    assert not page_log.problems(), "\n".join(page_log.problems())
    assert not failures, "a particle changed what search finds:\n" + "\n".join(failures)


def test_result_snippets_show_no_raw_math(page, site_url):
    search = open_search(page, site_url, "ko")
    for term in ("시그모이드", "연쇄"):
        count, _ = search.search(term)
        assert count, f"{term!r} found nothing"
        text = page.locator(".md-search-result").inner_text()
        raw = [token for token in ("\\(", "\\[", "\\frac", "$$") if token in text]
        assert not raw, f"search results for {term!r} show raw LaTeX {raw}: {text[:300]!r}"
