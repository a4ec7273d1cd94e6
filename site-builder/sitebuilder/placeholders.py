"""Is any placeholder address left in a built site?

mkdocs.yml names a placeholder repository so every build is the same; a deploy build
(``SITE_REPOSITORY=owner/name``) must replace it everywhere a reader can see or
download it: pages, code blocks, notebooks, search indexes, the sitemap. This reads
every file of a built site (``.gz`` files decompressed) and prints each line that
still names mkdocs.yml's repository (``owner/name`` of repo_url, also as JSON or a
URL escapes it) or the host of its site_url::

    python -m sitebuilder.placeholders site-deploy    # exit 1 when any is left
"""

import argparse
import gzip
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from sitebuilder.pagemodel.site import CONFIG, load_yaml

# How much of a matching line is printed on each side of the match (search
# indexes and minified scripts are one very long line).
CONTEXT = 60
# A name part of an address: owner, repository or host label.
_NAME = r"[A-Za-z0-9_-]"


def placeholder_names(repo_url, site_url):
    """What names the placeholders: repo_url's ``owner/name`` and site_url's host."""
    names = []
    owner_and_name = urlsplit(repo_url or "").path.strip("/").removesuffix(".git")
    if owner_and_name.count("/") == 1:
        names.append(owner_and_name)
    if host := urlsplit(site_url or "").hostname:
        names.append(host)
    if not names:
        raise SystemExit(
            "no placeholder to look for: expected repo_url https://github.com/owner/name or a site_url, "
            f"got repo_url={repo_url!r}, site_url={site_url!r}"
        )
    return names


def pattern_of(names):
    """Any of `names`, not as part of a longer name (``example.github.io`` is not
    ``myexample.github.io``), its slash also as JSON (``\\/``) or a URL (``%2F``) escapes it."""
    escaped = (re.escape(name).replace("/", r"(?:/|\\/|%2F)") for name in names)
    return re.compile(rf"(?:(?<![\w.-])|(?<=%2F))(?:{'|'.join(escaped)})(?!{_NAME})", re.IGNORECASE)


def names_in_config(config_file=CONFIG):
    """The placeholder names in the repo_url and site_url a mkdocs.yml writes."""
    written = load_yaml(Path(config_file).read_text(encoding="utf-8")) or {}
    return placeholder_names(written.get("repo_url"), written.get("site_url"))


def _text(path):
    data = path.read_bytes()
    if path.suffix == ".gz":  # sitemap.xml.gz
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def find_placeholders(site, pattern):
    """(file, line number, excerpt) for every match of `pattern` in the files under `site`."""
    found = []
    for path in sorted(p for p in Path(site).rglob("*") if p.is_file()):
        for number, line in enumerate(_text(path).splitlines(), start=1):
            for match in pattern.finditer(line):
                start, end = max(match.start() - CONTEXT, 0), match.end() + CONTEXT
                found.append((path, number, line[start:end].strip()))
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m sitebuilder.placeholders", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site folder (e.g. site-deploy)")
    parser.add_argument("--config", type=Path, default=CONFIG, help="the mkdocs.yml naming the placeholders")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site}: expected a built site folder (with an index.html); build it first")
    names = names_in_config(args.config)
    found = find_placeholders(args.site, pattern_of(names))
    for path, number, excerpt in found:
        print(f"{path}:{number}: {excerpt}")
    files = len({path for path, _, _ in found})
    if found:
        print(f"{len(found)} placeholder address(es) in {files} file(s) of {args.site} "
              f"({', '.join(names)}): was the site built with SITE_REPOSITORY=owner/name?")
        return 1
    print(f"no placeholder address in {args.site} (looked for {', '.join(names)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
