"""Legible text: the share of a page's visible text set at 12 px or larger.

Lighthouse 13 dropped its "font-size" audit ("Document uses legible font
sizes": at least 60 % of the text at 12 px or more on a phone), so the audit
measures the same thing itself, in the page Playwright opened at the size audited."""

LEGIBLE_PX = 12
LEGIBLE_SHARE = 0.6  # the old Lighthouse audit's pass mark

# Characters of visible text by the font size they are drawn at. KaTeX's
# MathML copy (read by screen readers, drawn nowhere) is left out; so is text
# inside shadow roots (diagram labels have their own browser test, at 11 px).
TEXT_SIZES = """
() => {
  const sizes = {};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent.trim().length;
    const element = node.parentElement;
    if (!length || !element || element.closest('.katex-mathml, script, style, noscript, template')) continue;
    if (!element.getClientRects().length || getComputedStyle(element).visibility !== 'visible') continue;
    const px = Math.round(parseFloat(getComputedStyle(element).fontSize) * 10) / 10;
    sizes[px] = (sizes[px] || 0) + length;
  }
  return sizes;
}
"""


def legible_text(page):
    """(share of characters at LEGIBLE_PX or more, smallest size in px) of the open page."""
    sizes = {float(px): count for px, count in page.evaluate(TEXT_SIZES).items()}
    total = sum(sizes.values())
    if not total:
        return 1.0, 0.0
    legible = sum(count for px, count in sizes.items() if px >= LEGIBLE_PX)
    return legible / total, min(sizes)
