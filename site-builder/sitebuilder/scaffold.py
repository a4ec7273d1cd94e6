"""A new chapter in one command: ``python -m sitebuilder.scaffold chapters/11-topic --title-ko ... --title-en ...``.

A chapter is more than its two pages: the code it includes (snippets/chNN/,
a package whose first example the first code block includes after the
install line), its entry in mkdocs.yml's nav, and its line in every chapter
list (the home pages, the summary). This writes all of them from templates/
so that the new pair passes its checks at once (`make page P=...`, which
also writes its output blocks and notebooks). Everything is checked before
anything is written: an existing page, a malformed path or a missing title
stops it with the reason, and nothing changes.
"""

import argparse
import re
import sys

from sitebuilder.pagemodel import chapter_lists
from sitebuilder.pagemodel.site import CONFIG, DOCS, LANGUAGES, REPO, nav_paths

TEMPLATES = REPO / "templates"
PAGE_TEMPLATES = {"en": TEMPLATES / "page.md", "ko": TEMPLATES / "page.ko.md"}
EXAMPLE_TEMPLATE = TEMPLATES / "example.py"
CHAPTER_PATH = re.compile(r"^chapters/(?P<number>\d\d)-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")
NAV_LINE = re.compile(r"^(?P<indent>\s*)- (?P<path>chapters/\S+\.md)\s*$")
PACKAGE_DOC = ('"""Code shown in chapter {number} (docs/*/chapters/{number}-*.md); '
               'each file runs alone: ``python -m snippets.ch{number}.<name>``."""\n')


class Refused(Exception):
    """The request cannot be carried out as given; the message says why and what was expected."""


def check_request(path, titles):
    """(number, slug) of a well-formed request for a chapter that does not exist yet."""
    match = CHAPTER_PATH.match(path)
    if not match:
        raise Refused(f"{path!r}: expected chapters/NN-topic (two digits, then lowercase words joined by "
                      "hyphens), without docs/<language>/ and without .md, e.g. chapters/11-some-topic")
    missing = [f"--title-{lang}" for lang in LANGUAGES if not titles.get(lang, "").strip()]
    if missing:
        raise Refused(f"{path}: missing title ({', '.join(missing)}); each language's page needs its own title")
    if any("\n" in title for title in titles.values()):
        raise Refused(f"{path}: a title is one line (it is the page's H1 and its nav title)")
    number, slug = match["number"], match["slug"]
    taken = sorted(p.relative_to(REPO).as_posix() for lang in LANGUAGES
                   for p in (DOCS / lang / "chapters").glob(f"{number}-*.md"))
    if taken:
        raise Refused(f"{path}: chapter {number} exists already ({', '.join(taken)}); pick the next free number")
    if f"{path}.md" in nav_paths():
        raise Refused(f"{path}: mkdocs.yml's nav lists {path}.md already")
    if (REPO / "snippets" / f"ch{number}").exists():
        raise Refused(f"{path}: snippets/ch{number}/ exists already; it belongs to another chapter")
    return number, slug


def fill(template, **values):
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def nav_with(path):
    """mkdocs.yml with `- <path>.md` among the chapters in order (a text edit: a YAML dump would drop the comments)."""
    lines = CONFIG.read_text(encoding="utf-8").split("\n")
    chapters = [(i, m) for i, line in enumerate(lines) if (m := NAV_LINE.match(line))]
    if not chapters:
        raise Refused("mkdocs.yml's nav has no chapters/ entry to put the new chapter next to")
    before = [(i, m) for i, m in chapters if m["path"] < f"{path}.md"]
    index, match = before[-1] if before else chapters[0]
    at = index + 1 if before else index
    lines.insert(at, f"{match['indent']}- {path}.md")
    return "\n".join(lines)


def planned_files(path, titles):
    """{file: new text} for everything the new chapter needs."""
    number, slug = check_request(path, titles)
    module = f"snippets.ch{number}.{slug.replace('-', '_')}"
    snippet = module.replace(".", "/") + ".py"
    files = {DOCS / lang / f"{path}.md": fill(PAGE_TEMPLATES[lang], TITLE=titles[lang].strip(), SNIPPET=snippet)
             for lang in LANGUAGES}
    files[REPO / "snippets" / f"ch{number}" / "__init__.py"] = PACKAGE_DOC.format(number=number)
    files[REPO / snippet] = fill(EXAMPLE_TEMPLATE, CHAPTER=number, MODULE=module)
    files[CONFIG] = nav_with(path)
    chapters = sorted([*chapter_lists.nav_chapters(), f"{path}.md"])
    for page in chapter_lists.pages_with_lists():
        language = page.relative_to(DOCS).parts[0]
        files[page] = chapter_lists.with_entry(page, f"{path}.md", titles[language].strip(), chapters)
    return files


def scaffold(path, titles):
    """Write the new chapter; returns the files written. Refused (nothing written) when it cannot."""
    files = planned_files(path.strip("/").removesuffix(".md"), titles)
    for file, text in files.items():
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    return sorted(file.relative_to(REPO).as_posix() for file in files)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path", help="the chapter as in mkdocs.yml's nav, without .md: chapters/11-some-topic")
    for lang in LANGUAGES:
        parser.add_argument(f"--title-{lang}", default="", help=f"the page's title in {lang} (its H1)")
    args = parser.parse_args(argv)
    titles = {lang: getattr(args, f"title_{lang}") for lang in LANGUAGES}
    try:
        written = scaffold(args.path, titles)
    except Refused as refusal:
        print(f"nothing written: {refusal}", file=sys.stderr)
        return 2
    print("\n".join(f"wrote {name}" for name in written))
    print(f"next: write the pages and the example, add a line to each chapter list, then `make page P={args.path}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
