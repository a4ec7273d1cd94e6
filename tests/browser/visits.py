"""One visit per (page, screen size), shared by the per-page browser tests.

A page is opened once at each size and measured for every check (requests
to other hosts, console errors, layout shift, axe, diagram label sizes);
test_offline.py, test_a11y.py and test_diagram_labels.py each assert one of
them, so a failure names what is wrong without reloading the page.
"""

from dataclasses import dataclass

from tests.browser.measure import (
    DESKTOP,
    LAYOUT_SHIFT_OBSERVER,
    PHONE,
    axe_violations,
    diagram_labels,
    layout_shift,
    wait_until_drawn,
)
from tests.site_build import site_pages

PAGES = site_pages()
SIZES = {"phone": PHONE, "desktop": DESKTOP}
# Late work that can still move the page: web fonts, then two frames.
SETTLED = (
    "() => document.fonts.ready.then("
    "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))"
)


@dataclass
class Visit:
    other_hosts: list  # every request that left the site's origin (served or not)
    problems: list  # console errors, exceptions, failed loads (conftest's PageLog)
    layout_shift: float
    axe: list
    labels: list  # diagram labels with their shown size in px


_visits = {}


def describe(url, size):
    return f"/{url} ({'English' if url.startswith('en/') else 'Korean'}, {size})"


def visit(request, url, size):
    key = (url, size)
    if key not in _visits:
        page = request.getfixturevalue("page")
        page_log = request.getfixturevalue("page_log")
        site_url = request.getfixturevalue("site_url")
        other_hosts = []
        page.on(
            "request",
            lambda r: None if page_log.is_local(r.url) or r.url.startswith("data:") else other_hosts.append(r.url),
        )
        page.set_viewport_size(SIZES[size])
        page.add_init_script(LAYOUT_SHIFT_OBSERVER)
        page.goto(site_url + url, wait_until="load")
        wait_until_drawn(page)
        page.evaluate(SETTLED)
        _visits[key] = Visit(
            other_hosts=other_hosts,
            problems=page_log.problems(),
            layout_shift=layout_shift(page),
            axe=axe_violations(page),
            labels=diagram_labels(page),
        )
    return _visits[key]
