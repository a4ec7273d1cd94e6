"""``pytest --update-outputs``: rewrite the pages' output blocks from what the code prints.

The printed output of a page is generated, not typed: instead of editing a
block by hand in two languages, run the update and review the diff. Each
Python block records what it printed; at the end of the run every output
block whose text differs is rewritten in place (keeping its indentation
inside admonitions and tabs), and so is the same block of the page's twin in
the other language when it held the same old text (a run of one language's
page updates both). A block that prints but has no output block is
reported, not invented. Nothing is rewritten unless every block ran
(tests/docs_plugin.py). ``make regen`` asks for the rewritten pages as JSON
instead (``--outputs-plan FILE``), to write them with every other derived file.
"""

import json
from pathlib import Path

from sitebuilder.pagemodel.page import page as page_model
from sitebuilder.pagemodel.site import DOCS, LANGUAGES, relative

enabled = False
_printed = {}  # (page name, block line) -> (page, block, everything the chain printed)


def begin(enable):
    """Start a run (updating or not); returns the state to give back to end()."""
    global enabled, _printed
    previous = (enabled, _printed)
    enabled, _printed = enable, {}
    return previous


def end(previous):
    global enabled, _printed
    enabled, _printed = previous


def record(page, block, printed):
    _printed[(page.name, block.line)] = (page, block, printed)


def own_output(page, block):
    """What this block printed itself: its chain's output minus the part the
    earlier blocks of the chain printed (they ran as tests of their own)."""
    _, _, printed = _printed[(page.name, block.line)]
    if len(block.chain) > 1:
        earlier = _printed.get((page.name, block.chain[-2].line))
        if earlier is not None and printed.startswith(earlier[2]):
            return printed[len(earlier[2]):]
    return printed


def _rewritten(path, replacements):
    """The page's text with these output blocks replaced (keeping their indentation)."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    for output, text in sorted(replacements, key=lambda r: -r[0].line):
        fence = lines[output.line - 1]
        indent = fence[: len(fence) - len(fence.lstrip())]
        body = [indent + line if line else "" for line in text.rstrip("\n").split("\n")]
        lines[output.line: output.end_line - 1] = body
    return "\n".join(lines)


def twin_of(name):
    """The same page in the other language, or None (a page outside docs/)."""
    path = Path(name).resolve()
    try:
        language, *rest = path.relative_to(DOCS.resolve()).parts
    except ValueError:
        return None
    others = [other for other in LANGUAGES if other != language]
    return DOCS / others[0] / Path(*rest) if language in LANGUAGES and others else None


def _twin_replacements(name, replacements):
    """The twin's output blocks at the same positions that held the same old text."""
    twin = twin_of(name)
    if twin is None or not twin.is_file():
        return None, []
    mine = [b for b in page_model(name).blocks if b.is_output]
    theirs = [b for b in page_model(twin).blocks if b.is_output]
    found = []
    for output, text in replacements:
        index = mine.index(output) if output in mine else None
        if index is not None and index < len(theirs) and theirs[index].code == output.code:
            found.append((theirs[index], text))
    return relative(twin), found


def planned():
    """({page: its rewritten text} for the pages that change, one line per page or problem)."""
    by_page, messages = {}, []
    for page, block, _ in _printed.values():
        text = own_output(page, block)
        if block.output is None:
            if text.strip():
                messages.append(f"{page.where(block.line)}: prints output but has no ```output block after it")
            continue
        if text.rstrip("\n") != block.output.code.rstrip("\n"):
            by_page.setdefault(page.name, []).append((block.output, text))
    for name, replacements in list(by_page.items()):
        twin, found = _twin_replacements(name, replacements)
        if twin is not None and twin not in by_page and found:
            by_page[twin] = found
    texts = {}
    for name, replacements in sorted(by_page.items()):
        texts[name] = _rewritten(name, replacements)
        messages.append(f"{name}: rewrote {len(replacements)} output block(s)")
    return texts, messages or ["every output block already shows what its code prints"]


def write_all():
    """Rewrite what changed; return one line per page or problem."""
    texts, messages = planned()
    for name, text in texts.items():
        Path(name).write_text(text, encoding="utf-8")
    return messages


def write_plan(path):
    """Write {absolute page path: rewritten text} as JSON to `path` instead of the pages."""
    texts, messages = planned()
    plan = {str(Path(name).resolve()): text for name, text in texts.items()}
    Path(path).write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return messages
