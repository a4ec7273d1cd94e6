"""Reading the documentation pages the way the site builder does.

The tests that run page code, check stated numbers and compare the two
languages all need the same view of a page: its fenced blocks with
``--8<--`` includes expanded exactly as pymdownx.snippets expands them, and
the prose around them. That view lives here, in one place.
"""

import re
import tokenize
from dataclasses import dataclass
from functools import lru_cache
from io import StringIO
from pathlib import Path

import markdown
from markdown_it import MarkdownIt

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
LANGUAGES = ("ko", "en")

# Same settings as the pymdownx.snippets entry in mkdocs.yml (tests/test_site_config.py
# keeps the two in step), so a page's code here is byte for byte what the site shows.
SNIPPETS_CONFIG = {"base_path": [str(REPO)], "check_paths": True, "dedent_subsections": True}

# Admonitions (!!!), collapsible blocks (???) and content tabs (===) indent their body.
CONTAINER_START = re.compile(r"^(!!!|\?\?\?\+?|===)\s")

# A number as a reader sees it: not glued to an ASCII identifier (w1, float64, h2).
NUMBER = re.compile(r"(?<![A-Za-z_0-9.])\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class Fence:
    """One fenced block of a page."""

    lang: str
    options: frozenset
    raw: str  # as written in the page
    content: str  # with snippet includes expanded
    line: int  # 1-based line of the opening fence

    @property
    def is_python(self):
        return self.lang in ("py", "python", "python3") and "notest" not in self.options

    @property
    def continues_previous(self):
        return "continuation" in self.options


def flatten_containers(text):
    """Remove container indentation, keeping line numbers, so fences inside
    admonitions and tabs are seen as fences (CommonMark alone reads them as
    indented code)."""
    out, body_indents = [], []
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if stripped:
            while body_indents and indent < body_indents[-1]:
                body_indents.pop()
        depth = body_indents[-1] if body_indents else 0
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


@lru_cache(maxsize=None)
def _snippet_preprocessor():
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": SNIPPETS_CONFIG},
    )
    return md.preprocessors["snippet"]


def expand_snippets(text):
    """Replace ``--8<-- "file:section"`` lines with the file's text."""
    if "--8<--" not in text:
        return text
    lines = _snippet_preprocessor().run(text.split("\n"))
    return "\n".join(lines)


class SnippetExpandingMarkdownIt(MarkdownIt):
    """A CommonMark parser whose fence tokens carry expanded snippet text."""

    def __init__(self):
        super().__init__("commonmark")

    def parse(self, src, env=None):
        tokens = super().parse(flatten_containers(src), env)
        for token in tokens:
            if token.type == "fence":
                token.content = expand_snippets(token.content)
        return tokens


def parse_fences(text):
    """All fenced blocks of a page, in order."""
    fences = []
    for token in MarkdownIt("commonmark").parse(flatten_containers(text)):
        if token.type == "fence" and token.map:
            lang, options = fence_info(token.info)
            fences.append(
                Fence(lang, options, token.content, expand_snippets(token.content), token.map[0] + 1)
            )
    return fences


@lru_cache(maxsize=None)
def fences_of(path):
    return tuple(parse_fences(Path(path).read_text(encoding="utf-8")))


def prose_lines(text):
    """(line number, text) of everything that is not a fenced block or front matter."""
    lines = flatten_containers(text).split("\n")
    skip = set()
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        skip.update(range(0, end + 1))
    for token in MarkdownIt("commonmark").parse(flatten_containers(text)):
        if token.type == "fence" and token.map:
            skip.update(range(token.map[0], token.map[1]))
    return [(i + 1, line) for i, line in enumerate(lines) if i not in skip]


def python_number_literals(code):
    """Numeric literals of Python code (comments and strings excluded)."""
    try:
        tokens = list(tokenize.generate_tokens(StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError):
        return []
    return [tok.string for tok in tokens if tok.type == tokenize.NUMBER]


def page_files(language):
    return sorted((DOCS / language).rglob("*.md"))


def twin_of(path):
    """The same page in the other language."""
    relative = Path(path).relative_to(DOCS)
    other = "en" if relative.parts[0] == "ko" else "ko"
    return DOCS / other / Path(*relative.parts[1:])


def relative(path):
    """A page's path as the repository names it (a path elsewhere, such as a
    page a test makes up in a temporary folder, is shown as it is)."""
    try:
        return Path(path).resolve().relative_to(REPO).as_posix()
    except ValueError:
        return Path(path).as_posix()
