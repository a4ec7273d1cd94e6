"""Regenerate what is derived from one page pair (``python -m sitebuilder.generators.page_files PAGE``).

Two kinds of files follow from a page: its printed-output blocks (rewritten
by ``pytest --update-outputs``, which runs the page's code in both languages)
and, for a chapter, its notebooks in notebooks/{ko,en}/. `make page` calls
this before the page's checks; a run over every page can call
:func:`regenerate_page` for each.
"""

import argparse
import re
import subprocess
import sys

import nbformat

from sitebuilder.generators import chapter_notebooks
from sitebuilder.pagemodel.site import DOCS, LANGUAGES, REPO

# The lines tests/output_update.py prints (after pytest's progress dots, on the same line).
REPORT = re.compile(r"docs/\S+: rewrote \d+ output block\(s\)|every output block already shows what its code prints")


def twins(name):
    """docs/ko/<name>.md and docs/en/<name>.md; a missing one stops with the path it expected."""
    paths = [DOCS / language / f"{name}.md" for language in LANGUAGES]
    missing = [p.relative_to(REPO).as_posix() for p in paths if not p.is_file()]
    if missing:
        raise SystemExit(f"{name}: expected a page path as in mkdocs.yml's nav without .md "
                         f"(chapters/04-simple-layers); no file {', '.join(missing)}")
    return paths


def update_outputs(paths):
    """The pages' output blocks, rewritten from what their code prints (tests/output_update.py)."""
    command = [sys.executable, "-m", "pytest", *map(str, paths), "--update-outputs", "-q",
               "-p", "no:randomly", "-p", "no:playwright"]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"a code block of {', '.join(p.name for p in paths)} failed:\n{result.stdout}{result.stderr}")
    return REPORT.findall(result.stdout)


def write_chapter_notebooks(paths):
    """notebooks/{ko,en}/<stem>.ipynb for a chapter page pair (none for other pages)."""
    written = []
    for page in paths:
        if page.parent.name != "chapters" or page not in chapter_notebooks.chapter_pages(page.parent.parent.name):
            continue
        path = chapter_notebooks.notebook_path(page)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(chapter_notebooks.build(page), path)
        written.append(f"wrote {path.relative_to(REPO).as_posix()}")
    return written


def regenerate_page(name):
    """Everything derived from the page pair `name` (chapters/04-simple-layers); returns what it did, a line each."""
    paths = twins(name.strip("/").removesuffix(".md"))
    return update_outputs(paths) + write_chapter_notebooks(paths)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("page", help="the page pair as in mkdocs.yml's nav, without .md (chapters/04-simple-layers)")
    for line in regenerate_page(parser.parse_args().page):
        print(line)


if __name__ == "__main__":
    main()
