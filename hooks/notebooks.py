"""Exercise notebooks as pages like the others, under mkdocs-static-i18n.

mkdocs-jupyter renders each notebook; this hook covers four gaps around it:

1. mkdocs-static-i18n rebuilds every file object in `on_files` as a plain
   mkdocs File, and mkdocs counts only Markdown as pages, so notebooks would
   ship as raw .ipynb with no language twin and no sitemap entry
   (ultrabug/mkdocs-static-i18n#198). We turn them back into pages, give them
   their twin for the language switcher and add them to i18n's sitemap list.
2. mkdocs-jupyter's render cache never hits under i18n (see `on_pre_build`).
3. mkdocs-jupyter writes JupyterLab's 575 KB stylesheet into every page and
   JupyterLab markup (prompts, tag labels, its own colours and `$` math).
   `on_page_content` rewrites each cell as the Material markup the Markdown
   pages use: code and output blocks, arithmatex math, solution cells folded
   in <details> at build time, headings with ids made like the pages' ids.
4. Download and Colab buttons: mkdocs-jupyter sets `page.nb_url` for the
   exercises; chapter pages get the same from their stored notebook
   (notebooks/{ko,en}/, see snippets/exercises/chapters.py), copied next to
   the page. `page.colab_url` is set for both; overrides/main.html shows them.
"""

import hashlib
import html
import json
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import nbformat
from bs4 import BeautifulSoup
from markdown.extensions.toc import slugify as default_slugify
from markdown.extensions.toc import unique
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc
from mkdocs_jupyter import plugin as jupyter_plugin

from snippets.exercises import chapters
from snippets.exercises.notebooks import arithmatex_delimiters

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
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class NotebookPage(File):
    """A .ipynb that is a documentation page (mkdocs only counts Markdown files)."""

    def is_documentation_page(self):
        return True


# --- 2. the render cache ----------------------------------------------------------


@event_priority(-100)  # after mkdocs-jupyter's own on_pre_build
def on_pre_build(config):
    """Keep every language's cache entries alive.

    Upstream bug: mkdocs-jupyter resets `_used_cache_paths` in `on_pre_build`
    and deletes every cache file not used since then in `on_post_build`. i18n
    runs one full build per language, so each language's build evicts the other
    language's entries and no notebook is ever a cache hit. An upstream fix would
    evict only once per `mkdocs build` (e.g. in `on_shutdown`, or keyed by
    site_dir), or evict entries by age. Until then we mark the entries of all
    notebooks under docs_dir as used, with the plugin's own key function.
    """
    MARKUP_CACHE.folder = Path(config.config_file_path).parent / ".cache" / "notebook-pages"
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or not jupyter.config["cache"]:
        return
    for path in sorted(Path(config.docs_dir).rglob("*.ipynb")):
        key = jupyter_plugin._compute_cache_key(str(path), jupyter.config, jupyter.config["execute"])
        jupyter._used_cache_paths.add(jupyter_plugin._get_cache_path(jupyter.config["cache_dir"], key))


# --- 1. pages again after i18n ----------------------------------------------------


@event_priority(-200)  # after mkdocs-static-i18n's on_files (-100)
def on_files(files, config):
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None:
        return files
    i18n = config.plugins.get("i18n")
    pages = []
    for file in list(files):
        if not isinstance(file, NotebookPage) and jupyter.should_include(file):
            files.remove(file)
            page = as_page(file, config)
            if i18n is not None:
                page.alternates = twins(page, i18n, config)
            files.append(page)
            pages.append(page)
    if i18n is not None:  # the list i18n's sitemap.xml template walks
        i18n.i18n_files_per_language[i18n.current_language].extend(pages)
    return files


def as_page(file, config):
    """A notebook page where i18n put the file (no /ko/ prefix for the default language)."""
    page = NotebookPage(file.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls,
                        dest_uri=file.dest_uri, inclusion=file.inclusion)
    for name in ("locale", "localization", "locale_alternate_of", "norm_src_uri"):
        if hasattr(file, name):
            setattr(page, name, getattr(file, name))
    return page


