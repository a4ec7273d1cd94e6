"""One visit per (page, screen size), shared by the per-page browser tests.

A page is opened once at each size (both sizes side by side) and measured
for every check: its HTTP status, requests to other hosts, console errors
and failed loads, layout shift, the told heights of off-screen blocks, the
state of its math and diagrams, axe, diagram label sizes, figure widths, and (on the pages
of DARK_PAGES, at desktop size) axe again in the dark scheme.
test_site.py, test_offline.py, test_a11y.py and test_diagram_labels.py each
assert one of them, so a failure names what is wrong without reloading the
page: two page loads per page for all of those tests.

A visit does only what the selected tests read. Each test that reads a
visit says so with ``@pytest.mark.page_visit`` (the costly measurements it
reads, axe and dark_axe; ``size=`` if it reads one size only); plan() reads
those marks once collection is done. `pytest tests/browser/test_site.py`
then opens each page at one size and runs no axe.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.measure import (
    ARTICLE_TEXT,
    DESKTOP,
    DIAGRAMS_DRAWN,
    LAYOUT_SHIFT_OBSERVER,
    MATH_STATE,
    MERMAID_STATE,
    PHONE,
    RENDERED,
    axe_result,
    axe_violations,
    diagram_labels,
    figure_widths,
    layout_shift,
    start_axe,
    told_heights,
    wait_until_drawn,
)
from tests.browser.watch import PageLog, wait_for_answers, watch
from tests.site_build import SITE, side_by_side_pages, site_pages

PAGES = site_pages() + side_by_side_pages()
SIZES = {"phone": PHONE, "desktop": DESKTOP}
# One page of each kind per language, also checked in the dark scheme: home,
# a chapter with code, diagrams and a plot, an exercise notebook, the glossary,
# a chapter's side-by-side page.
DARK_PAGES = [
    prefix + url
    for prefix in ("", "en/")
    for url in ("", "chapters/05-activation-layers/", "exercises/02-single-neuron/", "glossary/",
                "bilingual/chapters/03-computational-graphs/")
]
DARK_SIZE = "desktop"
# The size at which the math and diagram state is read (test_site.py): it does
# not depend on the screen, and reading it costs a copy of the article.
PAGE_STATE_SIZE = "desktop"
DRAWN_TIMEOUT_MS = 15_000
# Lay the page out (so KaTeX's fonts are requested), then late work that can
# still move it: web fonts, then two frames.
SETTLED = (
    "() => { document.body.getBoundingClientRect(); return document.fonts.ready.then("
    "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); }"
)
# Every formula rendered, every diagram shown as its drawing (`expected` of them).
READY = f"(expected) => ({RENDERED})(expected) && ({DIAGRAMS_DRAWN})()"


@dataclass
class Visit:
    status: int
    is_material: bool  # Material's header is there
    not_drawn: str  # why the page was not drawn in time ("" once it was)
    other_hosts: list  # every request that left the site's origin (served or not)
    problems: list  # console errors, exceptions, failed loads (conftest's PageLog)
    layout_shift: float
    told_heights: list  # measure.TOLD_HEIGHTS: each off-screen block's told and drawn height
    math: list | None  # measure.MATH_STATE (at PAGE_STATE_SIZE, else None)
    article_text: str | None  # measure.ARTICLE_TEXT (likewise)
    diagrams: list | None  # measure.MERMAID_STATE (likewise)
    axe: list  # NotMeasured unless a selected test declared it (see plan)
    labels: list  # diagram labels with their shown size in px
    figures: list  # measure.FIGURE_WIDTHS: diagrams, step-through graphs, display formulas against the column
    dark_axe: list | None  # axe in the dark scheme (DARK_PAGES at DARK_SIZE), else None; or NotMeasured


# The measurements a test must declare to read (the others cost little and are always taken).
COSTLY = ("axe", "dark_axe")
MARK = "page_visit"

_visits = {}
_planned = defaultdict(lambda: defaultdict(set))  # url -> size -> costly measurements read


class NotMeasured:
    """Stands in for a costly measurement no selected test declared, so a
    test that reads it without declaring it fails instead of seeing an empty
    (passing) result."""

    def __init__(self, name):
        self.name = name

    def _undeclared(self, *args):
        raise AssertionError(
            f"this visit did not measure {self.name!r}: the test must be marked "
            f"@pytest.mark.{MARK}({self.name!r}) (tests/browser/visits.py)"
        )

    __bool__ = __iter__ = __len__ = __getitem__ = _undeclared


def _declared(item):
    """(url, sizes, costly measurements) the test `item` reads, or None."""
    mark = item.get_closest_marker(MARK)
    if mark is None:
        return None
    params = getattr(item, "callspec", None) and item.callspec.params
    unknown = set(mark.args) - set(COSTLY)
    if not params or "url" not in params or unknown:
        raise pytest.UsageError(
            f"{item.nodeid}: @pytest.mark.{MARK} needs a `url` parameter and takes only {COSTLY}"
            + (f", not {sorted(unknown)}" if unknown else "")
        )
    size = params.get("size", mark.kwargs.get("size"))
    return params["url"], [size] if size else list(SIZES), set(mark.args)


def _record(item):
    """Adds what the test `item` reads to the plan; False if it is not marked."""
    declared = _declared(item)
    if declared:
        url, sizes, costly = declared
        for size in sizes:
            _planned[url][size] |= costly
    return bool(declared)


def plan(items):
    """Records what the selected tests read of each visit (conftest calls it
    once collection and deselection are done)."""
    _planned.clear()
    for item in items:
        _record(item)


def describe(url, size):
    return f"/{url} ({'English' if url.startswith('en/') else 'Korean'}, {size})"


def static_html(url):
    page = SITE / url / "index.html"
    return page.read_text(encoding="utf-8", errors="replace") if page.is_file() else ""


def expected_diagrams(url):
    """Diagrams in the built page: drawings in place, or sources left undrawn."""
    return len(re.findall(r'<div class="diagram">|<pre class="(?:mermaid|diagram-undrawn)"', static_html(url)))


def _dark_scheme_axe(page):
    page.locator("label[for='__palette_1']").first.click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    wait_until_drawn(page)
    # The toggle's tooltip fades in under the pointer: axe reads colours as they are drawn,
    # so it measures once every transition has ended, as a reader sees the page settle.
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    return axe_violations(page)


class _Opened:
    """One page being measured at one size, in its own browser context."""

    def __init__(self, request, url, size, costly):
        self.url, self.size, self.costly = url, size, costly
        site_url = request.getfixturevalue("site_url")
        self.log = PageLog.of_site(site_url)
        self.page = watch(request.getfixturevalue("new_context")().new_page(), self.log)
        # Not new_context(viewport=...): pytest-playwright passes browser_context_args'
        # viewport too, and Playwright refuses a keyword given twice.
        self.page.set_viewport_size(SIZES[size])
        self.other_hosts = []
        self.page.on(
            "request",
            lambda r: None if self.log.is_local(r.url) or r.url.startswith("data:") else self.other_hosts.append(r.url),
        )
        self.page.add_init_script(LAYOUT_SHIFT_OBSERVER)
        # Not waiting for "load" here lets the other size's page load meanwhile.
        self.response = self.page.goto(site_url + url, wait_until="commit")

    def settle_and_start_axe(self):
        """Everything up to axe, which is started and left running."""
        page = self.page
        page.wait_for_load_state("load")
        self.not_drawn = ""
        try:
            page.wait_for_function(READY, arg=expected_diagrams(self.url), timeout=DRAWN_TIMEOUT_MS)
        except PlaywrightTimeoutError:
            # test_site.py reports what is missing; the other per-page tests fail on it.
            self.not_drawn = f"math or diagrams not drawn within {DRAWN_TIMEOUT_MS} ms"
        page.evaluate(SETTLED)
        # What the page itself asked for (fonts, the language links' sitemap
        # probes) has an outcome before the log is read. The search worker's
        # loads, the same on every page, are checked by test_search_finds_a_term.
        wait_for_answers(page, self.log, search=False)
        self.is_material = page.locator("header.md-header").count() == 1
        self.problems = self.log.problems()
        self.layout_shift = layout_shift(page)
        self.told_heights = told_heights(page)  # leaves every block drawn, for axe to read
        if "axe" in self.costly and not self.not_drawn:
            start_axe(page)

    def _axe(self):
        if "axe" not in self.costly:
            return NotMeasured("axe")
        return axe_result(self.page) if not self.not_drawn else []

    def _dark_axe(self):
        if self.url not in DARK_PAGES or self.size != DARK_SIZE or self.not_drawn:
            return None
        return _dark_scheme_axe(self.page) if "dark_axe" in self.costly else NotMeasured("dark_axe")

    def finish(self):
        page = self.page
        page_state = self.size == PAGE_STATE_SIZE
        return Visit(
            status=self.response.status if self.response else 0,
            is_material=self.is_material,
            not_drawn=self.not_drawn,
            other_hosts=self.other_hosts,
            problems=self.problems,
            layout_shift=self.layout_shift,
            told_heights=self.told_heights,
            axe=self._axe(),
            labels=diagram_labels(page),
            figures=figure_widths(page),
            math=page.evaluate(MATH_STATE) if page_state else None,
            article_text=page.evaluate(ARTICLE_TEXT) if page_state else None,
            diagrams=page.evaluate(MERMAID_STATE) if page_state else None,
            # Last: switching the scheme changes the page the rest was measured on.
            dark_axe=self._dark_axe(),
        )


def _measure_planned_sizes(request, url):
    """Visits of `url` at every size the selected tests read, measured side by side.

    Each size has its own page; while one page's axe runs (in its renderer,
    a core of its own) the other loads and settles, and the two axe runs
    overlap: on 2 cores the axe tests take about 0.85x the time of one size
    after the other. The tests ask for a page's sizes one after the other,
    so the second is then already measured.
    """
    sizes = {size: costly for size, costly in _planned[url].items() if (url, size) not in _visits}
    opened = [_Opened(request, url, size, costly) for size, costly in sizes.items()]
    for each in opened:
        each.settle_and_start_axe()
    for each in opened:
        _visits[(url, each.size)] = each.finish()


def measured(request, url, size):
    """The page's Visit, drawn in time or not (for the tests that say what is missing)."""
    # Recorded again: also when plan() did not see this test.
    if not _record(request.node):
        pytest.fail(f"{request.node.nodeid} reads a visit but is not marked @pytest.mark.{MARK}", pytrace=False)
    if (url, size) not in _visits:
        _measure_planned_sizes(request, url)
    return _visits[(url, size)]


def visit(request, url, size):
    """The page's Visit; the test fails if the page was not drawn in time."""
    seen = measured(request, url, size)
    if seen.not_drawn:
        pytest.fail(f"{describe(url, size)}: {seen.not_drawn}", pytrace=False)
    return seen
