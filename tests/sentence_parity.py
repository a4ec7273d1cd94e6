"""Sentence by sentence: a sentence dropped from one language is noticed.

Twin pages have the same paragraphs (headings, list runs and tables count as
paragraphs), in the same order. Within a paragraph the two languages need not
have the same number of sentences: Korean often ends a sentence where English
goes on after a colon. Measured over the site, 446 of 512 paragraph pairs have
equally many sentences, and the rest differ by 1 to 5. So the difference of
each such pair is recorded in tests/sentence_parity.json, keyed by the start of
the English paragraph, and any other pair must have none: deleting a sentence
from one language changes the difference of its paragraph.

After editing a paragraph in both languages on purpose (and checking that both
still say the same), record the new differences with

    python -m tests.sentence_parity --update
"""

import json
import re
import sys
from pathlib import Path

from sitebuilder.pagemodel.page import page
from sitebuilder.pagemodel.site import DOCS, relative

BASELINE = Path(__file__).with_name("sentence_parity.json")
SENTENCE_END = re.compile(r"(?<=[.?!])(?=\s|$)")
UPDATE = "python -m tests.sentence_parity --update"


def sentences(paragraph):
    text = " ".join(line for _, line in paragraph.lines)
    return [part for part in SENTENCE_END.split(text) if part.strip()]


def key(paragraph):
    """The start of the English paragraph: what a reader would recognise it by."""
    return " ".join(" ".join(line for _, line in paragraph.lines).split())[:60]


def pairs(path):
    """(Korean paragraph, English paragraph) for a page path under docs/ko; raises if they do not pair up."""
    ko, en = page(DOCS / "ko" / path), page(DOCS / "en" / path)
    a, b = ko.paragraphs, en.paragraphs
    if len(a) != len(b):
        first = next((i for i, (p, q) in enumerate(zip(a, b)) if bool(sentences(p)) != bool(sentences(q))),
                     min(len(a), len(b)))
        where = [f"{page.name}:{paras[first].line}" if first < len(paras) else f"{page.name}: end"
                 for page, paras in ((ko, a), (en, b))]
        raise AssertionError(f"{len(a)} paragraphs in the Korean page and {len(b)} in the English one; "
                             f"they part near {where[0]} / {where[1]}")
    return list(zip(a, b)), ko, en


def recorded():
    return json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.is_file() else {}


def differences(path, baseline):
    """Messages for each paragraph pair whose sentence counts differ otherwise than recorded."""
    found = []
    paired, ko, en = pairs(path)
    expected = baseline.get(path, {})
    for a, b in paired:
        difference = len(sentences(a)) - len(sentences(b))
        if difference != expected.get(key(b), 0):
            found.append(
                f"{ko.name}:{a.line} has {len(sentences(a))} sentence(s), its English twin "
                f"{en.name}:{b.line} {len(sentences(b))} (recorded difference: {expected.get(key(b), 0)}): "
                f"was a sentence added or dropped in one language only? If both say the same, run `{UPDATE}`"
            )
    return found


def page_paths():
    return sorted(p.relative_to(DOCS / "ko").as_posix() for p in (DOCS / "ko").rglob("*.md"))


def measure():
    table = {}
    for path in page_paths():
        paired, _, _ = pairs(path)
        nonzero = {key(b): len(sentences(a)) - len(sentences(b)) for a, b in paired}
        nonzero = {k: d for k, d in nonzero.items() if d}
        if nonzero:
            table[path] = nonzero
    return table


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(f"usage: {UPDATE}")
    BASELINE.write_text(json.dumps(measure(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {sum(map(len, measure().values()))} paragraph pairs in {relative(BASELINE)}")
