"""The built site served as GitHub Pages serves it: under site_url's path, text gzip-compressed.

Python's http.server sends files as they are on disk; static hosts compress
text on the way (GitHub Pages answers `Accept-Encoding: gzip` with
`Content-Encoding: gzip`), and Lighthouse's performance score depends on the
bytes a reader downloads. This covers that gap with the standard library
only (no other host, no npm server)."""

import functools
import gzip
import http.server
import threading
from pathlib import Path

from tests.site_build import site_root_path

# The text types GitHub Pages compresses; fonts and images are sent as they are.
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml"}


@functools.cache
def _gzipped(path, mtime):
    return gzip.compress(Path(path).read_bytes(), compresslevel=6)


class GzipSiteHandler(http.server.SimpleHTTPRequestHandler):
    """site/ under `root` (site_url's path); text gzip-compressed when the browser accepts it."""

    root = "/"

    def translate_path(self, path):
        if not path.startswith(self.root):
            return str(Path(self.directory) / "__outside_the_site_root__")
        return super().translate_path("/" + path[len(self.root) :])

    def do_GET(self):
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSED or not path.is_file():
            return super().do_GET()
        body = _gzipped(str(path), path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass

    def handle_error(self, request, client_address):
        pass  # a browser that closes a connection early is not a finding


def serve(site):
    """(server, base URL) of `site` served in a background thread on a free local port."""
    handler = functools.partial(type("Handler", (GzipSiteHandler,), {"root": site_root_path()}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{site_root_path()}"
