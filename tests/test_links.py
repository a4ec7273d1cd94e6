"""Every link inside the built site leads somewhere.

Reads every HTML file of ``site/`` (Korean at the root, English under en/)
and checks that each internal href/src names a file that was built, and that
each ``#anchor`` is an id in the page it points to. External links are not
followed (the tests never use the network).
"""

import posixpath
from collections import defaultdict
from functools import cache
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest

from tests.site_build import SITE, site_pages, site_root_path

# Attributes that make the browser fetch or navigate to something.
LINK_ATTRIBUTES = {"href", "src", "poster", "data"}
# Material writes these links itself and they are right by construction or not
# meant to resolve inside the site.
IGNORED_RELS = {"canonical", "preconnect", "dns-prefetch"}


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []  # (tag, attribute, value)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name" if tag == "a" else None):
            if name and attributes.get(name):
                self.ids.add(attributes[name])
        if tag == "link" and IGNORED_RELS & set((attributes.get("rel") or "").split()):
            return
        for name, value in attrs:
            if value is None:
                continue
            if name in LINK_ATTRIBUTES:
                self.links.append((tag, name, value))
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((tag, name, candidate.split()[0]))

    handle_startendtag = handle_starttag


@cache
def parse(path):
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def html_files(site):
    return sorted(site.rglob("*.html"))


def resolve(page, link, root_path):
    """The file a link from ``page`` names and its fragment, or None for a link
    that leaves the site."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None  # http(s), mailto:, data:, javascript:, //host
    page_dir = "/" + page.parent.relative_to(SITE).as_posix()
    path = unquote(parts.path)
    if not path:
        target = page
    else:
        if path.startswith("/"):
            # Absolute links carry site_url's path (404.html uses them).
            if root_path != "/" and path.startswith(root_path):
                path = "/" + path[len(root_path):]
        else:
            path = posixpath.join(page_dir, path)
        normal = posixpath.normpath(path)
        if path.endswith("/") and not normal.endswith("/"):
            normal += "/"
        target = SITE / normal.lstrip("/")
        if normal.endswith("/") or target.is_dir():
            target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site):
    root_path = site_root_path()
    broken = defaultdict(list)
    for page in html_files(site):
        for tag, attribute, link in parse(page).links:
            resolved = resolve(page, link, root_path)
            if resolved is None:
                continue
            target, fragment = resolved
            where = page.relative_to(site).as_posix()
            if not target.is_file():
                broken[where].append(f"<{tag} {attribute}={link!r}>: no file {target.relative_to(site)}")
            elif fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                broken[where].append(
                    f"<{tag} {attribute}={link!r}>: no id {fragment!r} in {target.relative_to(site)}"
                )
    return broken


def test_every_internal_link_and_anchor_resolves(built_site):
    broken = broken_links(built_site)
    report = "\n".join(
        f"{page} -> {problem}" for page, problems in sorted(broken.items()) for problem in problems
    )
    assert not broken, f"{sum(map(len, broken.values()))} broken link(s) in the built site:\n{report}"


@pytest.mark.parametrize("url", site_pages())
def test_every_navigation_page_is_built_as_an_html_page(built_site, url):
    page = built_site / url / "index.html"
    assert page.is_file(), f"{url or '/'} is in the navigation but site/{url}index.html was not built"
    head = page.read_text(encoding="utf-8", errors="replace")[:200].lstrip().lower()
    assert head.startswith("<!doctype html"), (
        f"site/{url}index.html is not an HTML page; it starts with {head[:60]!r}"
    )
