"""Draw every mermaid diagram of the site into pagemodel.diagram_store (`make regen`).

The drawing is made as Material makes it in a reader's browser: the pinned
mermaid (tests/browser/node_modules), Material's diagram stylesheet (taken
from its installed bundle, so its colours follow the page's scheme), the
site's fonts and stylesheets, and diagrams kept at their drawn width. Only
diagrams without a drawing are drawn (``make regen ALL=1`` redraws every one),
and drawings no page uses any more are deleted.
"""

import json
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

from sitebuilder.pagemodel import diagram_store
from sitebuilder.pagemodel.site import DOCS, relative

NODE_MODULES = diagram_store.REPO / "tests" / "browser" / "node_modules"
MERMAID_JS = NODE_MODULES / "mermaid" / "dist" / "mermaid.min.js"
CHROMIUM = "/usr/bin/chromium"

DRAW = """
async ([themeCSS, diagrams]) => {
  // Material's own settings (its bundle calls mermaid.initialize with these),
  // and the drawn width kept: labels stay at 16 px, the box scrolls sideways.
  mermaid.initialize({
    startOnLoad: false,
    themeCSS,
    flowchart: { useMaxWidth: false },
    sequence: { actorFontSize: "16px", messageFontSize: "16px", noteFontSize: "16px" },
  });
  const drawn = [];
  for (const [id, source] of diagrams) drawn.push((await mermaid.render(id, source)).svg);
  return drawn;
}
"""

# mermaid gives every drawing its whole stylesheet (about 14 KB: every diagram
# type, error icons, animations); each page would parse one per diagram. Kept:
# the rules that select something in this drawing (pseudo-classes ignored when
# testing), the keyframes those rules use, and other at-rules. Also dropped:
# arrowhead markers no line uses, and the edge coordinates mermaid keeps in
# data-points for its own scripts (nothing reads them in a finished page).
PRUNE = """
(svg) => {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = svg;
  const style = root.querySelector('style');
  const matches = (selector) => {
    try {
      return !!root.querySelector(selector.replace(/::?[a-z-]+(\\([^)]*\\))?/gi, '') || '*');
    } catch (error) {
      return true;  // a selector the browser cannot test is kept
    }
  };
  const kept = [], keyframes = [];
  for (const rule of style.sheet.cssRules) {
    if (rule instanceof CSSStyleRule) {
      const selectors = rule.selectorText.split(',').filter(matches);
      if (selectors.length) kept.push(selectors.join(',') + '{' + rule.style.cssText + '}');
    } else if (rule instanceof CSSKeyframesRule) {
      keyframes.push(rule);
    } else {
      kept.push(rule.cssText);
    }
  }
  const text = kept.join('');
  for (const rule of keyframes) if (text.includes(rule.name)) kept.push(rule.cssText);
  style.textContent = kept.join('');
  const used = new Set([...root.querySelectorAll('[marker-start], [marker-end], [marker-mid]')]
    .flatMap((e) => ['marker-start', 'marker-end', 'marker-mid'].map((a) => e.getAttribute(a)))
    .filter(Boolean).map((url) => url.replace(/^url\\(#|\\)$/g, '')));
  root.querySelectorAll('marker').forEach((m) => { if (!used.has(m.id)) m.remove(); });
  root.querySelectorAll('[data-points]').forEach((e) => e.removeAttribute('data-points'));
  const pruned = root.innerHTML;
  host.remove();
  return pruned;
}
"""


# The pages colour gradient lines with `linkStyle … stroke:red,color:red`; the
# drawing takes the colour from the page instead (extra.css: a deep red on the
# light scheme, a light one on the dark scheme, as the step-through graphs use).
RED = re.compile(r"\b(stroke|color|fill):\s*red\b")
GRADIENT_COLOUR = r"\1:var(--diagram-gradient, #b71c1c)"


def material_assets():
    import material

    return Path(material.__file__).parent / "templates" / "assets"


def material_theme_css():
    """The stylesheet Material passes to mermaid (its --md-mermaid-* colours).
    Material keeps it inside its bundle and exposes no setting or file for it."""
    bundle = next((material_assets() / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    name = re.search(r"themeCSS:(\w+)", bundle)
    literal = name and re.search(r"\b" + re.escape(name.group(1)) + r'=("(?:[^"\\]|\\.)*")', bundle)
    if not literal:
        raise SystemExit("Material's mermaid stylesheet (themeCSS) was not found in its bundle")
    return json.loads(literal.group(1))


def wanted_drawings():
    """{drawing path: (source, where it is used)} over both languages, each
flowchart drawn across also in its narrow variant (diagram_store.narrow_source)."""
    found = {}
    for path, block, _ in diagram_store.site_diagrams():
        where = f"{relative(path)}:{block.line}"
        found.setdefault(diagram_store.drawing_path(block.code), (block.code, where))
        narrow = diagram_store.narrow_source(block.code)
        if narrow:
            found.setdefault(diagram_store.drawing_path(narrow), (narrow, f"{where}, narrow"))
    return found


def draw(diagrams):
    """SVG text of each (id, source), drawn in Chromium."""
    stylesheets = [
        next((material_assets() / "stylesheets").glob("main.*.min.css")),
        next((material_assets() / "stylesheets").glob("palette.*.min.css")),
        DOCS / "assets" / "stylesheets" / "extra.css",
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        tab = browser.new_page()
        tab.set_content('<!doctype html><html lang="ko"><body><article class="md-typeset"></article></body></html>')
        for stylesheet in stylesheets:
            tab.add_style_tag(content=stylesheet.read_text(encoding="utf-8"))
        tab.add_script_tag(path=str(MERMAID_JS))
        drawn = [RED.sub(GRADIENT_COLOUR, tab.evaluate(PRUNE, svg))
                 for svg in tab.evaluate(DRAW, [material_theme_css(), diagrams])]
        browser.close()
    return drawn


def derived_files(redraw_all=False):
    """{drawing path: SVG bytes} for each diagram without a drawing (every one with
    redraw_all), and {path: None} for each drawing no page uses any more."""
    if not MERMAID_JS.is_file():
        raise FileNotFoundError(f"{MERMAID_JS} is missing: run `make browser-deps`")
    wanted = wanted_drawings()
    todo = {path: entry for path, entry in wanted.items() if redraw_all or not path.is_file()}
    planned = {}
    if todo:
        for path, (_, where) in todo.items():
            print(f"  drawing {relative(path)}  ({where})")
        drawn = draw([[diagram_store.element_id(source), source] for source, _ in todo.values()])
        planned = {path: (svg + "\n").encode("utf-8") for path, svg in zip(todo, drawn, strict=True)}
    unused = [path for path in sorted(diagram_store.STORE.glob("*.svg")) if path not in wanted]
    return planned | {path: None for path in unused}
