"""The exercise notebook pages of the built site are pages like the others.

Read from the built HTML (no browser): folded solutions are in the delivered
markup (nothing folds after load), no JupyterLab stylesheet, prompts or tag
labels, unique non-empty heading ids, the language switcher and hreflang
links point to the twin, the sitemap and the search index list every
notebook page once, and each page stays small.
"""

import json
import re
from collections import Counter

import pytest

from sitebuilder.generators.exercise_notebooks import sources
from tests.site_build import LANGUAGES

PAGE_LIMIT = 100_000  # bytes, before gzip
NOTEBOOK_URLS = [("" if lang == "ko" else "en/") + f"exercises/{name}/" for lang in LANGUAGES for name in sources()]


def html_of(site, url):
    return (site / url / "index.html").read_text(encoding="utf-8")


def article(html):
    return html[html.index("<article"):html.index("</article>")]


@pytest.mark.parametrize("url", NOTEBOOK_URLS)
def test_notebook_page_uses_the_pages_markup(built_site, url):
    html = html_of(built_site, url)
    body = article(html)
    size = len(html.encode("utf-8"))
    assert size < PAGE_LIMIT, f"/{url} is {size} bytes (limit {PAGE_LIMIT})"
    assert "<style" not in body and "jp-" not in body, f"/{url} still carries JupyterLab markup or CSS"
    assert not re.search(r"In&nbsp;\[|In \[\d*\]:", body), f"/{url} shows an input prompt"
    assert "cell-tag" not in body and "$$" not in body
    assert '<div class="language-python highlight">' in body


@pytest.mark.parametrize("url", NOTEBOOK_URLS)
def test_solutions_are_folded_in_the_delivered_html(built_site, url):
    body = article(html_of(built_site, url))
    label = "풀이 보기" if not url.startswith("en/") else "Show the solution"
    folds = re.findall(r'<details class="solution"><summary>(.*?)</summary>', body)
    assert folds and set(folds) == {label}, f"/{url}: solution folds {folds}, expected {label!r}"
    assert '<details class="solution" open' not in body


@pytest.mark.parametrize("url", NOTEBOOK_URLS)
def test_headings_have_unique_non_empty_ids(built_site, url):
    ids = re.findall(r"<h[1-6][^>]*\bid=\"([^\"]*)\"", article(html_of(built_site, url)))
    assert ids and all(ids), f"/{url}: a heading has an empty id"
    assert len(ids) == len(set(ids)), f"/{url}: duplicate heading ids {ids}"


@pytest.mark.parametrize("url", NOTEBOOK_URLS)
def test_language_links_point_to_the_twin(built_site, url):
    html = html_of(built_site, url)
    name = url.rstrip("/").rsplit("/", 1)[1]
    for hreflang in LANGUAGES:
        links = re.findall(rf'<a href="([^"]*)" hreflang="{hreflang}" class="md-select__link"', html)
        assert links, f"/{url} has no {hreflang} language link"
        assert links[0] == "./" or links[0].rstrip("/").endswith(f"exercises/{name}"), (
            f"/{url}: the {hreflang} switcher goes to {links[0]}, not to the twin"
        )


def test_sitemap_lists_every_notebook_page_once(built_site):
    locs = re.findall(r"<loc>([^<]*)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))
    for url in NOTEBOOK_URLS:
        found = [loc for loc in locs if loc.endswith("/" + url)
                 and (url.startswith("en/") or "/en/" not in loc)]
        assert len(found) == 1, f"sitemap.xml lists /{url} {len(found)} times"


def test_search_index_has_no_empty_or_duplicate_notebook_entries(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    notebook = [loc for loc in locations if "exercises/0" in loc]
    assert len(notebook) >= len(NOTEBOOK_URLS)
    assert not [loc for loc in notebook if loc.endswith("#")], "an entry with an empty id"
    assert not [loc for loc, n in Counter(locations).items() if n > 1], "duplicate search locations"
    titles = [doc["title"] for doc in index["docs"] if doc["location"] in notebook]
    assert all(titles) and not [t for t in titles if t.endswith("¶")], titles
