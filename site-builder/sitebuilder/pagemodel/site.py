"""The repository and its mkdocs.yml, read in one place.

Everything that must agree with the site build (the languages, the
pymdownx.snippets settings, the navigation) is read from mkdocs.yml here
rather than copied, so the tests see pages exactly as the build does.
"""

import os
from functools import cache
from pathlib import Path

import yaml

ROOT_SETTING = "BACKPROP_DOCS_ROOT"


def _repository():
    """The checkout this package is installed from (editable): the folder above it
    holding mkdocs.yml; or the copy of the site BACKPROP_DOCS_ROOT names (as
    tests/test_broken_pages.py runs the tests on a copy with broken pages)."""
    if os.environ.get(ROOT_SETTING):
        root = Path(os.environ[ROOT_SETTING]).resolve()
        if not (root / "mkdocs.yml").is_file():
            raise RuntimeError(f"{ROOT_SETTING}={root} is not a copy of the site (no mkdocs.yml in it)")
        return root
    for folder in Path(__file__).resolve().parents:
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise RuntimeError(f"{__file__} is not inside a checkout of the site (no mkdocs.yml above it)")


REPO = _repository()
DOCS = REPO / "docs"
CONFIG = REPO / "mkdocs.yml"


class _IgnorePythonTags(yaml.SafeLoader):
    """mkdocs.yml names Python objects (``!!python/name:...``); reading the
    settings does not need them, and a safe loader must not import them."""


_IgnorePythonTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_yaml(text):
    """YAML as mkdocs.yml and page front matter are written (python tags read as None)."""
    return yaml.load(text, Loader=_IgnorePythonTags)


def load_entries(path, fields):
    """A YAML table of named entries, each a mapping holding at least ``fields``
    (the phrase tables the number checks read); a missing field names the entry."""
    table = load_yaml(path.read_text(encoding="utf-8"))
    for key, entry in table.items():
        if not isinstance(entry, dict) or not set(fields) <= set(entry):
            raise ValueError(f"{path}: entry {key!r} needs {', '.join(fields[:-1])} and {fields[-1]} lists")
    return table


@cache
def mkdocs_config():
    return load_yaml(CONFIG.read_text(encoding="utf-8"))


def _entry(section, name, what):
    """One entry of a mkdocs.yml list (plugins, markdown_extensions): a bare name
    or a one-key mapping to its settings."""
    for entry in mkdocs_config().get(section, []):
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
        if entry == name:
            return {}
    raise KeyError(f"mkdocs.yml has no {what} {name!r}")


def plugin_config(name):
    return _entry("plugins", name, "plugin")


def markdown_extension(name):
    """The settings of one entry of mkdocs.yml's markdown_extensions."""
    return _entry("markdown_extensions", name, "markdown extension")


def _languages():
    locales = [lang["locale"] for lang in plugin_config("i18n")["languages"]]
    default = [lang["locale"] for lang in plugin_config("i18n")["languages"] if lang.get("default")]
    return tuple(default + [locale for locale in locales if locale not in default])


# The site's languages, the default (built at /) first: ("ko", "en").
LANGUAGES = _languages()


def language_of(path):
    """The language a source path or URL belongs to ("en/chapters/x/" -> "en"):
    its first part when that names a language, else the default, whose pages
    are built at the site's root ("chapters/x/" -> "ko")."""
    first = path.split("/", 1)[0]
    return first if first in LANGUAGES else LANGUAGES[0]


def snippet_settings():
    """pymdownx.snippets as mkdocs.yml configures it, with base paths made
    absolute (the build runs from the repository root; the tests may not)."""
    settings = dict(markdown_extension("pymdownx.snippets"))
    settings["base_path"] = [str((REPO / p).resolve()) for p in settings.get("base_path", ["."])]
    return settings


def nav_paths(entries=None):
    """Every page path of the navigation, in order."""
    for entry in mkdocs_config()["nav"] if entries is None else entries:
        if isinstance(entry, str):
            yield entry
        elif isinstance(entry, dict):
            for value in entry.values():
                if isinstance(value, str):
                    yield value
                else:
                    yield from nav_paths(value)


def page_files(language):
    """The Markdown pages of one language."""
    return sorted((DOCS / language).rglob("*.md"))


def relative(path):
    """A path as the repository names it (one elsewhere, such as a page a test
    writes to a temporary folder, is shown as it is)."""
    try:
        return Path(path).resolve().relative_to(REPO).as_posix()
    except ValueError:
        return Path(path).as_posix()


BUILD_CACHE = REPO / ".cache"
NO_BUILD_CACHE = "BACKPROP_DOCS_NO_CACHE"


def build_cache_used():
    """False when BACKPROP_DOCS_NO_CACHE=1: the build then keeps nothing between
    builds or pages (compiled templates, KaTeX's output, highlighted code) and
    writes no cache; tests/test_build_cache.py builds so and compares."""
    return os.environ.get(NO_BUILD_CACHE, "") in ("", "0")
