"""A documentation page, parsed once into what the build and the tests read.

``page(path)`` parses a file (once per path and run); ``parse_markdown(text,
name)`` parses any Markdown text, such as a notebook's Markdown cells, the
same way. A :class:`Page` holds

* ``blocks``: every fenced block, with its code as the site shows it
  (``--8<--`` includes expanded by pymdownx.snippets with mkdocs.yml's
  settings), its options, the line of its opening fence, the chain of Python
  blocks that run together with it and the ``output`` block after it;
* ``prose``: the lines that are not fences or front matter, grouped into
  ``paragraphs``; ``math`` (display and inline); ``diagrams`` (mermaid);
* ``tokens``: the markdown-it tokens pytest-markdown-docs collects the
  Python blocks from, so the runner and every check share one parse;
* ``errors``: ``file:line: what is wrong`` for each defect the site could not
  build (pagemodel.defects). ``page(path)`` raises them as a PageError, when a
  test or the build reads the page, never while the tests are collected.

Containers are read as the site reads them: admonitions (``!!!``), details
(``???``) and tabs (``===``) indent their body, pymdownx.blocks (``///``)
open and close on their own lines; CommonMark alone would take the former for
indented code. Fences inside list items are CommonMark and need nothing.
"""

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from markdown_it import MarkdownIt

from sitebuilder.pagemodel import mermaid
from sitebuilder.pagemodel.defects import PageError, unclosed_fence
from sitebuilder.pagemodel.includes import expanded_or_as_written, include_defects
from sitebuilder.pagemodel.site import load_yaml, relative

PYTHON = ("py", "python", "python3")
CONTAINER_START = re.compile(r"^(!!!\+?|\?\?\?\+?|===\+?)\s")
BLOCKS_FENCE = re.compile(r"^/{3,}(\s|$)")  # pymdownx.blocks: "/// note | Title" ... "///"
FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n", re.S)
DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]", re.S)
INLINE_MATH = re.compile(r"\\\((.+?)\\\)", re.S)


@dataclass(eq=False)
class Block:
    """One fenced block of a page."""

    lang: str
    options: frozenset
    raw: str  # as written in the page
    code: str  # with snippet includes expanded: what the site shows
    line: int  # 1-based line of the opening fence
    end_line: int  # 1-based line of the closing fence
    index: int  # position among the page's blocks
    output: "Block | None" = None  # the ``output`` block right after a Python block
    chain: tuple = ()  # Python blocks that run together, this one last

    @property
    def is_python(self):
        return self.lang in PYTHON and "notest" not in self.options

    @property
    def is_output(self):
        return self.lang == "output"

    @property
    def continues_previous(self):
        return "continuation" in self.options

    @property
    def info(self):
        return self.lang + "".join(f" {o}" for o in sorted(self.options))


@dataclass(frozen=True)
class Math:
    body: str  # whitespace squashed
    line: int
    display: bool

    @property
    def shown(self):
        return f"$$ {self.body} $$" if self.display else f"\\( {self.body} \\)"


@dataclass(frozen=True)
class Paragraph:
    """Consecutive prose lines (a paragraph, a heading, a table, a list run)."""

    lines: tuple  # ((line number, text), ...)

    @property
    def line(self):
        return self.lines[0][0]


@dataclass(eq=False)
class Page:
    name: str  # the path as the repository names it, for messages
    text: str
    flat: str = field(repr=False)  # containers flattened, line numbers kept
    tokens: list = field(repr=False)
    blocks: list
    defects: tuple = ()  # (line, message)

    @property
    def errors(self):
        return [f"{self.name}:{line}: {message}" for line, message in self.defects]

    @cached_property
    def front_matter(self):
        match = FRONT_MATTER.match(self.text)
        return (load_yaml(match.group(1)) or {}) if match else {}

    @cached_property
    def block_at(self):
        """{line of the opening fence: block}: how a collected test finds its block."""
        return {b.line: b for b in self.blocks}

    @property
    def python_blocks(self):
        return [b for b in self.blocks if b.is_python]

    @property
    def output_blocks(self):
        return [b for b in self.blocks if b.is_output]

    @cached_property
    def prose(self):
        """(line number, text) of everything that is not a fence or front matter."""
        lines = self.flat.split("\n")
        skip = set()
        match = FRONT_MATTER.match(self.text)
        if match:
            skip.update(range(0, match.group(0).count("\n")))
        for block in self.blocks:
            skip.update(range(block.line - 1, block.end_line))
        return [(i + 1, line) for i, line in enumerate(lines) if i not in skip]

    @cached_property
    def paragraphs(self):
        found, current, previous = [], [], None
        for number, text in self.prose:
            if not text.strip() or (previous is not None and number != previous + 1):
                if current:
                    found.append(Paragraph(tuple(current)))
                current = []
            if text.strip():
                current.append((number, text))
            previous = number
        if current:
            found.append(Paragraph(tuple(current)))
        return found

    @cached_property
    def math(self):
        """Display math, then inline math (each in page order)."""
        keep = dict(self.prose)
        prose = "\n".join(keep.get(n, "") for n in range(1, self.text.count("\n") + 2))
        display, inline, taken = [], [], []
        for match in DISPLAY_MATH.finditer(prose):
            body = match.group(1) if match.group(1) is not None else match.group(2)
            display.append(Math(" ".join(body.split()), prose.count("\n", 0, match.start()) + 1, True))
            taken.append(match.span())
        for match in INLINE_MATH.finditer(prose):
            if not any(s <= match.start() < e for s, e in taken):
                inline.append(Math(" ".join(match.group(1).split()), prose.count("\n", 0, match.start()) + 1, False))
        return display + inline

    @cached_property
    def diagrams(self):
        """[(block, Diagram)] for every mermaid fence."""
        return [(b, mermaid.parse_mermaid(b.code, b.line)) for b in self.blocks if b.lang == "mermaid"]

    def section(self, line):
        """(heading line, next heading line) around a line: the part of the
        page a statement there talks about."""
        headings = [n for n, text in self.prose if text.startswith("#")]
        start = max((h for h in headings if h <= line), default=0)
        end = min((h for h in headings if h > line), default=self.text.count("\n") + 2)
        return start, end

    def where(self, line):
        return f"{self.name}:{line}"


