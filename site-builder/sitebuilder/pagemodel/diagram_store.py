"""Where the drawing of each mermaid diagram is kept, found by what it draws.

mermaid lays a diagram out by measuring its text in a browser, which the
build does not have; drawing in the reader's browser instead cost every
diagram page a 3.5 MB script and most of its load time on a phone. So each
diagram is drawn once with the pinned mermaid in Chromium (`make regen`,
site-builder/sitebuilder/generators/diagrams.py) and the SVG is committed here; the build
(site-builder/sitebuilder/transforms/diagrams.py) puts it in place of the source, and no page loads mermaid.

A drawing's name is a hash of the mermaid version and the diagram source, so
an edited diagram has no drawing until it is redrawn, and the strict build
says so, naming the page and line.
"""

import hashlib
import json
import re
from functools import cache

from sitebuilder.pagemodel.page import page, page_errors
from sitebuilder.pagemodel.site import DOCS, LANGUAGES, REPO, page_files

STORE = DOCS / "assets" / "diagrams"
# The one place mermaid's version is pinned (with KaTeX and axe-core).
PACKAGE_JSON = REPO / "tests" / "browser" / "package.json"


@cache
def mermaid_version():
    return json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))["dependencies"]["mermaid"]


def normalized(source):
    """The source as the page and the built HTML both give it (the HTML has
    no trailing spaces and may differ in surrounding blank lines)."""
    return "\n".join(line.rstrip() for line in source.strip("\n").split("\n"))


def key(source):
    text = f"mermaid {mermaid_version()}\n{normalized(source)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def element_id(source):
    """The SVG's id: its stylesheet is scoped by it, so it must be unique on a page."""
    return f"diagram-{key(source)}"


def drawing_path(source):
    return STORE / f"{key(source)}.svg"


# A flowchart drawn across a page is drawn a second time down it, for narrow
# columns (a phone): the same nodes and edges, top to bottom, packed closer,
# long labels wrapped. The page shows whichever fits its column
# (site-builder/sitebuilder/transforms/diagrams.py).
NARROW_DIRECTIONS = {"LR": "TB", "RL": "BT"}
NARROW_LAYOUT = '%%{init: {"flowchart": {"nodeSpacing": 10, "rankSpacing": 30, "padding": 6, "wrappingWidth": 60}}}%%'
ACROSS = re.compile(r"^(flowchart|graph)\s+(LR|RL)\b")


def narrow_source(source):
    """The top-to-bottom variant of a flowchart drawn across, or None for any other diagram."""
    text = normalized(source)
    if not ACROSS.match(text):
        return None
    turned = ACROSS.sub(lambda m: f"{m.group(1)} {NARROW_DIRECTIONS[m.group(2)]}", text, count=1)
    return f"{NARROW_LAYOUT}\n{turned}"


def site_diagrams(skip_broken=False):
    """(page path, block, Diagram) for every mermaid diagram of both languages.

    A page the model cannot read raises its PageError, unless ``skip_broken``
    (tests choosing their cases at collection, where raising would stop every
    test; the page's own tests report it)."""
    return [
        (path, block, diagram)
        for language in LANGUAGES
        for path in page_files(language)
        if not (skip_broken and page_errors(path))
        for block, diagram in page(path).diagrams
    ]
