"""Leave out of the site the theme files no reader's browser ever asks for.

Material copies its whole assets folder into every site: the source maps of its
scripts and stylesheets (about 1.3 MB, read only by a developer's debugger) and
lunr's language support for some thirty languages (about 0.9 MB, most of it
Thai and Hindi word lists), whatever ``plugins.search.lang`` says. Material has
no setting for either. After the build this hook deletes the maps (and the
comment pointing at each) and every lunr file that Material's search worker
would not load for the languages the search index names.

The worker's rule, copied here (a Material upgrade that changes it fails the
build here, naming the file): nothing extra for English alone; otherwise
``min/lunr.stemmer.support.min.js``, ``min/lunr.<lang>.min.js`` for each
language but English, ``min/lunr.multi.min.js`` for more than one language,
``tinyseg.js`` for Japanese and ``wordcut.js`` for Hindi and Thai.
"""

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

ASSETS = Path("assets")
LUNR = ASSETS / "javascripts" / "lunr"
WORKERS = ASSETS / "javascripts" / "workers"
SEARCH_INDEX = Path("search") / "search_index.json"
SOURCE_MAP_COMMENT = re.compile(r"\n?/[/*]# sourceMappingURL=\S+?\.map(?: \*/)?\s*$")
# What the worker's loader looks like in Material 9.x: every file name it builds.
WORKER_LOADER = ("/min/lunr.stemmer.support.min.js", "/min/lunr.multi.min.js", "/tinyseg.js", "/wordcut.js")


def lunr_files_loaded(languages):
    """The files under assets/javascripts/lunr that Material's worker loads for `languages`."""
    files = set()
    for language in languages:
        if language == "ja":
            files.add("tinyseg.js")
        if language in ("hi", "th"):
            files.add("wordcut.js")
        if language != "en":
            files.add(f"min/lunr.{language}.min.js")
    if len(languages) > 1:
        files.add("min/lunr.multi.min.js")
    if files:
        files.add("min/lunr.stemmer.support.min.js")
    return files


def _check_worker(site):
    workers = sorted((site / WORKERS).glob("search.*.min.js"))
    if not workers:
        raise PluginError(f"Material's search worker is missing from {site / WORKERS}")
    for worker in workers:
        script = worker.read_text(encoding="utf-8")
        missing = [name for name in WORKER_LOADER if name not in script]
        if missing:
            raise PluginError(f"{worker}: its lunr loader no longer names {missing}; check {__file__}")


def remove_source_maps(site):
    for source_map in sorted((site / ASSETS).rglob("*.map")):
        compiled = source_map.with_suffix("")  # bundle.x.min.js.map -> bundle.x.min.js
        if compiled.is_file():
            text = compiled.read_text(encoding="utf-8")
            trimmed = SOURCE_MAP_COMMENT.sub("\n", text)
            if trimmed != text:
                compiled.write_text(trimmed, encoding="utf-8")
        source_map.unlink()


def remove_unused_lunr(site):
    index = site / SEARCH_INDEX
    if not index.is_file():
        raise PluginError(f"{index} is missing: the search plugin is expected to write it")
    languages = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
    _check_worker(site)
    keep = lunr_files_loaded(languages)
    lunr = site / LUNR
    absent = [name for name in keep if not (lunr / name).is_file()]
    if absent:
        raise PluginError(f"search for {languages} needs {absent}, missing from {lunr}")
    for path in sorted(lunr.rglob("*.js")):
        if path.relative_to(lunr).as_posix() not in keep:
            path.unlink()


def remove_unused_assets(build):
    """Source maps and unused lunr languages out of the finished site (after i18n merged the index)."""
    site = Path(build.config.site_dir)
    remove_source_maps(site)
    remove_unused_lunr(site)
