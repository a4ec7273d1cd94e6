"""mkdocs-jupyter's HTML rewritten as the Material markup the Markdown pages use.

Each notebook cell becomes what pymdownx would have written for a page: code
and output blocks (so Material styles them and adds its copy button),
arithmatex math (one set of math delimiters for the whole site), headings with
ids from the configured toc slugify and a permalink. Consecutive solution
cells are wrapped in one <details> here, at build time, so nothing moves
after the page loads. JupyterLab's stylesheet, prompts and tag labels go.
Used by site-builder/sitebuilder/transforms/notebooks.py; not a hook itself.
"""

import hashlib
import html
import json
import re
import sys
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup
from markdown.extensions.toc import unique

from sitebuilder.generators.exercise_notebooks import arithmatex_delimiters
from sitebuilder.pagemodel.site import build_cache_used

SOLUTION_LABEL = {"ko": "풀이 보기", "en": "Show the solution"}
# Dropped before parsing: inline CSS and scripts, and mkdocs-jupyter's copy button with its
# second copy of every cell's code (Material's own copy button replaces it).
UNUSED = re.compile(
    r"<style\b.*?</style>|<script\b.*?</script>"
    r'|<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>'
    r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>',
    re.S,
)
CELL_ID = re.compile(r"^cell-id=(.+)$")  # nbconvert's id attribute on each cell's div
MARKDOWN_FENCE = re.compile(r'<div class="highlight"><pre>(.*?)</pre></div>', re.S)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def cell_tags(path):
    """{cell id: tags} from the notebook itself (nbconvert writes tags on code cells only)."""
    notebook = nbformat.read(path, as_version=4)
    return {cell.get("id"): cell.metadata.get("tags", []) for cell in notebook.cells}


def material_markup(content, tags, language, slugify):
    """The notebook's cells as Material markup, and the TOC tokens of its headings."""
    soup = BeautifulSoup(UNUSED.sub("", content), "html.parser")
    notebook = soup.select_one("div.jp-Notebook")
    if notebook is None:
        raise ValueError("mkdocs-jupyter's output has no div.jp-Notebook: its template changed")
    tokens = heading_ids(soup, notebook, *slugify)
    parts, folded = [], []
    for cell in notebook.find_all("div", class_="jp-Cell", recursive=False):
        piece = cell_markup(cell)
        marked = cell if cell.get("id") else cell.find(id=CELL_ID)
        if "solution" in tags.get(CELL_ID.match(marked["id"]).group(1), []):
            folded.append(piece)
            continue
        parts += fold(folded, language)
        folded = []
        parts.append(piece)
    parts += fold(folded, language)
    return "\n".join(parts), tokens


def fold(pieces, language):
    if not pieces:
        return []
    body = "\n".join(pieces)
    return [f'<details class="solution"><summary>{SOLUTION_LABEL[language]}</summary>\n{body}\n</details>']


def cell_markup(cell):
    if "jp-MarkdownCell" in cell["class"]:
        rendered = cell.select_one(".jp-RenderedMarkdown")
        # A fence in a markdown cell (the install note's shell commands): nbconvert drops its
        # language and its <code>, without which Material adds no copy button.
        return math_markup(MARKDOWN_FENCE.sub(lambda m: block("bash", m.group(1)), rendered.decode_contents()))
    code = cell.select_one(".jp-InputArea pre")
    parts = [block("python", code.decode_contents())] if code is not None else []
    for output in cell.select(".jp-OutputArea-output"):
        pre = output.find("pre")
        if pre is not None:
            parts.append(block("output", html.escape(pre.get_text().rstrip("\n"))))
        else:  # images and HTML outputs stay as rendered
            parts.append(f'<div class="notebook-output">{output.decode_contents()}</div>')
    return "\n".join(parts)


