"""``pytest --update-outputs``: rewrite the pages' output blocks from what the code prints.

The printed output of a page is generated, not typed: instead of editing a
block by hand in two languages, run the update and review the diff. Each
Python block records what it printed; at the end of the run every output
block whose text differs is rewritten in place (keeping its indentation
inside admonitions and tabs). Both language versions of a page run, so both
are rewritten. A block that prints but has no output block is reported, not
invented.
"""

from pathlib import Path

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


def _rewrite(path, replacements):
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    for output, text in sorted(replacements, key=lambda r: -r[0].line):
        fence = lines[output.line - 1]
        indent = fence[: len(fence) - len(fence.lstrip())]
        body = [indent + line if line else "" for line in text.rstrip("\n").split("\n")]
        lines[output.line: output.end_line - 1] = body
    Path(path).write_text("\n".join(lines), encoding="utf-8")


def write_all():
    """Rewrite what changed; return one line per page or problem."""
    by_page, messages = {}, []
    for page, block, _ in _printed.values():
        text = own_output(page, block)
        if block.output is None:
            if text.strip():
                messages.append(f"{page.where(block.line)}: prints output but has no ```output block after it")
            continue
        if text.rstrip("\n") != block.output.code.rstrip("\n"):
            by_page.setdefault(page.name, []).append((block.output, text))
    for name, replacements in sorted(by_page.items()):
        _rewrite(name, replacements)
        messages.append(f"{name}: rewrote {len(replacements)} output block(s)")
    return messages or ["every output block already shows what its code prints"]
