"""Reading on a phone (390 px): text size, whole Korean words, the 404 page.

* Every page: the running text, notes (admonitions) and folded solutions
  (details) are drawn at 14 px or more (Material draws the last two at 12.8 px
  and their code at 10.9 px; extra.css sets them larger on phones), code
  inside them at 12 px or more (Lighthouse's legible-font size), and Korean
  text breaks between words (word-break: keep-all).
* The glossary of each language: no Korean word of a term or a definition is
  split across two lines.
* The one 404 page speaks the language of the address asked for.
"""

import pytest

from tests.browser.measure import PHONE
from tests.site_build import site_pages

pytestmark = pytest.mark.browser

MIN_TEXT_PX = 14
MIN_CODE_PX = 12
TEXT = {
    "body": ".md-content article > p, .md-content article > ul > li, .md-content article > ol > li",
    "admonition": ".md-typeset .admonition p, .md-typeset .admonition li",
    "details": ".md-typeset details p, .md-typeset details li, .md-typeset details summary",
    "table": ".md-typeset td, .md-typeset th",
}
CODE = ".md-typeset .admonition code, .md-typeset details code, .md-typeset td code"
# {kind: [(px, text)]} of the elements whose own text is smaller than `min`; and the word-break.
SMALL_TEXT = """
([kinds, code, minText, minCode]) => {
  const ownText = (e) => [...e.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent).join('').trim();
  const small = (selector, min) => [...document.querySelectorAll(selector)]
    .filter((e) => ownText(e) && e.getClientRects().length)
    .map((e) => [parseFloat(getComputedStyle(e).fontSize), ownText(e).slice(0, 40)])
    .filter(([px]) => px < min);
  const found = Object.fromEntries(Object.entries(kinds).map(([kind, selector]) => [kind, small(selector, minText)]));
  found.code = small(code, minCode);
  return [found, getComputedStyle(document.querySelector('.md-typeset')).wordBreak];
}
"""
# Korean words of the glossary's cells drawn on more than one line.
SPLIT_WORDS = """
() => {
  const split = [];
  const walker = document.createTreeWalker(document.querySelector('.glossary'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (const word of node.textContent.matchAll(/[가-힣]+/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) split.push(word[0]);
    }
  }
  return split;
}
"""


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def test_text_is_legible_on_a_phone_on_every_page(phone, site_url):
    # One tab for every page: the search worker's loads cut short by the next
    # page are not problems here (test_site.py checks each page's loads).
    problems = []
    for url in site_pages():
        phone.goto(site_url + url, wait_until="load")
        small, word_break = phone.evaluate(SMALL_TEXT, [TEXT, CODE, MIN_TEXT_PX, MIN_CODE_PX])
        problems += [f"/{url}: {kind} at {px} px: {text!r}" for kind, found in small.items() for px, text in found[:3]]
        if word_break != "keep-all":
            problems.append(f"/{url}: word-break is {word_break!r}, Korean words would break inside")
    assert not problems, "text too small on a phone (390 px):\n" + "\n".join(problems)


@pytest.mark.parametrize("url", ["glossary/", "en/glossary/"])
def test_no_korean_word_of_the_glossary_is_split_on_a_phone(phone, site_url, url):
    phone.goto(site_url + url, wait_until="load")
    assert phone.locator(".glossary td").count() > 30, "the glossary table is missing"
    split = phone.evaluate(SPLIT_WORDS)
    assert not split, f"/{url}: Korean words split across lines at 390 px: {split[:20]}"


@pytest.mark.parametrize(
    ("address", "language", "heading", "search_label"),
    [
        ("nonexistent", "ko", "페이지를 찾을 수 없습니다", "검색"),
        ("chapters/nonexistent/", "ko", "페이지를 찾을 수 없습니다", "검색"),
        ("en/nonexistent", "en", "Page not found", "Search"),
        ("en/chapters/nonexistent/", "en", "Page not found", "Search"),
    ],
)
def test_the_404_page_speaks_the_language_of_the_address(
    page, site_url, built_site, address, language, heading, search_label
):
    # The local server answers a missing file with its own error page; static
    # hosts serve site/404.html at the missing address, as this route does.
    not_found = (built_site / "404.html").read_text(encoding="utf-8")
    page.route(site_url + address, lambda route: route.fulfill(status=404, body=not_found, content_type="text/html"))
    page.goto(site_url + address, wait_until="load")
    assert page.evaluate("document.documentElement.lang") == language
    shown = page.locator("article h1").filter(visible=True)
    assert shown.count() == 1 and shown.inner_text() == heading
    assert page.locator("input.md-search__input").get_attribute("placeholder") == search_label
    if language == "en":
        base = page.evaluate("JSON.parse(document.getElementById('__config').textContent).base")
        assert base.endswith("/en/"), f"the English 404 page searches {base!r}, not the English index"
        assert page.locator(".md-copyright").inner_text().startswith("Made with")