def block(language, inner):
    """A fenced block as pymdownx.highlight writes it, so Material styles it and adds its copy button."""
    inner = inner if inner.startswith("<span></span>") else "<span></span>" + inner
    code = inner.replace("<span></span>", "<span></span><code>", 1)
    return f'<div class="language-{language} highlight"><pre>{code}</code></pre></div>'


def math_markup(rendered):
    r"""Notebook `$` math as pymdownx.arithmatex (generic) writes page math: one delimiter set for the site."""
    rendered = re.sub(r"<p>\s*\$\$(.+?)\$\$\s*</p>", lambda m: f'<div class="arithmatex">\\[{m.group(1)}\\]</div>',
                      rendered, flags=re.S)
    rendered = re.sub(r"\$\$(.+?)\$\$", lambda m: f'<div class="arithmatex">\\[{m.group(1)}\\]</div>',
                      rendered, flags=re.S)
    return re.sub(r"(?<![\\$])\$(?!\$)([^$\n<]+?)\$",
                  lambda m: f'<span class="arithmatex">{arithmatex_delimiters("$" + m.group(1) + "$")}</span>',
                  rendered)


def heading_ids(soup, notebook, slugify, separator, permalink, permalink_title):
    """Give every heading a non-empty, unique id and a permalink; return TOC tokens.

    nbconvert's own ids drop non-ASCII text (a Korean heading gets id=""), which
    breaks section links and gives the search index an entry with an empty id.
    """
    used, tokens, stack = set(), [], []
    for heading in notebook.find_all(HEADINGS):
        for anchor in heading.find_all("a", class_="anchor-link"):
            anchor.decompose()
        name = heading.get_text().strip()
        ident = unique(slugify(name, separator) or "section", used)
        heading["id"] = ident
        if permalink:
            link = soup.new_tag("a", attrs={"class": "headerlink", "href": f"#{ident}", "title": permalink_title})
            link.string = permalink
            heading.append(link)
        token = {"level": int(heading.name[1]), "id": ident, "name": name, "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else tokens).append(token)
        stack.append(token)
    return tokens


class MarkupCache:
    """material_markup's results on disk: re-parsing ten notebooks is a sixth of a build.

    Entries are keyed by everything the result depends on (the rendered HTML, the
    tags, the language, the toc settings and this hook's own code). Unused entries
    are evicted once per mkdocs run (site-builder/sitebuilder/transforms/notebooks.py calls evict_unused in
    on_shutdown), not per language build: the eviction mkdocs-jupyter's own cache
    gets wrong (see on_pre_build there). A build without the cache
    (BACKPROP_DOCS_NO_CACHE=1) neither reads nor writes nor evicts entries.
    """

    def __init__(self, folder):
        # the markup code (this module and the math helper): changing it invalidates every entry
        self.folder, self.used = Path(folder), set()
        code = Path(__file__).read_bytes() + Path(sys.modules[arithmatex_delimiters.__module__].__file__).read_bytes()
        self.code = hashlib.sha256(code).hexdigest()

    def get(self, content, tags, language, settings):
        if not build_cache_used():
            return material_markup(content, tags, language, settings)
        slugify, *rest = settings
        function = getattr(slugify, "func", slugify)  # functools.partial, as pymdownx.slugs gives
        described = [f"{function.__module__}.{function.__qualname__}", getattr(slugify, "keywords", {}), rest]
        key = hashlib.sha256(json.dumps([self.code, content, tags, language, described],
                                        sort_keys=True, default=str).encode()).hexdigest()
        path = self.folder / f"{key}.json"
        self.used.add(path)
        if path.is_file():
            cached = json.loads(path.read_text(encoding="utf-8"))
            return cached["body"], cached["toc"]
        body, tokens = material_markup(content, tags, language, settings)
        self.folder.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"body": body, "toc": tokens}), encoding="utf-8")
        return body, tokens

    def evict_unused(self):
        if not build_cache_used():
            return
        for path in self.folder.glob("*.json"):
            if path not in self.used:
                path.unlink()
