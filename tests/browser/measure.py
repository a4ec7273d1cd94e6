"""Measurements taken inside a page, shared by the browser tests and `make audit`.

Each is a JavaScript function for ``page.evaluate``; the Python helpers
around them wait for what they measure to be there.
"""

from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
MIN_LABEL_PX = 11  # smallest diagram label a reader should have to read
MAX_LAYOUT_SHIFT = 0.1  # "good" cumulative layout shift (web.dev)

# Started before any page script: sums layout shifts not caused by input.
LAYOUT_SHIFT_OBSERVER = """
window.__layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }
}).observe({ type: 'layout-shift', buffered: true });
"""

# True once every diagram's drawing is in place: the build writes each SVG
# inside a declarative shadow root (site-builder/sitebuilder/transforms/diagrams.py), so this holds as soon
# as the HTML is parsed, unless a diagram was left undrawn.
DIAGRAMS_DRAWN = """
() => !document.querySelector('pre.mermaid, pre.diagram-undrawn') &&
  [...document.querySelectorAll('div.diagram')].every((e) => e.shadowRoot && e.shadowRoot.querySelector('svg'))
"""

# Every text label of every drawn diagram: its font size times the scale at
# which the SVG is shown (drawn width over the width of its viewBox). Of a
# diagram's two drawings (wide and narrow), the one shown.
DIAGRAM_LABELS = """
() => [...document.querySelectorAll('div.diagram')].flatMap((host, index) => {
  const root = host.shadowRoot;
  const svg = root && [...root.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0);
  if (!svg) return [];
  const box = svg.viewBox && svg.viewBox.baseVal;
  const shown = svg.getBoundingClientRect().width;
  const scale = box && box.width ? shown / box.width : 1;
  // Elements that hold label text themselves (HTML labels or SVG text), not <style>.
  const labels = [...svg.querySelectorAll('foreignObject *, text, tspan')]
    .filter((e) => [...e.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent.trim()));
  return labels.map((e) => ({
    diagram: index + 1,
    text: e.textContent.trim().slice(0, 40),
    px: Math.round(parseFloat(getComputedStyle(e).fontSize) * scale * 10) / 10,
  }));
})
"""

# Every diagram, step-through graph and display formula against the article's
# column: the width it takes (its box's scroll width, or its drawing's shown
# width if wider), and whether its box scrolls sideways. Off-screen formulas
# are laid out first (content-visibility), as TOLD_HEIGHTS leaves them.
FIGURE_WIDTHS = """
() => {
  const style = document.createElement('style');
  style.textContent = '.md-typeset .math-display { content-visibility: visible !important; }';
  document.head.append(style);
  const article = document.querySelector('article.md-content__inner');
  const padding = getComputedStyle(article);
  const column = article.clientWidth - parseFloat(padding.paddingLeft) - parseFloat(padding.paddingRight);
  const measure = (kind, index, box, drawing) => ({
    kind, index, column,
    width: Math.max(box.scrollWidth, drawing ? drawing.getBoundingClientRect().width : 0),
    scrolls: box.scrollWidth > box.clientWidth + 1,
  });
  const shownSvg = (host) => host.shadowRoot &&
    [...host.shadowRoot.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0);
  const found = [
    ...[...document.querySelectorAll('.md-typeset div.diagram')].map(
      (d, i) => measure('diagram', i + 1, d, shownSvg(d))),
    ...[...document.querySelectorAll('.md-typeset .stepper-scroll')].map(
      (s, i) => measure('step-through graph', i + 1, s, [...s.querySelectorAll('svg')].find(
        (g) => g.getBoundingClientRect().width > 0))),
    ...[...document.querySelectorAll('.md-typeset .math-display')].map((m, i) => measure('display formula', i + 1, m)),
  ];
  style.remove();
  return found;
}
"""

# True once the page shows its math and diagrams: every arithmatex element
# holds KaTeX output (or a KaTeX error) and `expected` diagrams have their SVG
# in their shadow roots.
RENDERED = """
(expected) => {
  const math = [...document.querySelectorAll('.arithmatex')];
  if (!math.every((e) => e.querySelector('.katex, .katex-error'))) return false;
  const drawn = [...document.querySelectorAll('div.diagram')]
    .filter((e) => e.shadowRoot && e.shadowRoot.querySelector('svg'));
  return drawn.length >= expected;
}
"""

# Per arithmatex element: does it hold KaTeX, which KaTeX errors, and what
# text is left outside KaTeX's output (raw delimiters mean it was not rendered).
MATH_STATE = """
() => [...document.querySelectorAll('.arithmatex')].map((element) => {
  const copy = element.cloneNode(true);
  copy.querySelectorAll('.katex, .katex-display').forEach((k) => k.remove());
  return {
    source: element.querySelector('annotation')?.textContent ?? element.textContent,
    hasKatex: !!element.querySelector('.katex'),
    errors: [...element.querySelectorAll('.katex-error')].map((e) => e.getAttribute('title') || e.textContent),
    leftover: copy.textContent,
  };
})
"""

