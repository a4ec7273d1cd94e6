"""Render docs/glossary.yml as the glossary page of each language.

docs/ko/glossary.md and docs/en/glossary.md hold a title, a short
introduction and the marker line ``<!-- glossary-table -->``; this hook
replaces the marker with a table of every term, sorted for that language
(pagemodel/glossary.py reads, checks and renders the data). A malformed file
or a glossary page without its marker stops the build with an error instead
of publishing an empty or stale glossary.
"""

from pathlib import Path

from sitebuilder.pagemodel.glossary import (
    DATA_FILE,
    MARKER,
    PAGE,
    GlossaryError,
    fill_page,
    load_glossary,
    page_language,
)

_entries = None


def load_glossary_data(config):
    """Reads and checks docs/glossary.yml once per build; `mkdocs serve` watches it."""
    global _entries
    data_file = Path(config["docs_dir"]) / DATA_FILE
    _entries = load_glossary(data_file)
    if str(data_file) not in config["watch"]:
        config["watch"].append(str(data_file))  # `mkdocs serve` rebuilds when it changes
    return config


def entries():
    """The checked glossary entries of this build (loaded by ``load_glossary_data``)."""
    if _entries is None:  # pragma: no cover - on_config always runs first
        raise GlossaryError("the glossary was not loaded")
    return _entries


def leave_out_glossary_data(files, build):
    """The data file is an input of the glossary pages, not a file to publish."""
    data = files.get_file_from_path(DATA_FILE)
    if data is not None:
        files.remove(data)
    return files


def fill_glossary_table(markdown, page, build):
    """The marker line of each glossary page becomes the table of every term."""
    language = page_language(page.file.src_uri)
    if language is None:
        if MARKER in markdown:
            raise GlossaryError(f"{page.file.src_uri}: the glossary marker belongs only in ko/ and en/{PAGE}")
        return markdown
    if _entries is None:  # pragma: no cover - on_config always runs first
        raise GlossaryError("the glossary was not loaded")
    return fill_page(markdown, _entries, language, f"docs/{page.file.src_uri}")
