"""What a browser page did, and the rules every test page lives by.

A page under `watch` reaches the local server only (every other request is
aborted and recorded), and its console errors, exceptions and failed loads
are kept in a PageLog. conftest.py's `page` fixture and the per-page visits
(visits.py, which open their own pages) share it.
"""

import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Material's search worker loads these after the page is shown, whatever the page.
SEARCH_FILES = ("/search/search_index.json", "/assets/javascripts/lunr/", "/assets/javascripts/workers/search.")
DEFAULT_TIMEOUT_MS = 15_000


@dataclass
class PageLog:
    """What happened while a test's page was open."""

    origin: str  # http://127.0.0.1:PORT
    console_errors: list = field(default_factory=list)  # (text, source url)
    page_errors: list = field(default_factory=list)
    failed_requests: list = field(default_factory=list)  # local: (url, reason)
    aborted_external: list = field(default_factory=list)  # every request sent outside
    in_flight: set = field(default_factory=set)  # requests sent and not yet answered

    @classmethod
    def of_site(cls, site_url):
        """An empty log for pages of the site served at `site_url`."""
        parts = urlsplit(site_url)
        return cls(origin=f"{parts.scheme}://{parts.netloc}")

    def pending(self, search=True):
        """Requests not yet answered; without the search worker's if not `search`."""
        return [r for r in self.in_flight if search or not any(f in r.url for f in SEARCH_FILES)]

    def is_local(self, url):
        return url == self.origin or url.startswith(self.origin + "/")

    def is_sitemap_probe(self, url):
        """Material 9.8 fetches sitemap.xml beside every <link rel=alternate>
        to map pages between languages. It expects those links to point at a
        language's root; mkdocs-static-i18n points them at the page itself, so
        the probe 404s (on any server) and Material falls back to the plain
        link. Harmless: the language switcher test follows those links."""
        return self.is_local(url) and url.endswith("/sitemap.xml")

    def is_explained(self, url):
        """A failed load that is recorded elsewhere or known to be harmless."""
        return url in self.aborted_external or self.is_sitemap_probe(url)

    def problems(self):
        """Console errors, uncaught exceptions and failed loads, one line each."""
        lines = [
            f"console error: {text}" + (f" ({source})" if source else "")
            for text, source in self.console_errors
            if not (text.startswith("Failed to load resource") and self.is_explained(source))
        ]
        lines += [f"uncaught exception: {text}" for text in self.page_errors]
        lines += [
            f"failed request: {url} ({reason})"
            for url, reason in self.failed_requests
            if not self.is_sitemap_probe(url)
        ]
        lines += [f"request to the network (aborted): {url}" for url in self.aborted_external]
        return lines


def watch(page, page_log):
    """`page`, its network limited to the local server and its events kept in `page_log`."""

    def route(route):
        page_log.aborted_external.append(route.request.url)
        route.abort("internetdisconnected")

    # Only requests that leave the local server go through Python.
    page.context.route(re.compile(r"^(?!" + re.escape(page_log.origin) + r"/)"), route)
    page.set_default_timeout(DEFAULT_TIMEOUT_MS)

    def on_console(message):
        if message.type == "error":
            # Failed loads show up here as well; problems() drops those whose
            # request is recorded as aborted or known to be harmless.
            page_log.console_errors.append((message.text, (message.location or {}).get("url", "")))

    def on_request_failed(request):
        page_log.in_flight.discard(request)
        if page_log.is_local(request.url):
            page_log.failed_requests.append((request.url, request.failure or "failed"))

    def on_response(response):
        if page_log.is_local(response.url) and response.status >= 400:
            page_log.failed_requests.append((response.url, f"HTTP {response.status}"))

    page.on("console", on_console)
    page.on("pageerror", lambda error: page_log.page_errors.append(str(error)))
    page.on("request", lambda request: page_log.in_flight.add(request))
    page.on("requestfinished", lambda request: page_log.in_flight.discard(request))
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)
    return page


def wait_for_answers(page, page_log, search=True, timeout=5.0):
    """Until every request the page has sent so far is answered or has failed
    (at most `timeout` seconds), so page_log holds their outcome; with
    search=False, not waiting for the search worker's files (the search test
    waits for those). Used instead of Playwright's "networkidle", which waits
    for 500 ms without any request, on every page."""
    deadline = time.monotonic() + timeout
    while page_log.pending(search) and time.monotonic() < deadline:
        page.wait_for_timeout(20)  # lets Playwright deliver the pending events