# Text of the article outside code, KaTeX output and diagrams: where
# unconverted math ($$ ... $$ arithmatex did not pick up) would show.
ARTICLE_TEXT = """
() => {
  const article = document.querySelector('article.md-content__inner') || document.body;
  const copy = article.cloneNode(true);
  copy.querySelectorAll('pre, code, .katex, .katex-display, .diagram, script, style').forEach((e) => e.remove());
  return copy.textContent;
}
"""

MERMAID_STATE = """
() => [...document.querySelectorAll('div.diagram')].map((element) => {
  const root = element.shadowRoot;
  const svg = root && root.querySelector('svg');
  return {
    svg: !!svg,
    error: !!svg && (svg.getAttribute('aria-roledescription') === 'error' ||
                     /Syntax error/i.test(svg.textContent)),
    text: svg ? svg.textContent.slice(0, 120) : '',
  };
})
"""

# Display formulas and code blocks skipped off screen (site-builder/sitebuilder/transforms/offscreen_blocks.py)
# take the height the page tells them. Read while skipped, then drawn (every one
# forced into view, which the page keeps): each told height against the drawn one.
MAX_TOLD_HEIGHT_ERROR_PX = 1.5
TOLD_HEIGHTS = """
() => {
  const selector = '.md-typeset .math-display, .md-typeset .highlight > pre';
  const boxes = [...document.querySelectorAll(selector)];
  const told = boxes.map((box) => box.getBoundingClientRect().height);
  const style = document.createElement('style');
  style.textContent = selector + ' { content-visibility: visible !important; }';
  document.head.append(style);
  return boxes.map((box, i) => ({
    kind: box.tagName === 'PRE' ? 'code block' : 'display formula',
    text: box.textContent.trim().slice(0, 60),
    told: told[i],
    drawn: box.getBoundingClientRect().height,
  }));
}
"""

# a11y.js names the search dialog and each code block's tool bar once the page
# has loaded and the browser is idle; axe must read the page after that.
A11Y_LABELLED = """
() => !!document.querySelector('.md-search[aria-label]') && !document.querySelector('.md-code__nav:not([aria-label])')
"""
A11Y_TIMEOUT_MS = 5_000

# Started, not awaited: axe runs in the page while Python goes on (visits.py
# overlaps one page's axe with another's loading); AXE_RESULT awaits it.
# axe.run does most of its work before it first yields, so it starts from a
# timer, after this evaluate has returned.
START_AXE = """
() => {
  const later = new Promise((resolve) => setTimeout(resolve, 0));
  window.__axeViolations = later.then(() => axe.run(document, { resultTypes: ['violations'] })).then((result) =>
    result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map(
        (n) => n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n').slice(1, 2).join('')),
      count: v.nodes.length,
    })));
}
"""
AXE_RESULT = "() => window.__axeViolations"


def wait_until_drawn(page, timeout=15_000):
    """Wait for the diagrams (a page without any is drawn at once)."""
    page.wait_for_function(DIAGRAMS_DRAWN, timeout=timeout)


def layout_shift(page):
    return page.evaluate("() => window.__layoutShift")


def diagram_labels(page):
    return page.evaluate(DIAGRAM_LABELS)


def figure_widths(page):
    return page.evaluate(FIGURE_WIDTHS)


def told_heights(page):
    return page.evaluate(TOLD_HEIGHTS)


def start_axe(page):
    """Inject axe-core and start it on the page as it is now (see axe_result)."""
    if not AXE_JS.is_file():
        raise FileNotFoundError(f"{AXE_JS} is missing: run `npm ci --prefix tests/browser`")
    try:
        page.wait_for_function(A11Y_LABELLED, timeout=A11Y_TIMEOUT_MS)
    except PlaywrightTimeoutError:
        pass  # a11y.js did not run: axe reports what is unnamed
    page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    page.evaluate(START_AXE)


def axe_result(page):
    """The violations of the axe run start_axe began (waits for it to end)."""
    return page.evaluate(AXE_RESULT)


def axe_violations(page):
    start_axe(page)
    return axe_result(page)


def copy_with_its_button(page, block, where):
    """What Material's copy button of a code block puts on the clipboard (the block hovered, as a reader does)."""
    button = block.locator("button.md-code__button[data-md-type='copy']")
    block.scroll_into_view_if_needed()  # Material adds the button once the block is on screen (content.lazy)
    try:
        button.wait_for(state="attached", timeout=10_000)  # Material adds it from its script
    except PlaywrightTimeoutError:
        pass
    assert button.count() == 1, f"{where} has no copy button"
    block.hover()
    button.click()
    return page.evaluate("navigator.clipboard.readText()")
