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
import threading
from pathlib import Path

import pytest

from tests.browser.visits import plan
from tests.browser.watch import PageLog, wait_for_answers, watch
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


def pytest_collection_finish(session):
    """The per-page visits measure what the selected tests read (visits.plan)."""
    plan(session.items)


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


@pytest.fixture
def page_log(site_url):
    return PageLog.of_site(site_url)


@pytest.fixture
def page(page, page_log):
    """pytest-playwright's page, whose network is the local server only and
    whose console errors, exceptions and failed loads go to `page_log`."""
    return watch(page, page_log)


@pytest.fixture
def wait_for_requests(page, page_log):
    """wait_for_requests(search=True, timeout=5.0): watch.wait_for_answers on the test's page."""
    return functools.partial(wait_for_answers, page, page_log)


def pytest_collection_modifyitems(config, items):
    """A test under tests/browser/ without the browser mark would run in `-m "not browser"`
    (the no-browser CI part), where Chromium and node_modules may be missing: refuse it."""
    unmarked = [item.nodeid for item in items
                if item.nodeid.startswith("tests/browser/") and item.get_closest_marker("browser") is None]
    if unmarked:
        raise pytest.UsageError("tests under tests/browser/ need `pytestmark = pytest.mark.browser`: "
                                + ", ".join(unmarked))
