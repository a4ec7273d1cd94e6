"""audit/results.md: the audit's table, a summary of performance, its findings and kept notes.

The table is rewritten after every page, so a long run leaves a table; the
"## Notes" section someone wrote by hand (how loaded the machine was, a
before/after measurement) is carried over from the previous file."""

from pathlib import Path

from tools.audit.legible import LEGIBLE_PX
from tools.audit.lighthouse import CATEGORIES

TARGET = 95  # the performance score each page should reach at every size
NOTES = "## Notes"
SIZE_WORDS = {"phone": "phone size (390×844, Lighthouse's mobile throttling)", "desktop": "desktop size"}


def write_table(path, rows, details, expected, runs=1, sizes=("phone", "desktop")):
    """Write rows of (url, size, Scores or None, visit) to `path`; return the path."""
    with_lighthouse = any(scores for _, _, scores, _ in rows)
    header = ["page", "size"]
    if with_lighthouse:
        header += ["performance", "performance min–max", *CATEGORIES[1:], "main thread (s)", "DOM elements"]
    header += [f"text ≥ {LEGIBLE_PX} px", "axe violations", "other hosts", "console errors", "layout shift"]
    lines = [
        "# Audit of the built site",
        "",
        "Written by `make audit` (`python -m tools.audit.audit`): the site served gzip-compressed "
        "(html, css, js, json, svg, xml) as GitHub Pages serves it, other hosts unreachable, "
        + ("" if with_lighthouse else "Lighthouse not run, ")
        + "axe-core in Chromium at " + " and ".join(SIZE_WORDS[size] for size in sizes) + ".",
    ]
    if with_lighthouse:
        lines += ["", f"Lighthouse: performance, main-thread work and DOM elements are medians of {runs} "
                  f"run{'s' if runs > 1 else ''} per page and size, with the lowest and highest performance score "
                  "of those runs; the other categories come from the first run. "
                  f"Text ≥ {LEGIBLE_PX} px: share of the visible text's characters (Lighthouse's old "
                  "legible-font audit, which Lighthouse 13 dropped, asked for 60 %)."]
    summary = _summary(rows)
    lines += ["", f"{len(rows)} of {expected} page visits measured.", *([""] + summary if summary else []), "",
              "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for url, size, scores, visit in rows:
        cells = [f"`/{url}`", size]
        if scores:
            runs_seen = scores.performance_runs
            cells += [str(scores.categories["performance"]), f"{min(runs_seen)}–{max(runs_seen)}",
                      *[str(scores.categories[c]) for c in CATEGORIES[1:]],
                      f"{scores.main_thread_ms / 1000:.1f}", str(scores.dom_elements)]
        cells += [f"{visit['legible'][0]:.0%}", str(len(visit["violations"])), str(len(visit["external"])),
                  str(len(visit["errors"])), f"{visit['shift']:.3f}"]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "## Findings", ""] + (details or ["None."])
    output = Path(path)
    lines += _kept_notes(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return output


def _summary(rows):
    """Per size: the lowest median performance and the pages under TARGET."""
    lines = []
    for size in dict.fromkeys(size for _, size, scores, _ in rows if scores):
        measured = [(scores.categories["performance"], url) for url, s, scores, _ in rows if s == size and scores]
        under = [f"`/{url}` {score}" for score, url in measured if score < TARGET]
        lowest = min(measured)
        listed = ": " + ", ".join(under) if under else "."
        lines.append(f"- {size}: lowest median performance {lowest[0]} (`/{lowest[1]}`); "
                     f"{len(under)} of {len(measured)} pages under {TARGET}{listed}")
    return lines


def _kept_notes(output):
    if not output.is_file():
        return []
    text = output.read_text(encoding="utf-8")
    start = text.find("\n" + NOTES + "\n")
    return [] if start < 0 else ["", *text[start + 1 :].rstrip("\n").splitlines()]
