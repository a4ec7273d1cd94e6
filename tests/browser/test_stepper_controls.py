"""The step-through graphs' controls, as a finger, a keyboard and a screen reader use them.

* On a phone (390×844, touch), 40 taps at the same place on Next: the button
  stays where it is (±1 px) and the page does not scroll, and each tap
  advances the step counter until the last step;
* the arrow keys step from the buttons, and scroll the graph's box when it
  has focus (also at the last step, which leaves the box where it was);
* the SVG's <desc> (the graph's accessible name) follows the edited inputs,
  word for word as the build writes it for those inputs;
* inputs that cannot be computed grey the graph, hide every number, say why,
  and valid inputs bring it back.
"""

import pytest

from sitebuilder.pagemodel.site import LANGUAGES
from sitebuilder.transforms.stepper_data import graph_data
from sitebuilder.transforms.stepper_drawing import describe
from tests.browser.measure import PHONE
from tests.browser.test_stepper import EDITS, SHOWN, check_shown, open_figure, traced
from tests.test_stepper import PLACES

pytestmark = pytest.mark.browser

CASES = [(name, lang) for name in PLACES for lang in LANGUAGES]
IDS = [f"{lang}:{name}" for name, lang in CASES]
TAPS = 40
# Where Next is, whether the page scrolled, and the step it shows, in one call.
STATE = """
(figure) => {
  const box = figure.querySelector('.stepper-next').getBoundingClientRect();
  return { x: box.x, y: box.y, scrollY: window.scrollY, step: figure.stepper.step };
}
"""
# The figure with Next a quarter of the way down the screen: the graph runs
# past the bottom edge, where a page scroll would bring it into view.
PLACE_NEXT = """
(figure) => {
  const top = figure.querySelector('.stepper-next').getBoundingClientRect().top;
  window.scrollTo(0, window.scrollY + top - innerHeight / 4);
}
"""


@pytest.mark.browser_context_args(viewport=PHONE, has_touch=True, is_mobile=True)
@pytest.mark.parametrize("name, lang", CASES, ids=IDS)
def test_next_stays_under_the_finger_for_forty_taps(page, page_log, site_url, name, lang):
    figure = open_figure(page, site_url, lang, name)
    figure.evaluate(PLACE_NEXT)
    before = figure.evaluate(STATE)
    box = figure.locator(".stepper-next").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    last = figure.evaluate("(f) => f.stepper.graph.steps.length") - 1
    for tap in range(1, TAPS + 1):
        page.touchscreen.tap(x, y)
        now = figure.evaluate(STATE)
        where = f"{lang}:{name}, tap {tap}"
        scrolled = now["scrollY"] - before["scrollY"]
        assert scrolled == 0, f"{where}: the page scrolled {scrolled} px"
        assert abs(now["x"] - before["x"]) <= 1 and abs(now["y"] - before["y"]) <= 1, (
            f"{where}: Next moved from ({before['x']}, {before['y']}) to ({now['x']}, {now['y']})")
        assert now["step"] == min(tap, last), f"{where}: at step {now['step'] + 1}, expected {min(tap, last) + 1}"
    count = figure.locator(".stepper-count").text_content().replace(" ", "")
    assert count.endswith(f"{last + 1}/{last + 1}"), count
    assert not page_log.problems(), "\n".join(page_log.problems())


@pytest.mark.browser_context_args(viewport=PHONE)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_arrows_scroll_the_graph_box_and_step_from_the_buttons(page, site_url, lang):
    figure = open_figure(page, site_url, lang, "softmax_with_loss")
    scroll = figure.locator(".stepper-scroll")
    # Wider than its box, whatever the drawing's own size on this screen.
    # The drawing shown on this screen (the other one, across or top to bottom, is hidden).
    scroll.evaluate("(box) => { const svg = [...box.querySelectorAll('svg.stepper-graph')]"
                    ".find((s) => s.getBoundingClientRect().width > 0);"
                    " svg.style.width = (box.clientWidth * 3) + 'px'; svg.style.maxWidth = 'none'; }")
    scroll.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("(box) => box.scrollLeft > 0", arg=scroll.element_handle())
    assert figure.evaluate("(f) => f.stepper.step") == 0, "an arrow in the graph's box moved the steps"
    # From a button the arrows step. The last step (no node of its own) leaves
    # the box where the reader put it.
    figure.locator(".stepper-next").focus()
    last = figure.evaluate("(f) => f.stepper.graph.steps.length") - 1
    for _ in range(last - 1):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(600)  # the smooth scroll to the step's node ends
    scroll.evaluate("(box) => { box.scrollLeft = box.clientWidth; }")
    kept = scroll.evaluate("(box) => box.scrollLeft")
    page.keyboard.press("ArrowRight")
    assert figure.evaluate("(f) => f.stepper.step") == last
    page.wait_for_timeout(600)
    assert scroll.evaluate("(box) => box.scrollLeft") == kept, "the last step moved the graph's box"
    scroll.focus()
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("([box, kept]) => box.scrollLeft < kept", arg=[scroll.element_handle(), kept])
    assert figure.evaluate("(f) => f.stepper.step") == last
    # Stepping leaves the page where it is, with the keyboard too.
    figure.locator(".stepper-previous").focus()
    scrolled = page.evaluate("scrollY")
    for _ in range(5):
        page.keyboard.press("ArrowLeft")
    assert page.evaluate("scrollY") == scrolled and figure.evaluate("(f) => f.stepper.step") == last - 5


