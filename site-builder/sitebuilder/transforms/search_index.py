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
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuilder.pagemodel.site import LANGUAGES  # read from mkdocs.yml
from sitebuilder.pagemodel.site import language_of as site_language

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


def split_search_index(build):
    """The merged index of every language, split into one index per language."""
    site = Path(build.config.site_dir)
    merged_path = site / INDEX
    if not merged_path.is_file():
        raise PluginError(f"{merged_path} is missing: the search plugin is expected to write it")
    index = json.loads(merged_path.read_text(encoding="utf-8"))
    for language, part in split_index(index).items():
        path = site / language / INDEX if language else merged_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def language_search_base(output, page, build):
    """An English page's search script looks for its index under en/."""
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
