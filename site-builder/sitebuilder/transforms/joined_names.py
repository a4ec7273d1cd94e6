"""Names written in CamelCase are found typed whole and in lower case.

mkdocs.yml's search separator splits a word before each inner capital
followed by a small letter, so ``MulLayer`` is indexed as ``mul`` and
``layer`` and a search for "layer" finds it. But Material lowercases what the
reader types, and "mullayer" (or "pytorch", "twolayermlp") is then one word
the index does not hold. lunr has no way to index a word both split and whole
(one separator for the pages and the query alike), so the content the search
plugin reads gets the joined lower-case form right after each such word, and
the finished page drops it again (sitebuilder.stash).
"""

import re

# Between two tags, or a tag; the text parts are the even items of a split.
TAG = re.compile(r"(<[^>]*>)")
WORD = re.compile(r"[A-Za-z0-9_]+")
# Where the separator splits: a capital and a small letter after a word character.
SPLIT_POINT = re.compile(r"(?<=\w)(?=[A-Z][a-z])")
# Text not to touch: scripts and styles, headings (their text is the result's
# title), and the stand-ins of other steps (a span inside a span stand-in
# would end it early when the page is restored).
SKIPPED = re.compile(r"<(?P<tag>script|style|h[1-6])\b|<(?P<stand_in>span) data-stash=")


def _with_joined_names(text, stash):
    def add(match):
        word = match[0]
        if not SPLIT_POINT.search(word):
            return word
        return word + stash.hide("", f" {word.lower()}")

    return WORD.sub(add, text)


def joined_names(html, stash):
    """`html` with each CamelCase word followed by a stand-in holding its joined lower-case form."""
    parts = TAG.split(html)
    skipping = None  # (tag name, depth) of the element being skipped
    for index, part in enumerate(parts):
        if index % 2 == 0:
            if skipping is None and part:
                parts[index] = _with_joined_names(part, stash)
            continue
        if skipping is None:
            opened = SKIPPED.match(part)
            if opened:
                skipping = [opened["tag"] or opened["stand_in"], 1]
        elif re.match(rf"<{skipping[0]}\b", part):
            skipping[1] += 1
        elif part.startswith(f"</{skipping[0]}"):
            skipping[1] -= 1
            if skipping[1] == 0:
                skipping = None
    return "".join(parts)


def index_joined_names(html, page, build):
    """The search indexes each CamelCase name whole as well as in parts."""
    return joined_names(html, build.stash(page))
