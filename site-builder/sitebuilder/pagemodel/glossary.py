"""docs/glossary.yml: loaded, checked, and rendered as a table.

The build (site-builder/sitebuilder/transforms/glossary.py renders the glossary pages) and the tests (the
lint of the Korean pages against each entry's ``avoid`` list) read the file
through ``load_glossary``, so both reject the same malformed file.
"""

import re
from pathlib import Path, PurePosixPath

import yaml

from sitebuilder.pagemodel.site import DOCS, LANGUAGES

try:  # MkDocs is present when the site is built; the tests only need the functions.
    from mkdocs.exceptions import PluginError
except ImportError:  # pragma: no cover
    PluginError = RuntimeError

MARKER = "<!-- glossary-table -->"
DATA_FILE = "glossary.yml"
GLOSSARY = DOCS / DATA_FILE
PAGE = "glossary.md"
ENTRY_KEYS = {"ko", "en", "definition", "avoid"}

HEADERS = {
    "ko": ("용어", "영어", "뜻"),
    "en": ("Term", "Korean", "Meaning"),
}


class GlossaryError(PluginError):
    """The glossary data or a glossary page is not usable."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that rejects a key written twice in one mapping
    (PyYAML would silently keep the last one)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise GlossaryError(
                    f"line {key_node.start_mark.line + 1}: key {key!r} is written twice in one entry"
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _text(value):
    return isinstance(value, str) and value.strip() != ""


def validate(data, source="glossary.yml"):
    """Check the structure of the parsed file; return its list of entries."""
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list) or not data["terms"]:
        raise GlossaryError(f"{source}: expected a top-level 'terms:' list with at least one entry")
    problems = []
    seen = {"ko": {}, "en": {}}
    avoid_owner = {}
    for number, entry in enumerate(data["terms"], start=1):
        where = f"{source}: entry {number}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping with ko, en, definition")
            continue
        name = entry.get("ko") or entry.get("en") or "?"
        where = f"{where} ({name})"
        unknown = set(entry) - ENTRY_KEYS
        if unknown:
            problems.append(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(ENTRY_KEYS)}")
        for language in LANGUAGES:
            term = entry.get(language)
            if not _text(term):
                problems.append(f"{where}: '{language}' (the term in that language) is missing or empty")
                continue
            folded = term.strip().casefold()
            if folded in seen[language]:
                problems.append(
                    f"{where}: {language} term {term!r} duplicates entry {seen[language][folded]}"
                )
            seen[language][folded] = number
        definition = entry.get("definition")
        if not isinstance(definition, dict) or not all(_text(definition.get(lang)) for lang in LANGUAGES):
            problems.append(f"{where}: 'definition' needs a non-empty 'ko' and 'en'")
        elif set(definition) - set(LANGUAGES):
            problems.append(f"{where}: 'definition' has unknown key(s) {sorted(set(definition) - set(LANGUAGES))}")
        avoid = entry.get("avoid", [])
        if not isinstance(avoid, list) or not all(_text(a) for a in avoid):
            problems.append(f"{where}: 'avoid' must be a list of non-empty strings")
            continue
        for wrong in avoid:
            if wrong in avoid_owner:
                problems.append(f"{where}: avoided rendering {wrong!r} is already listed by {avoid_owner[wrong]}")
            avoid_owner[wrong] = name
    # An avoided rendering inside a correct term would reject the correct term.
    for wrong, owner in avoid_owner.items():
        for entry in data["terms"]:
            if isinstance(entry, dict) and _text(entry.get("ko")) and wrong in entry["ko"]:
                problems.append(f"{source}: avoided rendering {wrong!r} ({owner}) occurs in the term {entry['ko']!r}")
    if problems:
        raise GlossaryError("the glossary is malformed:\n  " + "\n  ".join(problems))
    return data["terms"]


def load_glossary(path):
    """Read and check the glossary file; raise GlossaryError if it is unusable."""
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except FileNotFoundError:
        raise GlossaryError(f"{path} is missing: the glossary pages are rendered from it") from None
    except yaml.YAMLError as error:
        raise GlossaryError(f"{path} is not valid YAML: {error}") from None
    except GlossaryError as error:
        raise GlossaryError(f"{path}: {error}") from None
    return validate(data, source=path.name)


def _cell(text):
    return " ".join(str(text).split()).replace("|", "\\|")


def sort_key(language):
    if language == "ko":
        # Hangul syllables are encoded in dictionary (가나다) order.
        return lambda entry: entry["ko"].replace("-", "")
    return lambda entry: entry["en"].casefold()


def render_table(entries, language):
    """The glossary as a Markdown table for one language."""
    if language not in LANGUAGES:
        raise GlossaryError(f"no glossary layout for language {language!r}")
    other = "en" if language == "ko" else "ko"
    head = HEADERS[language]
    rows = [f"| {head[0]} | {head[1]} | {head[2]} |", "| --- | --- | --- |"]
    for entry in sorted(entries, key=sort_key(language)):
        rows.append(
            f"| **{_cell(entry[language])}** | {_cell(entry[other])} | {_cell(entry['definition'][language])} |"
        )
    return "\n".join(rows)


def fill_page(markdown, entries, language, page_name):
    """Replace the marker line with the table; the marker must be there, once."""
    lines = markdown.split("\n")
    markers = [i for i, line in enumerate(lines) if line.strip() == MARKER]
    if len(markers) != 1:
        found = "no" if not markers else f"{len(markers)}"
        raise GlossaryError(
            f"{page_name}: expected exactly one line '{MARKER}' where the glossary table goes, found {found}"
        )
    # In a block of its own class: on a phone extra.css shows each row as a stacked entry.
    lines[markers[0]] = f'<div class="glossary" markdown>\n\n{render_table(entries, language)}\n\n</div>'
    return "\n".join(lines)


def page_language(src_uri):
    """'ko/glossary.md' -> 'ko'; None for any other page."""
    parts = PurePosixPath(src_uri).parts
    if len(parts) == 2 and parts[0] in LANGUAGES and parts[1] == PAGE:
        return parts[0]
    return None


# --- the lint: wrong renderings in what a reader sees ------------------------------


def suggestions(entries):
    """Each wrong rendering -> the entry to use instead."""
    return {wrong: entry for entry in entries for wrong in entry.get("avoid", [])}


def pattern_of(wrong):
    # "역 전파" also matches "역  전파" or a line break between the words.
    return re.compile(r"\s+".join(re.escape(part) for part in wrong.split()))


def find_wrong_terms(text, wrong_to_entry):
    """(column, wrong rendering as written, entry) for each hit in one line;
    where hits overlap ("체중" inside "체중 감량") the longest is kept."""
    hits = []
    for wrong, entry in wrong_to_entry.items():
        for match in pattern_of(wrong).finditer(text):
            hits.append((match.start(), match.end(), match.group(), entry))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept, end = [], -1
    for start, stop, written, entry in hits:
        if start >= end:
            kept.append((start + 1, written, entry))
            end = stop
    return kept


def lint_lines(name, lines, wrong_to_entry):
    """Messages (name:line:column) for every wrong rendering in (line, text) pairs."""
    return [
        f"{name}:{number}:{column}: '{written}' is a mistranslation; "
        f"use '{entry['ko']}' ({entry['en']}), see docs/glossary.yml"
        for number, text in lines
        for column, written, entry in find_wrong_terms(text, wrong_to_entry)
    ]