def twins(page, i18n, config):
    """{language: page} for every language that has this notebook."""
    norm = getattr(page, "norm_src_uri", page.src_uri)
    plain = NotebookPage(norm, config.docs_dir, config.site_dir, config.use_directory_urls)
    found = {}
    for language in i18n.build_languages:
        if language == i18n.current_language:
            found[language] = page
            continue
        source = f"{language}/{norm}"
        if not (Path(config.docs_dir) / source).is_file():
            continue
        prefix = "" if language == i18n.default_language else f"{language}/"
        found[language] = NotebookPage(source, config.docs_dir, config.site_dir, config.use_directory_urls,
                                       dest_uri=prefix + plain.dest_uri)
    return found


# --- 3. Material markup ---------------------------------------------------------


def on_page_content(content, page, config, files):
    if not isinstance(page.file, NotebookPage):
        return content
    language = getattr(page.file, "locale", None) or config.theme.get("language", "en")
    tags = cell_tags(page.file.abs_src_path)
    body, toc_tokens = MARKUP_CACHE.get(content, tags, language, slugify_of(config))
    page.toc = get_toc(toc_tokens)
    docs = Path(config.docs_dir).relative_to(chapters.REPO).as_posix()
    page.colab_url = colab_url(config, f"{docs}/{page.file.src_uri}")
    return body


class MarkupCache:
    """material_markup's results on disk: re-parsing ten notebooks is a sixth of a build.

    Entries are keyed by everything the result depends on (the rendered HTML, the
    tags, the language, the toc settings and this hook's own code). Unused entries
    are evicted once per mkdocs run, in on_shutdown, not per language build: the
    eviction mkdocs-jupyter's own cache gets wrong (see on_pre_build).
    """

    def __init__(self, folder):
        self.folder, self.used = Path(folder), set()
        self.code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()

    def get(self, content, tags, language, settings):
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
        for path in self.folder.glob("*.json"):
            if path not in self.used:
                path.unlink()


MARKUP_CACHE = MarkupCache(".cache/notebook-pages")  # next to mkdocs.yml, set in on_pre_build


def on_shutdown():
    MARKUP_CACHE.evict_unused()


def slugify_of(config):
    """The toc extension's settings, so notebook headings get the pages' ids and permalinks."""
    options = config.mdx_configs.get("toc", {})
    permalink = options.get("permalink", "¶")
    return (options.get("slugify", default_slugify), options.get("separator", "-"),
            "¶" if permalink is True else permalink, options.get("permalink_title", "Permanent link"))


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
        return math_markup(rendered.decode_contents())
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
    return f'<div class="language-{language} highlight"><pre>{inner.replace("<span></span>", "<span></span><code>", 1)}</code></pre></div>'


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


# --- 4. download and Colab -------------------------------------------------------


def on_page_context(context, page, config, nav):
    """Chapter pages: the stored chapter notebook as download and Colab link."""
    notebook = chapter_notebook(page, config)
    if notebook is not None:
        page.nb_url = urljoin(page.abs_url, notebook.name)
        page.colab_url = colab_url(config, notebook.relative_to(chapters.REPO).as_posix())
    return context


def on_post_page(output, page, config):
    notebook = chapter_notebook(page, config)
    if notebook is not None:
        target = Path(page.file.abs_dest_path).parent
        target.mkdir(parents=True, exist_ok=True)  # the page itself is written after this event
        shutil.copyfile(notebook, target / notebook.name)
    return output


def chapter_notebook(page, config):
    """notebooks/<language>/<name>.ipynb for docs/<language>/chapters/<name>.md, if stored."""
    parts = Path(page.file.src_uri).parts
    if isinstance(page.file, NotebookPage) or len(parts) != 3 or parts[1] != "chapters":
        return None
    path = chapters.notebook_path(Path(config.docs_dir) / page.file.src_uri)
    return path if path.is_file() else None


def colab_url(config, repo_path):
    """Colab opens notebooks from GitHub: repo_url + the branch edit_uri names + the path."""
    repo = (config.repo_url or "").rstrip("/")
    match = re.match(r"https://github\.com/([^/]+/[^/]+)$", repo)
    if not match:
        return None
    branch = (config.edit_uri or "edit/main/").strip("/").split("/")[1]
    return f"https://colab.research.google.com/github/{match.group(1)}/blob/{branch}/{repo_path}"