def accessible_description(figure):
    """The description every drawing of the figure (across, top to bottom) gives; they must agree."""
    texts = figure.evaluate("""(figure) => [...figure.querySelectorAll('svg.stepper-graph')].map(
      (svg) => document.getElementById(svg.getAttribute('aria-labelledby')).textContent)""")
    assert len(texts) == 2 and len(set(texts)) == 1, texts
    return texts[0]


@pytest.mark.parametrize("name, lang", CASES, ids=IDS)
def test_the_description_follows_the_inputs(page, site_url, name, lang):
    figure = open_figure(page, site_url, lang, name)
    assert accessible_description(figure) == describe(graph_data(name, lang))
    input_id, value = EDITS[name]
    figure.locator(f'input[data-input="{input_id}"]').fill(str(value))
    assert accessible_description(figure) == describe(graph_data(name, lang, {input_id: value}))
    figure.locator(".stepper-reset").click()
    assert accessible_description(figure) == describe(graph_data(name, lang))


def assert_unavailable(figure, message, where):
    shown = figure.evaluate(SHOWN)
    visible = [f"{kind} {key} {c}" for kind in ("nodes", "edges") for key, texts in shown[kind].items()
               for c, t in texts.items() if t["visible"]]
    assert not visible, f"{where}: numbers still shown: {visible}"
    assert figure.evaluate("(f) => f.classList.contains('is-unavailable')"), f"{where}: the graph is not greyed"
    assert figure.locator(".stepper-scroll").get_attribute("aria-disabled") == "true", where
    filters = figure.locator(".stepper-scroll").evaluate("(box) => getComputedStyle(box).filter")
    assert "grayscale" in filters, f"{where}: the graph is drawn in colour ({filters})"
    assert figure.locator(".stepper-error").text_content() == message, where
    assert shown["text"] == message, f"{where}: the announcement says {shown['text']!r}"
    assert message in accessible_description(figure), where
    assert figure.locator(".stepper-next").is_disabled() and figure.locator(".stepper-previous").is_disabled()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_inputs_that_cannot_be_computed_grey_the_graph(page, page_log, site_url, lang):
    figure = open_figure(page, site_url, lang, "softmax_with_loss")
    data = graph_data("softmax_with_loss", lang)
    label = next(n["label"] for n in data["nodes"] if n["id"] == "a1")
    figure.locator(".stepper-next").click()
    figure.locator(".stepper-next").click()
    field = figure.locator('input[data-input="a1"]')
    field.fill("")  # not a number
    assert_unavailable(figure, data["words"]["invalid"].format(label=label), "a1 empty")
    assert field.get_attribute("aria-invalid") == "true"
    field.fill("800")  # a number, but exp(800) overflows
    assert_unavailable(figure, data["words"]["failed"].format(reason="exp(800)"), "a1 = 800")
    assert field.get_attribute("aria-invalid") is None
    field.fill("3.5")  # computable again: the step's numbers are back, in colour
    assert not figure.evaluate("(f) => f.classList.contains('is-unavailable')")
    assert figure.locator(".stepper-scroll").get_attribute("aria-disabled") is None
    assert figure.locator(".stepper-error").text_content() == ""
    check_shown(figure.evaluate(SHOWN), data, traced("softmax_with_loss", {"a1": 3.5}), 2, f"{lang}: a1 = 3.5")
    assert figure.locator(".stepper-next").is_enabled()
    assert not page_log.problems(), "\n".join(page_log.problems())
