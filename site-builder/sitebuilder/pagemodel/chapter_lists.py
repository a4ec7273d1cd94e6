"""The hand-written chapter lists (the home pages, the summary chapter), held to the nav.

Each list carries a sentence per chapter, so it is written by hand rather than
generated; the line ``<!-- chapter list -->`` above it says it must name every
chapter of mkdocs.yml's nav, in nav order, except the page that holds it,
each linked with the chapter's title (its H1). tests/test_chapter_lists.py
checks that; the page scaffolder (sitebuilder.scaffold) adds a new chapter's
line with :func:`with_entry`.
"""

import posixpath
import re
from dataclasses import dataclass

from sitebuilder.pagemodel.site import DOCS, LANGUAGES, nav_paths, relative

MARKER = "<!-- chapter list -->"
CHAPTERS_FOLDER = "chapters/"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
ITEM = re.compile(r"^(?P<bullet>\d+\.|-)\s+\[(?P<title>[^\]]+)\]\((?P<target>[^)#\s]+)\)")


@dataclass(frozen=True)
class Entry:
    line: int  # 1-based
    title: str
    chapter: str  # nav path: chapters/04-simple-layers.md


def nav_chapters():
    return [path for path in nav_paths() if path.startswith(CHAPTERS_FOLDER)]


def pages_with_lists():
    """Every page (both languages) holding the marker."""
    return sorted(p for lang in LANGUAGES for p in (DOCS / lang).rglob("*.md")
                  if MARKER in p.read_text(encoding="utf-8").split("\n"))


def nav_path_of(page):
    """chapters/04-simple-layers.md for docs/en/chapters/04-simple-layers.md."""
    return page.relative_to(DOCS).as_posix().split("/", 1)[1]


def title_of(page):
    """The page's H1 (its first line after the front matter), which is also its nav title."""
    text = FRONT_MATTER.sub("", page.read_text(encoding="utf-8"), count=1)
    first = text.split("\n", 1)[0]
    return first[2:].strip() if first.startswith("# ") else None


def _list_lines(lines):
    """(index, line) of the list under the marker: the item lines after it, up to the first other line."""
    start = lines.index(MARKER) + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = start
    while end < len(lines) and ITEM.match(lines[end]):
        end += 1
    return start, end


def entries(page, text=None):
    """The list's entries (of `text` in place of the page's own, if given); a page without the marker has none."""
    lines = (page.read_text(encoding="utf-8") if text is None else text).split("\n")
    if MARKER not in lines:
        return []
    start, end = _list_lines(lines)
    folder = posixpath.dirname(nav_path_of(page))
    found = []
    for index in range(start, end):
        match = ITEM.match(lines[index])
        chapter = posixpath.normpath(posixpath.join(folder, match["target"]))
        found.append(Entry(index + 1, match["title"], chapter))
    return found


def expected_chapters(page, chapters=None):
    own = nav_path_of(page)
    return [c for c in (nav_chapters() if chapters is None else chapters) if c != own]


def problems(page, text=None):
    """file:line messages for each missing, extra, misplaced or mistitled entry."""
    name, listed = relative(page), entries(page, text)
    language = page.relative_to(DOCS).parts[0]
    wanted = expected_chapters(page)
    if not listed:
        return [f"{name}: no list after the line '{MARKER}'"]
    found = []
    after = listed[-1].line
    for chapter in wanted:
        if chapter not in [e.chapter for e in listed]:
            found.append(f"{name}:{after}: {chapter} is in the nav but missing from this list")
    for entry in listed:
        if entry.chapter not in wanted:
            found.append(f"{name}:{entry.line}: {entry.chapter} is listed but is not a chapter in the nav")
            continue
        title = title_of(DOCS / language / entry.chapter)
        if entry.title != title:
            found.append(f"{name}:{entry.line}: link text '{entry.title}' is not the title of "
                         f"{entry.chapter} ('{title}')")
    in_list = [e for e in listed if e.chapter in wanted]
    if not found and [e.chapter for e in in_list] != wanted:
        first = next(e for e, w in zip(in_list, wanted) if e.chapter != w)
        found.append(f"{name}:{first.line}: {first.chapter} is out of the nav's order")
    return found


def with_entry(page, chapter, title, chapters):
    """The page's text with a line for `chapter` added to its list where `chapters` (the new nav order) puts it."""
    lines = page.read_text(encoding="utf-8").split("\n")
    start, end = _list_lines(lines)
    wanted = expected_chapters(page, chapters)
    listed = entries(page)
    before = [e for e in listed if e.chapter in wanted[: wanted.index(chapter)]]
    at = before[-1].line if before else start  # index after the predecessor's line
    numbered = ITEM.match(lines[start])["bullet"] != "-"
    target = posixpath.relpath(chapter, posixpath.dirname(nav_path_of(page)))
    lines.insert(at, f"{'1.' if numbered else '-'} [{title}]({target})")
    if numbered:
        for number, index in enumerate(range(start, end + 1), start=1):
            lines[index] = ITEM.sub(lambda m, n=number: m[0].replace(m["bullet"], f"{n}.", 1), lines[index])
    return "\n".join(lines)
