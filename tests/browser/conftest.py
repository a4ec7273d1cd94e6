"""A real browser against the built site, without the network.

* ``site/`` is served by a local http.server on a free port, under the path of
  mkdocs.yml's site_url (/backprop-docs/) as it is deployed: some links that
  Material and the i18n plugin write are absolute from there.
* Debian's Chromium is driven through pytest-playwright's fixtures (one
  browser for the session, a fresh context and page for every test; its
  --headed, --screenshot and --tracing options work here). The Chromium is the package
  chromium-headless-shell where there is one (the same engine without the
  desktop browser around it: the browser tests take about 0.76x the time),
  else /usr/bin/chromium.
* The site serves its KaTeX, fonts and scripts itself (diagrams are drawn
  before the build; docs/assets/vendor/), so every request that leaves the local server is
  aborted and recorded as a problem: a test can tell what a page tried to fetch.
  ``tests/browser/node_modules`` (``npm ci --prefix tests/browser``) holds the
  pinned packages the vendored copies come from, and axe-core.
"""

import functools
import http.server
import json
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.site_build import site_root_path

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"
# The first of these that exists (the Makefile installs both where it can).
CHROMIUM_BUILDS = (Path("/usr/bin/chromium-headless-shell"), Path("/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_PACKAGES = ("katex", "mermaid")
# Material's search worker loads these after the page is shown, whatever the page.
SEARCH_FILES = ("/search/search_index.json", "/assets/javascripts/lunr/", "/assets/javascripts/workers/search.")
CONTENT_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".map": "application/json",
}


def _installed_version(package):
    manifest = NODE_MODULES / package / "package.json"
    if not manifest.is_file():
        return None
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


@pytest.fixture(scope="session")
def chromium_executable():
    chromium = next((path for path in CHROMIUM_BUILDS if path.exists()), None)
    if chromium is None:
        pytest.fail(
            f"neither of {', '.join(map(str, CHROMIUM_BUILDS))} is there: the browser tests drive "
            "Debian's Chromium. Install it with\n"
            "    sudo apt-get update && sudo apt-get install -y chromium-headless-shell\n"
            "(`make test` does this for you).",
            pytrace=False,
        )
    for package in LOCAL_PACKAGES:
        if _installed_version(package) is None:
            pytest.fail(
                f"tests/browser/node_modules/{package} is missing: the browser tests serve the pinned "
                "KaTeX and mermaid pinned in tests/browser/package.json. Install them with\n"
                "    npm ci --prefix tests/browser\n"
                "(`make test` does this for you).",
                pytrace=False,
            )
    return str(chromium)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ under ``root`` (site_url's path); anything else is a 404."""

    root = "/"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}

    def translate_path(self, path):
        if not path.startswith(self.root):
            return str(Path(self.directory) / "__outside_the_site_root__" / "missing")
        return super().translate_path("/" + path[len(self.root) :])

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """URL (ending in /) of the site's home page on a local server."""
    root = site_root_path()
    handler_class = type("Handler", (_SiteHandler,), {"root": root})
    handler = functools.partial(handler_class, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{root}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, chromium_executable):
    """pytest-playwright's launch options, with Debian's Chromium and no network services."""
    return {**browser_type_launch_args, "executable_path": chromium_executable, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """pytest-playwright's context options: a Korean reader, no service worker."""
    return {
        **browser_context_args,
        "locale": "ko-KR",
        "viewport": {"width": 1280, "height": 900},
        "service_workers": "block",
    }


@dataclass
class PageLog:
    """What happened while a test's page was open."""

    origin: str  # http://127.0.0.1:PORT
    console_errors: list = field(default_factory=list)  # (text, source url)
    page_errors: list = field(default_factory=list)
    failed_requests: list = field(default_factory=list)  # local: (url, reason)
    aborted_external: list = field(default_factory=list)  # every request sent outside
    in_flight: set = field(default_factory=set)  # requests sent and not yet answered

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


@pytest.fixture
def page_log(site_url):
    parts = urlsplit(site_url)
    return PageLog(origin=f"{parts.scheme}://{parts.netloc}")


@pytest.fixture
def page(page, page_log):
    """pytest-playwright's page, whose network is the local server only and
    whose console errors, exceptions and failed loads go to `page_log`."""

    def route(route):
        page_log.aborted_external.append(route.request.url)
        route.abort("internetdisconnected")

    # Only requests that leave the local server go through Python.
    page.context.route(re.compile(r"^(?!" + re.escape(page_log.origin) + r"/)"), route)
    page.set_default_timeout(15_000)

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


@pytest.fixture
def wait_for_requests(page, page_log):
    """wait_for_requests(search=True): until every request the page has sent
    so far is answered or has failed (at most `timeout` seconds), so page_log
    holds their outcome; with search=False, not waiting for the search worker's
    files (the search test waits for those). Used instead of Playwright's
    "networkidle", which waits for 500 ms without any request, on every page."""

    def wait(search=True, timeout=5.0):
        deadline = time.monotonic() + timeout
        while page_log.pending(search) and time.monotonic() < deadline:
            page.wait_for_timeout(20)  # lets Playwright deliver the pending events

    return wait
