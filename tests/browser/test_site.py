"""The built site as a reader's browser shows it (Chromium, no network).

Every page of the navigation in both languages must load without console
errors or failed requests, show all of its math as KaTeX output and every
mermaid diagram as its drawing (an SVG the build puts in place). The language switcher, the search box and the code
copy button are tried by hand as a reader would use them.
"""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.measure import RENDERED, copy_with_its_button
from tests.browser.visits import PAGE_STATE_SIZE, describe, expected_diagrams, measured, static_html
from tests.site_build import site_pages

pytestmark = pytest.mark.browser

PAGES = site_pages()
KO_PAGES = [url for url in PAGES if not url.startswith("en/")]
RAW_MATH = ("$$", "\\(", "\\[")

# The per-page checks read the desktop visit that the offline, a11y and label
# tests share (visits.py): one page load for all of them.
SIZE = PAGE_STATE_SIZE


@pytest.mark.page_visit(size=SIZE)
@pytest.mark.parametrize("url", PAGES)
def test_page_loads_without_errors(request, url):
    seen = measured(request, url, SIZE)
    assert seen.status == 200, f"{describe(url, SIZE)}: HTTP {seen.status}"
    assert seen.is_material, f"{describe(url, SIZE)} is not a Material page (no header)"
    assert not seen.problems, f"{describe(url, SIZE)}:\n" + "\n".join(seen.problems)


@pytest.mark.page_visit(size=SIZE)
@pytest.mark.parametrize("url", PAGES)
def test_every_formula_is_rendered(request, url):
    seen = measured(request, url, SIZE)
    failures = []
    for item in seen.math:
        source = " ".join(item["source"].split())[:100]
        if not item["hasKatex"]:
            failures.append(f"not rendered: {source}")
        for error in item["errors"]:
            failures.append(f"KaTeX error in {source}: {error}")
        leftover = item["leftover"]
        if any(token in leftover for token in RAW_MATH):
            failures.append(f"raw TeX left beside the rendered math: {' '.join(leftover.split())[:100]}")
    text = seen.article_text
    for token in RAW_MATH:
        for match in re.finditer(re.escape(token), text):
            context = " ".join(text[max(0, match.start() - 40) : match.end() + 60].split())
            failures.append(f"raw {token} in the page text: ...{context}...")
    assert not failures, f"{describe(url, SIZE)}:\n" + "\n".join(dict.fromkeys(failures))


@pytest.mark.page_visit(size=SIZE)
@pytest.mark.parametrize("url", PAGES)
def test_every_mermaid_diagram_is_drawn(request, url):
    expected = expected_diagrams(url)
    seen = measured(request, url, SIZE)
    drawn = [d for d in seen.diagrams if d["svg"] and not d["error"]]
    errors = [d["text"] for d in seen.diagrams if d["error"]]
    assert not errors, f"{describe(url, SIZE)}: mermaid could not draw {len(errors)} diagram(s): {errors}"
    assert len(drawn) == expected, (
        f"{describe(url, SIZE)}: {expected} diagram(s) in the page, {len(drawn)} shown as SVG"
        " (an undrawn one needs `make regen`)"
    )


# The tests below need the page's HTML, styles and Material's own script, all
# there at DOMContentLoaded; waiting for "load" would also wait for images
# and fonts, which the per-page tests above check.
READY = "domcontentloaded"


def _switch_language(page, hreflang):
    page.locator(".md-select").first.hover()
    link = page.locator(f"a.md-select__link[hreflang='{hreflang}']").first
    link.wait_for(state="visible")
    with page.expect_navigation(wait_until=READY):
        link.click()


# A nested page without diagrams: drawing them costs seconds and is checked above.
@pytest.mark.parametrize("url", ["", "chapters/10-summary/"])
def test_language_switcher_leads_to_the_same_page_and_back(page, site_url, url):
    page.goto(site_url + url, wait_until=READY)
    _switch_language(page, "en")
    assert page.url == site_url + "en/" + url, f"English of /{url} went to {page.url}"
    assert page.locator("html").get_attribute("lang") == "en"
    _switch_language(page, "ko")
    assert page.url == site_url + url, f"Korean of /en/{url} went to {page.url}"
    assert page.locator("html").get_attribute("lang") == "ko"


