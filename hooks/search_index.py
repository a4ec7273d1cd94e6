"""One search index per language: Korean results on Korean pages, English on English ones.

mkdocs-static-i18n merges the pages of every language into one
search/search_index.json, and Material's search loads that file from the
site root on every page, so a query on /en/ listed Korean pages too. After
the build this hook splits the merged index: the Korean pages stay in
search/search_index.json, the English ones move to en/search/search_index.json
(their locations made relative to en/), and every English page's Material
configuration names en/ as its base, where the search script looks for the
index. Nothing else on these pages reads that base (no instant navigation,
no version selector).
"""

import json
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    # MkDocs loads a hook by its file path; `mkdocs build` (unlike `python -m
    # mkdocs`) does not put the project root on sys.path for its imports.
    sys.path.insert(0, str(REPO))

from pagemodel.site import LANGUAGES  # noqa: E402  (read from mkdocs.yml)
from pagemodel.site import language_of as site_language  # noqa: E402

OTHER_LANGUAGES = LANGUAGES[1:]  # every language but the default one, which is built at the root
INDEX = Path("search") / "search_index.json"
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def language_of(location):
    """The language of a search location, None for the default one (built at the root)."""
    language = site_language(location)
    return None if language == LANGUAGES[0] else language


def split_index(index):
    """{language or None: index} with each entry once, locations relative to its language root."""
    parts = {None: []}
    parts.update({language: [] for language in OTHER_LANGUAGES})
    seen = set()
    for entry in index["docs"]:
        # Material's search script fails on two entries with one location.
        if entry["location"] in seen:
            continue
        seen.add(entry["location"])
        language = language_of(entry["location"])
        if language is not None:
            entry = dict(entry, location=entry["location"][len(language) + 1 :])
        parts[language].append(entry)
    return {language: dict(index, docs=docs) for language, docs in parts.items()}


@event_priority(-200)  # after mkdocs-static-i18n (-100) writes the merged index
def on_post_build(config):
    site = Path(config.site_dir)
    merged_path = site / INDEX
    if not merged_path.is_file():
        raise PluginError(f"{merged_path} is missing: the search plugin is expected to write it")
    index = json.loads(merged_path.read_text(encoding="utf-8"))
    for language, part in split_index(index).items():
        path = site / language / INDEX if language else merged_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


@event_priority(-200)
def on_post_page(output, page, config):
    language = language_of(page.url)
    if language is None:
        return output
    match = CONFIG_SCRIPT.search(output)
    if match is None:
        raise PluginError(f"{page.file.src_uri}: Material's __config script is missing")
    settings = json.loads(match[2])
    # base is the site root relative to this page ("../.." on en/chapters/x/); add en/.
    settings["base"] = posixpath.join(settings["base"], language, "")
    return output[: match.start(2)] + json.dumps(settings, ensure_ascii=False) + output[match.end(2) :]
