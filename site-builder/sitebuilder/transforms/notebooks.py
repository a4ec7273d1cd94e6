"""Exercise notebooks as pages like the others, under mkdocs-static-i18n.

mkdocs-jupyter renders each notebook; this hook covers four gaps around it:

1. mkdocs-static-i18n rebuilds every file object in `on_files` as a plain
   mkdocs File, and mkdocs counts only Markdown as pages, so notebooks would
   ship as raw .ipynb with no language twin and no sitemap entry
   (ultrabug/mkdocs-static-i18n#198). We turn them back into pages, give them
   their twin for the language switcher and add them to i18n's sitemap list.
2. mkdocs-jupyter's render cache never hits under i18n (jupyter_render_cache.py),
   and is on whatever BACKPROP_DOCS_NO_CACHE says.
3. mkdocs-jupyter writes JupyterLab's 575 KB stylesheet into every page and
   JupyterLab markup (prompts, tag labels, its own colours and `$` math).
   `on_page_content` rewrites each cell as the Material markup the Markdown
   pages use (site-builder/sitebuilder/transforms/notebook_markup.py): code and output blocks, arithmatex
   math, solution cells folded in <details> at build time, headings with ids
   made like the pages' ids.
4. Download and Colab buttons: mkdocs-jupyter sets `page.nb_url` for the
   exercises; chapter pages get the same from their stored notebook
   (notebooks/{ko,en}/, see generators/chapter_notebooks.py), copied next to
   the page. `page.colab_url` is set for both; overrides/main.html shows them.
"""

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

from markdown.extensions.toc import slugify as default_slugify
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from sitebuilder.generators import chapter_notebooks as chapters
from sitebuilder.pagemodel.site import build_cache_used
from sitebuilder.transforms.notebook_markup import MarkupCache, cell_tags

MARKUP_CACHE = MarkupCache(".cache/notebook-pages")  # moved next to mkdocs.yml in on_pre_build


class NotebookPage(File):
    """A .ipynb that is a documentation page (mkdocs only counts Markdown files)."""

    def is_documentation_page(self):
        return True


# --- 2. the render cache ----------------------------------------------------------


def markup_cache_next_to_config(build):
    """The site's notebook markup cache lives in .cache/ next to mkdocs.yml, wherever
    the build runs from. (mkdocs-jupyter's own render cache: jupyter_render_cache.py.)"""
    MARKUP_CACHE.folder = Path(build.config.config_file_path).parent / ".cache" / "notebook-pages"


def render_cache_only_when_kept(config):
    """mkdocs-jupyter's render cache (.cache/mkdocs-jupyter) off when the build cache is.

    Its `cache` option is a plain boolean in mkdocs.yml, which cannot say
    "unless BACKPROP_DOCS_NO_CACHE=1"; with it off the plugin neither reads,
    writes nor evicts entries.
    """
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None and not build_cache_used():
        jupyter.config["cache"] = False
    return config


# --- 1. pages again after i18n ----------------------------------------------------


def notebooks_as_pages(files, build):
    """Notebooks become pages again, with their language twins (after i18n has sorted the files)."""
    config = build.config
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


def material_markup(content, page, build):
    """A notebook page's cells as the Markdown pages' own markup."""
    if not isinstance(page.file, NotebookPage):
        return content
    config = build.config
    language = getattr(page.file, "locale", None) or config.theme.get("language", "en")
    tags = cell_tags(page.file.abs_src_path)
    body, toc_tokens = MARKUP_CACHE.get(content, tags, language, slugify_of(config))
    page.toc = get_toc(toc_tokens)
    docs = Path(config.docs_dir).relative_to(chapters.REPO).as_posix()
    page.colab_url = colab_url(config, f"{docs}/{page.file.src_uri}")
    return body


def evict_unused_markup(build):
    """Cache entries no language build used are deleted, once per `mkdocs build`."""
    MARKUP_CACHE.evict_unused()


def slugify_of(config):
    """The toc extension's settings, so notebook headings get the pages' ids and permalinks."""
    options = config.mdx_configs.get("toc", {})
    permalink = options.get("permalink", "¶")
    return (options.get("slugify", default_slugify), options.get("separator", "-"),
            "¶" if permalink is True else permalink, options.get("permalink_title", "Permanent link"))


# --- 4. download and Colab -------------------------------------------------------


def download_and_colab_links(context, page, build):
    """Chapter pages: the stored chapter notebook as download and Colab link."""
    config = build.config
    notebook = chapter_notebook(page, config)
    if notebook is not None:
        page.nb_url = urljoin(page.abs_url, notebook.name)
        page.colab_url = colab_url(config, notebook.relative_to(chapters.REPO).as_posix())
    return context


def copy_chapter_notebook(output, page, build):
    """The chapter's notebook next to the page, for its download button."""
    notebook = chapter_notebook(page, build.config)
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
