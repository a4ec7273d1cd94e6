"""Every figure opens full screen (site-builder/sitebuilder/transforms/enlarge_buttons.py,
docs/assets/javascripts/enlarge.js): each diagram, step-through graph and plot of every page,
in both languages, has a labelled button under it; on a phone the button opens a dialog
showing the figure at its own size or larger, Escape closes it, focus returns to the
button and nothing on the page has moved. The opened dialog passes axe."""

import pytest

from tests.browser.measure import PHONE, axe_violations
from tests.browser.visits import PAGES, describe, static_html

pytestmark = pytest.mark.browser
FIGURE_PAGES = [url for url in PAGES if 'class="enlargeable"' in static_html(url)]
LABELS = {"ko": ("그림 크게 보기", "닫기", "크게 본 그림"), "en": ("Enlarge the figure", "Close", "Enlarged figure")}
# Each figure of the page, and whether it sits in an enlargeable box with its button.
FIGURES = """() => [...document.querySelectorAll(
    '.md-content .diagram, .md-content figure.stepper, .md-content img[src*="/plots/"]')].map((f) => {
  const box = f.closest('.enlargeable');
  const button = box && box.querySelector(':scope > .enlarge-bar .enlarge-button');
  return {kind: f.tagName.toLowerCase() + '.' + f.className, button: !!button};
})"""
# What the open dialog shows: the copy's drawn size and the figure's own width.
SHOWN = """() => {
  const dialog = document.querySelector('dialog.enlarged');
  const stage = dialog.querySelector('.enlarged-stage');
  const host = stage.firstElementChild;
  const shown = host.shadowRoot ? host.shadowRoot.querySelector('svg') : host;
  const box = shown.getBoundingClientRect();
  return {open: dialog.open, modal: dialog.matches(':modal'), label: dialog.getAttribute('aria-label'),
          close: dialog.querySelector('.enlarged-close').getAttribute('aria-label'),
          tag: shown.tagName.toLowerCase(), width: box.width, height: box.height,
          own: shown.width && shown.width.baseVal ? shown.width.baseVal.value : shown.naturalWidth,
          focusInside: dialog.contains(document.activeElement)};
}"""
# Resolves once the button has stayed put for three frames: blocks drawn late
# (content-visibility, fonts) may still move the page just after a scroll.
SETTLED = """(i) => new Promise((resolve) => {
  const button = document.querySelectorAll('.enlarge-button')[i];
  let last = null, still = 0;
  const look = () => {
    const now = button.getBoundingClientRect().top + ':' + window.scrollY;
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= 3) resolve(true); else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})"""
WHERE = "(i) => [window.scrollY, document.activeElement === document.querySelectorAll('.enlarge-button')[i]]"


def language(url):
    return "en" if url.startswith("en/") else "ko"


def test_some_pages_of_each_language_have_figures():
    assert {language(url) for url in FIGURE_PAGES} == {"ko", "en"}
    assert len(FIGURE_PAGES) >= 10, FIGURE_PAGES


@pytest.mark.parametrize("url", FIGURE_PAGES)
def test_every_figure_opens_full_screen_and_closes_with_escape(page, site_url, url):
    enlarge, close, dialog_label = LABELS[language(url)]
    page.set_viewport_size(PHONE)
    page.goto(site_url + url)
    where = describe(url, "phone")
    figures = page.evaluate(FIGURES)
    assert figures, f"{where}: no figure found"
    unbuttoned = [f["kind"] for f in figures if not f["button"]]
    assert not unbuttoned, f"{where}: figures without an enlarge button: {unbuttoned}"
    buttons = page.locator(".enlarge-button")
    assert buttons.count() == len(figures)
    for index in range(buttons.count()):
        button = buttons.nth(index)
        assert button.get_attribute("aria-label") == enlarge
        button.scroll_into_view_if_needed()
        page.evaluate(SETTLED, index)
        size = button.bounding_box()
        assert size["width"] >= 44 and size["height"] >= 44, f"{where}: button {index} is {size}"
        before = page.evaluate(WHERE, index)[0], button.bounding_box()
        button.click()
        shown = page.evaluate(SHOWN)
        assert shown["open"] and shown["modal"] and shown["focusInside"], f"{where}: figure {index}: {shown}"
        assert (shown["label"], shown["close"]) == (dialog_label, close)
        assert shown["tag"] in ("svg", "img") and shown["height"] > 50, f"{where}: figure {index}: {shown}"
        assert shown["width"] >= shown["own"] - 1, f"{where}: figure {index} is shown smaller than its own size"
        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.querySelector('dialog.enlarged').open")
        scroll, focused = page.evaluate(WHERE, index)
        assert focused, f"{where}: focus did not go back to button {index}"
        assert (scroll, button.bounding_box()) == before, f"{where}: the page moved while figure {index} was open"
    page.wait_for_function("() => history.state === null")  # the dialog took its history entry back


@pytest.mark.parametrize("url", ["chapters/06-affine-softmax/", "en/chapters/06-affine-softmax/"])
def test_the_open_dialog_passes_axe_and_closes_with_its_button_and_back(page, site_url, url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + url)
    stepper = page.locator(".enlargeable[data-figure=stepper] .enlarge-button")
    stepper.click()
    assert page.locator("dialog.enlarged svg.stepper-wide").count() == 1
    # The button's own tooltip (Material appends it to <body>, outside the landmarks) is
    # shown by the pointer that tapped it and hidden once the dialog covers the button:
    # axe reads the open dialog after that, as a reader meets it.
    page.wait_for_function("() => !document.querySelector('.md-tooltip2')", timeout=5_000)
    violations = axe_violations(page)
    assert not violations, f"{describe(url, 'phone')}, dialog open: {violations}"
    page.locator(".enlarged-close").click()
    assert not page.evaluate("() => document.querySelector('dialog.enlarged').open")
    stepper.click()
    page.go_back()
    page.wait_for_function("() => !document.querySelector('dialog.enlarged').open")
    assert page.url == site_url + url
