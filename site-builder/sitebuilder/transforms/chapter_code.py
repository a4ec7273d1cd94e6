"""Each chapter's code as one Python file, next to its notebook download.

A reader who wants the chapter's code without Jupyter gets every Python
block of the page in page order (chains therefore in order), each under a
comment naming its section and line, and whether it continues the block
before it. The first block carries the install line, so the file runs top
to bottom in an empty folder once the package is installed
(tests/test_copy_runnable.py runs each). It is written at build time from
the page model, so it cannot drift from the page; nothing is stored.
"""

from pathlib import Path
from urllib.parse import urljoin

from sitebuilder.pagemodel.page import page as page_model
from sitebuilder.pagemodel.site import language_of, relative

WORDS = {
    "ko": {
        "head": "{title}: 이 장의 모든 코드 블록을 페이지 순서대로 모았습니다.",
        "run": "빈 폴더에서 위에서 아래로 실행합니다: python {file}",
        "block": "블록 {number} ({section}, {page}:{line})",
        "continues": "위 블록에 이어집니다",
    },
    "en": {
        "head": "{title}: every code block of this chapter, in page order.",
        "run": "Runs top to bottom in an empty folder: python {file}",
        "block": "Block {number} ({section}, {page}:{line})",
        "continues": "continues the block above",
    },
}


def chapter_file_name(source):
    """08-mlp-numpy.py for docs/<language>/chapters/08-mlp-numpy.md."""
    return Path(source).stem + ".py"


def is_chapter(source):
    parts = Path(source).parts
    return len(parts) >= 3 and parts[-2] == "chapters" and parts[-1].endswith(".md")


def chapter_script(source):
    """The text of the chapter's .py file, in the page's language."""
    model = page_model(Path(source))
    language = language_of(Path(source).relative_to(Path(source).parents[2]).as_posix())
    words = WORDS[language]
    headings = {n: text.lstrip("#").strip() for n, text in model.prose if text.startswith("#")}
    title = headings.get(min(headings, default=0), Path(source).stem)
    lines = [f"# {words['head'].format(title=title)}",
             f"# {words['run'].format(file=chapter_file_name(source))}"]
    for number, block in enumerate(model.python_blocks, 1):
        start, _ = model.section(block.line)
        header = words["block"].format(number=number, section=headings.get(start, title),
                                       page=relative(source), line=block.line)
        if block.continues_previous:
            header += f": {words['continues']}"
        lines += ["", "", f"# --- {header} ---", block.code.rstrip("\n")]
    return "\n".join(lines) + "\n"


def chapter_code_link(context, page, build):
    """Chapter pages: ``page.code_url``, the address of the chapter's .py (overrides/main.html)."""
    source = page.file.abs_src_path or ""
    if is_chapter(source) and page_model(Path(source)).python_blocks:
        page.code_url = urljoin(page.abs_url, chapter_file_name(source))
    return context


def write_chapter_code(output, page, build):
    """The chapter's .py next to the page, for its download button."""
    source = page.file.abs_src_path or ""
    if is_chapter(source) and page_model(Path(source)).python_blocks:
        target = Path(page.file.abs_dest_path).parent
        target.mkdir(parents=True, exist_ok=True)  # the page itself is written after this event
        (target / chapter_file_name(source)).write_text(chapter_script(source), encoding="utf-8")
    return output