def flatten_containers(text):
    """Remove container indentation and blank pymdownx.blocks fences, keeping
    line numbers, so fences inside admonitions and tabs are seen as fences."""
    out, body_indents = [], []
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if stripped:
            while body_indents and indent < body_indents[-1]:
                body_indents.pop()
        depth = body_indents[-1] if body_indents else 0
        if BLOCKS_FENCE.match(stripped):
            out.append("")
            continue
        out.append(line[depth:] if stripped else "")
        if CONTAINER_START.match(stripped):
            body_indents.append(indent + 4)
    return "\n".join(out)


def fence_info(info):
    """Split ``python`` or ``{.python continuation}`` into (lang, options)."""
    info = info.strip()
    if info.startswith("{"):
        parts = info.strip("{}").split()
        lang = next((p[1:] for p in parts if p.startswith(".")), "")
        options = {p for p in parts if not p.startswith(".")}
    else:
        parts = info.split()
        lang, options = (parts[0] if parts else ""), set(parts[1:])
    return lang, frozenset(options)


def _link(blocks):
    """Pair each Python block with its output block and the chain it runs in."""
    previous_chain = ()
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if not block.is_python:
            continue
        if following is not None and following.is_output:
            block.output = following
        block.chain = (previous_chain if block.continues_previous else ()) + (block,)
        previous_chain = block.chain


@cache
def _parse(text):
    flat = flatten_containers(text)
    flat_lines = flat.split("\n")
    tokens = MarkdownIt("commonmark").parse(flat)
    blocks = []
    defects = include_defects(text) if "--8<--" in text else []
    for token in tokens:
        if token.type == "fence" and token.map:
            defects.append(unclosed_fence(token, flat_lines))
            lang, options = fence_info(token.info)
            token.content = code = expanded_or_as_written(token.content)
            raw = "\n".join(text.split("\n")[token.map[0] + 1:token.map[1] - 1])
            block = Block(lang, options, raw, code, token.map[0] + 1, token.map[1], len(blocks))
            token.meta["block"] = block
            blocks.append(block)
    _link(blocks)
    return flat, tokens, blocks, tuple(sorted(d for d in defects if d))


def parse_markdown(text, name="<markdown>"):
    """The model of a Markdown text; ``name`` is how messages name it (a path,
    or a notebook path with its cell). Its ``errors`` say what is broken."""
    return Page(name, text, *_parse(text))


@cache
def _page(path):
    return parse_markdown(Path(path).read_text(encoding="utf-8"), relative(path))


def page(path):
    """The model of a page file, parsed once per path; PageError, naming each
    defect's file and line, if the site could not build the page."""
    model = _page(str(Path(path).resolve()))
    if model.errors:
        raise PageError("\n".join(model.errors))
    return model


def page_errors(path):
    """What :func:`page` would raise, as a list (empty for a sound page): for the
    choices made while tests are collected, where raising would stop the run."""
    return _page(str(Path(path).resolve())).errors


def reader_lines(page):
    """(line, text) a reader sees: the prose plus the text of every fence
    that is not code or output (diagrams, text boxes)."""
    flat = page.flat.split("\n")
    lines = list(page.prose)
    for block in page.blocks:
        if not block.is_python and not block.is_output and block.lang not in PYTHON:
            lines += [(n, flat[n - 1]) for n in range(block.line + 1, block.end_line)]
    return sorted(lines)