@pytest.mark.parametrize(
    ("url", "term"),
    [("", "역전파"), ("en/", "backpropagation")],
    ids=["ko-역전파", "en-backpropagation"],
)
def test_search_finds_a_term(page, page_log, wait_for_requests, site_url, url, term):
    page.goto(site_url + url, wait_until="load")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(term, delay=20)
    # Material reads the query on keyup; Playwright enters Hangul as inserted
    # text without key events (an IME does send them), so end with a key.
    box.press("End")
    results = page.locator(".md-search-result__item")
    try:
        results.first.wait_for(state="visible", timeout=10_000)
    except PlaywrightTimeoutError:
        meta = page.locator(".md-search-result__meta").inner_text()
        problems = "\n".join(page_log.problems())
        pytest.fail(f"searching {term!r} on /{url} showed no results ({meta!r})\n{problems}")
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map((a) => a.href)")
    own_language = [h for h in hrefs if h.startswith(site_url + "en/") == url.startswith("en/")]
    assert own_language, f"searching {term!r} on /{url} found only other-language pages: {hrefs}"
    wait_for_requests()  # the search index and lunr's language files
    assert not page_log.problems(), f"searching on /{url}:\n" + "\n".join(page_log.problems())


def _first_page_with_code():
    """The first Korean page with a Python block and no diagram to draw."""
    for url in KO_PAGES:
        html = static_html(url)
        if 'class="language-python highlight"' in html and not expected_diagrams(url):
            return url
    return "chapters/04-simple-layers/"


def test_code_blocks_have_a_working_copy_button(page, page_log, site_url):
    url = _first_page_with_code()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=page_log.origin)
    page.goto(site_url + url, wait_until=READY)
    block = page.locator("article div.highlight").first
    assert block.count() == 1, f"/{url} has no code block"
    copied = copy_with_its_button(page, block, f"the first code block of /{url}")
    code = block.locator("code").inner_text()
    assert copied.strip() and copied.strip() == code.strip(), "the copy button copied something else"


@pytest.mark.parametrize("url", ["exercises/02-single-neuron/", "en/exercises/02-single-neuron/"])
def test_exercise_solutions_are_folded_and_the_notebook_downloads(page, page_log, site_url, url):
    page.goto(site_url + url, wait_until="load")
    folds = page.locator("article details.solution")
    assert folds.count() >= 1, f"/{url}: the solution cells are not folded away"
    assert all(not open_ for open_ in folds.evaluate_all("ds => ds.map((d) => d.open)")), (
        f"/{url}: a solution is open before the reader asks for it"
    )
    first = folds.first
    code = first.locator("div.highlight").first
    assert not code.is_visible(), f"/{url}: folded solution code is visible"
    first.locator("summary").first.click()
    assert code.is_visible(), f"/{url}: clicking the switch does not show the solution"

    link = page.locator("a.notebook-download")
    assert link.count() == 1, f"/{url} has no notebook download button"
    response = page.request.get(page.evaluate("(a) => a.href", link.element_handle()))
    assert response.status == 200 and '"cells"' in response.text(), f"/{url}: the download link is broken"
    colab = page.locator("a.notebook-colab")
    assert colab.count() == 1 and "colab.research.google.com/github/" in colab.get_attribute("href")
    assert not page_log.problems(), "\n".join(page_log.problems())


# Code blocks and display math of a notebook page on a phone: how wide the
# widest code block is next to the article, and whether math that is wider
# than its box can be scrolled to.
PHONE_LAYOUT = """
() => {
  const article = document.querySelector('article.md-content__inner');
  const code = [...article.querySelectorAll('div.highlight')].filter((e) => e.offsetParent);
  const math = [...article.querySelectorAll('div.arithmatex')].filter((e) => e.offsetParent);
  return {
    article: article.clientWidth,
    narrowestCode: Math.min(...code.map((e) => e.getBoundingClientRect().width)),
    displayMath: math.length,
    clippedMath: math.filter((e) => e.scrollWidth > e.clientWidth + 1
      && !['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).length,
  };
}
"""


@pytest.mark.parametrize("url", ["exercises/02-single-neuron/", "en/exercises/02-single-neuron/"])
def test_notebook_page_on_a_phone_gives_code_the_width(page, site_url, url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + url, wait_until="load")
    page.wait_for_function(RENDERED, arg=0)
    for summary in page.locator("article details.solution summary").all():
        summary.click()  # open every solution so its code and math are measured too
    layout = page.evaluate(PHONE_LAYOUT)
    assert layout["narrowestCode"] >= 0.9 * layout["article"], f"/{url}: code is squeezed: {layout}"
    assert layout["displayMath"] > 0, f"/{url}: no display math to measure"
    assert layout["clippedMath"] == 0, f"/{url}: display math is clipped and cannot be scrolled"
