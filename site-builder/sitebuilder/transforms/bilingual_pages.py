"""Each chapter also as a side-by-side page: Korean and English, paragraph by paragraph.

The pages are made during the build (pagemodel/bilingual.py writes their
Markdown from the twin chapters' page models), once per language build, so
the site's interface around them is in the reader's language:
``/bilingual/chapters/NN-…/`` and ``/en/bilingual/chapters/NN-…/``. They are
not in the navigation; each chapter links to its own near the top, in both
languages, and they are left out of the search (front matter), where the
chapters themselves are found.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from sitebuilder.pagemodel.bilingual import FOLDER, WORDS, AlignmentError, side_by_side
from sitebuilder.pagemodel.page import page as page_model
from sitebuilder.pagemodel.site import LANGUAGES, language_of

CHAPTERS = "chapters"


def chapter_names(docs_dir):
    """Chapter file names present in every language ("03-computational-graphs.md", ...)."""
    found = [{p.name for p in (Path(docs_dir) / language / CHAPTERS).glob("*.md")} for language in LANGUAGES]
    return sorted(set.intersection(*found))


def _dest_uri(language, name):
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    return f"{prefix}{FOLDER}/{CHAPTERS}/{name[:-3]}/index.html"


def _file(config, language, name, content):
    file = File.generated(config, f"{language}/{FOLDER}/{CHAPTERS}/{name}", content=content,
                          inclusion=InclusionLevel.NOT_IN_NAV)
    file.dest_uri = _dest_uri(language, name)
    file.abs_dest_path = str(Path(config["site_dir"]) / file.dest_uri)
    return file


def side_by_side_pages(files, build):
    """Adds this language build's side-by-side page of every chapter (after i18n has sorted the files)."""
    config = build.config
    i18n = config.plugins.get("i18n")
    language = i18n.current_language if i18n is not None else LANGUAGES[0]
    docs = Path(config["docs_dir"])
    names = chapter_names(docs)
    added = []
    for name in names:
        ko, en = (page_model(docs / lang / CHAPTERS / name) for lang in LANGUAGES)
        try:
            markdown = side_by_side(ko, en, name, language, set(names))
        except AlignmentError as error:
            raise PluginError(f"the side-by-side page of {name}: {error}") from None
        file = _file(config, language, name, markdown)
        # What mkdocs-static-i18n gives its own files: the language selector links the twin page.
        file.locale, file.locale_alternate_of, file.localization = language, language, language
        file.norm_src_uri = f"{FOLDER}/{CHAPTERS}/{name}"
        file.alternates = {lang: (file if lang == language else _file(config, lang, name, "")) for lang in LANGUAGES}
        files.append(file)
        added.append(file)
    if i18n is not None:  # the list i18n's sitemap.xml template walks
        i18n.i18n_files_per_language[i18n.current_language].extend(added)
    return files


def is_side_by_side(page):
    return page.file.src_uri.split("/")[1:2] == [FOLDER]


def link_to_side_by_side(markdown, page, build):
    """A chapter gets a link to its side-by-side page under its title."""
    parts = page.file.src_uri.split("/")
    if len(parts) != 3 or parts[1] != CHAPTERS or parts[0] not in LANGUAGES:
        return markdown
    lines = markdown.split("\n")
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if title is None:
        raise PluginError(
            f"docs/{page.file.src_uri}: expected a title line ('# ...') to put the side-by-side link under"
        )
    link = f"[{WORDS[language_of(page.file.src_uri)]['open']}](../{FOLDER}/{CHAPTERS}/{parts[2]}){{ .bridge-open }}"
    lines[title + 1 : title + 1] = ["", link]
    return "\n".join(lines)
