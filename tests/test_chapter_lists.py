"""The chapter lists of the home pages and the summary chapter follow the nav.

They are written by hand (a sentence per chapter), under the line
``<!-- chapter list -->``: each names every chapter of mkdocs.yml's nav, in
order, except the page holding it, linked with the chapter's title
(sitebuilder.pagemodel.chapter_lists). A failure names the file and line.
"""

import pytest

from sitebuilder.pagemodel import chapter_lists
from sitebuilder.pagemodel.site import DOCS, LANGUAGES, relative

LISTS = chapter_lists.pages_with_lists()
CHAPTERS = chapter_lists.nav_chapters()


@pytest.mark.parametrize("page", [DOCS / lang / name for lang in LANGUAGES
                                  for name in ("index.md", "chapters/10-summary.md")], ids=relative)
def test_the_pages_that_list_the_chapters_carry_the_marker(page):
    assert page in LISTS, f"{relative(page)}: put the line '{chapter_lists.MARKER}' above its chapter list"


@pytest.mark.parametrize("page", LISTS, ids=relative)
def test_the_list_names_every_chapter_of_the_nav_in_order(page):
    problems = chapter_lists.problems(page)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_is_listed_with_its_title(chapter):
    problems = [p for page in LISTS for p in chapter_lists.problems(page) if chapter in p]
    assert not problems, "\n".join(problems)


def test_a_missing_extra_or_mistitled_entry_is_named_with_its_line():
    page = DOCS / "en" / "index.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "](chapters/05-activation-layers.md)" in line)
    lines[at] = lines[at].replace("chapters/05-activation-layers.md", "chapters/55-nowhere.md")
    lines[at + 1] = lines[at + 1].replace("[Affine and", "[Affine or")
    found = chapter_lists.problems(page, "\n".join(lines))
    last = max(e.line for e in chapter_lists.entries(page))
    assert found == [
        f"docs/en/index.md:{last}: chapters/05-activation-layers.md is in the nav but missing from this list",
        f"docs/en/index.md:{at + 1}: chapters/55-nowhere.md is listed but is not a chapter in the nav",
        f"docs/en/index.md:{at + 2}: link text 'Affine or Softmax-with-Loss layers' is not the title of "
        "chapters/06-affine-softmax.md ('Affine and Softmax-with-Loss layers')",
    ]


def test_a_chapter_out_of_order_is_named():
    page = DOCS / "ko" / "chapters" / "10-summary.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if "](01-why-backprop.md)" in line)
    lines[first], lines[first + 1] = lines[first + 1], lines[first]
    assert chapter_lists.problems(page, "\n".join(lines)) == [
        f"docs/ko/chapters/10-summary.md:{first + 1}: chapters/02-chain-rule.md is out of the nav's order"
    ]
