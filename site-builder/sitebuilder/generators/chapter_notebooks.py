"""Each chapter page as a notebook a reader can download or open in Colab.

The notebook is the page itself: its prose as markdown cells, its Python
blocks (with their ``--8<--`` includes expanded as the site expands them) as
code cells, after a first cell that installs the package. Printed-output
blocks are left out: running the cell prints them. Math delimiters become
Jupyter's ``$``, and links and images point at the published site.
The notebooks are stored unexecuted under notebooks/{ko,en}/, because Colab
opens notebooks from the repository, not from the site.

Seam: `page_blocks` reads a page with pymdownx.snippets configured from
mkdocs.yml; a shared page model can replace it without changing the rest.
"""

import posixpath
import re
from functools import cache

import markdown
import nbformat
import yaml

from sitebuilder.generators.exercise_notebooks import LANGUAGES, REPO, assemble, notebook_bytes
from sitebuilder.generators.install_cell import shared_command

DOCS = REPO / "docs"
NOTEBOOKS = REPO / "notebooks"
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)```(?P<info>[^`]*)$")
PYTHON_INFO = re.compile(r"^(python|\{\.python(\s[^}]*)?\})\s*$")
# Admonitions, collapsible blocks and content tabs: a marker line, then a body indented by four.
CONTAINER = re.compile(
    r'^(?:(?:!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:\s+"(?P<title>[^"]*)")?'  # !!! note "Title", ??? tip
    r'|===\s+"(?P<tab>[^"]*)")\s*$'  # === "Tab"
)
INSTALL_COMMAND = shared_command("install")  # the page's shell block; the notebook's first cell runs it
LINK_TARGET = re.compile(r"(!?\[[^\]]*\]\()([^)\s]+)(\))")


def chapter_pages(language):
    return sorted((DOCS / language / "chapters").glob("[0-9][0-9]-*.md"))


def notebook_path(page):
    """notebooks/ko/02-chain-rule.ipynb for docs/ko/chapters/02-chain-rule.md."""
    language = page.relative_to(DOCS).parts[0]
    return NOTEBOOKS / language / f"{page.stem}.ipynb"


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml uses !!python/name tags; only the snippets settings matter here."""


_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@cache
def _site_settings():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    snippets = {}
    for entry in config.get("markdown_extensions", []):
        if isinstance(entry, dict) and "pymdownx.snippets" in entry:
            snippets = dict(entry["pymdownx.snippets"] or {})
    snippets["base_path"] = [str(REPO / p) for p in snippets.get("base_path", ["."])]
    site_url = (config.get("site_url") or "").rstrip("/") + "/"
    return snippets, site_url


def expand(text):
    """The page with ``--8<--`` includes replaced, as the site build does."""
    snippets, _ = _site_settings()
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": snippets})
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


def flatten_containers(text):
    """Admonition and tab bodies dedented under a bold title line, collapsible blocks (???) as
    HTML <details>, which Jupyter and Colab fold too: Jupyter has no such containers and would
    show a body indented by four as code."""
    out, inside, folded = [], False, False

    def close():
        if folded:
            out.extend(["", "</details>", ""])

    for line in text.split("\n"):
        match = CONTAINER.match(line)
        if match:
            close()
            title = match.group("title") or match.group("tab") or match.group("kind").capitalize()
            folded = line.startswith("???")
            out += [f"<details><summary>{title}</summary>", ""] if folded else [f"**{title}**", ""]
            inside = True
        elif inside and (line.startswith("    ") or not line.strip()):
            out.append(line[4:])
        else:
            close()
            inside = folded = False
            out.append(line)
    close()
    return "\n".join(out)


def page_blocks(page):
    """[('markdown' | 'python' | 'other', text)] in page order; 'other' fences keep their markup."""
    text = re.sub(r"\A---\n.*?\n---\n", "", page.read_text(encoding="utf-8"), flags=re.S)
    lines, blocks, prose = flatten_containers(expand(text)).split("\n"), [], []
    index = 0
    while index < len(lines):
        match = FENCE_OPEN.match(lines[index])
        if not match or not match.group("info").strip():
            prose.append(lines[index])
            index += 1
            continue
        indent, info = match.group("indent"), match.group("info").strip()
        end = index + 1
        while end < len(lines) and lines[end].rstrip() != indent + "```":
            end += 1
        if end == len(lines):
            raise ValueError(f"{page.relative_to(REPO)}:{index + 1}: fence ```{info} is never closed")
        body = [line[len(indent):] if line.startswith(indent) else line for line in lines[index + 1:end]]
        if PYTHON_INFO.match(info):
            blocks.append(("markdown", "\n".join(prose)))
            blocks.append(("python", "\n".join(body)))
            prose = []
        elif info != "output" and body != [INSTALL_COMMAND]:  # output: the cell prints it when run;
            prose += lines[index:end + 1]                        # the install command: the first cell runs it
        index = end + 1
    blocks.append(("markdown", "\n".join(prose)))
    return [(kind, text.strip("\n") if kind == "python" else _dedent_start(text))
            for kind, text in blocks if text.strip()]


def _dedent_start(prose):
    """A list item's text that continues after a code block starts indented; Jupyter would show it as code."""
    head, blank, rest = prose.strip("\n").partition("\n\n")
    return "\n".join(line.lstrip() for line in head.split("\n")) + blank + rest


def jupyter_math(text):
    r"""\(..\) -> $..$ and \[..\] -> $$..$$: the delimiters Jupyter and Colab render."""
    text = re.sub(r"\\\[(.+?)\\\]", lambda m: "$$" + m.group(1) + "$$", text, flags=re.S)
    return re.sub(r"\\\((.+?)\\\)", lambda m: "$" + m.group(1) + "$", text)


def absolute_links(text, page):
    """Relative links and images, resolved to their address on the published site."""
    _, site_url = _site_settings()
    folder = posixpath.dirname(page.relative_to(DOCS).as_posix())

    def resolve(match):
        target = match.group(2)
        if re.match(r"^[a-z]+:|^#|^/", target):
            return match.group(0)
        path, _, anchor = target.partition("#")
        path = posixpath.normpath(posixpath.join(folder, path))
        language = path.split("/", 1)[0]
        if language == LANGUAGES[0]:  # the default language is served from the root
            path = path.split("/", 1)[1] if "/" in path else ""
        if path.endswith(".md"):
            path = path[: -len(".md")]
            path = path[: -len("index")] if path.endswith("index") else path + "/"
        return match.group(1) + site_url + path + ("#" + anchor if anchor else "") + match.group(3)

    return LINK_TARGET.sub(resolve, text)


def build(page):
    """The chapter page as an unexecuted notebook."""
    name = page.stem
    cells = []
    for kind, text in page_blocks(page):
        if kind == "python":
            cells.append(nbformat.v4.new_code_cell(text))
        else:
            cells.append(nbformat.v4.new_markdown_cell(absolute_links(jupyter_math(text), page)))
    return assemble(cells, id_prefix=f"ch{name[:2]}", language=page.relative_to(DOCS).parts[0])


def derived_files():
    """{notebooks/<language>/<chapter>.ipynb: bytes} for every chapter page of both
    languages; {path: None} for a stored notebook no chapter makes any more."""
    planned = {notebook_path(page): notebook_bytes(build(page)) for language in LANGUAGES
               for page in chapter_pages(language)}
    stored = {path for language in LANGUAGES for path in (NOTEBOOKS / language).glob("*.ipynb")}
    return planned | {path: None for path in sorted(stored - planned.keys())}
