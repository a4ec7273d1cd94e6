"""`make audit`: Lighthouse and axe over every page, both languages, phone and desktop.

Not a test: it prints and writes scores (audit/results.md) for a reader to
judge, and takes a few minutes per language. The built site is served
locally under site_url's path; Chromium (/usr/bin/chromium) resolves no other
host, as a reader with the network to other hosts cut off would see it.
Lighthouse comes from tools/audit/node_modules (`npm ci --prefix tools/audit`),
axe-core from tests/browser/node_modules.

    python -m tools.audit.audit [--pages 5] [--only en/glossary/ ...] [--runs 3] [--sizes phone] [--no-lighthouse]
                                [--output audit/results.md]
"""

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from tests.browser.measure import DESKTOP, LAYOUT_SHIFT_OBSERVER, PHONE, axe_violations, layout_shift, wait_until_drawn
from tests.site_build import SITE, site_pages, site_root_path

REPO = Path(__file__).resolve().parents[2]
LIGHTHOUSE = REPO / "tools" / "audit" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SIZES = {"phone": PHONE, "desktop": DESKTOP}
SIZE_WORDS = {"phone": "phone size (390×844, Lighthouse's mobile throttling)", "desktop": "desktop size"}


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml"}


@functools.cache
def _gzipped(path, mtime):
    return gzip.compress(Path(path).read_bytes(), compresslevel=6)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """site/ under site_url's path, gzip-compressed text as static hosts send it
    (GitHub Pages does): page weight is measured as a reader downloads it."""

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
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass

    def handle_error(self, request, client_address):
        pass  # a browser that closes a connection early is not a finding


def serve(site):
    handler = functools.partial(type("Handler", (_Handler,), {"root": site_root_path()}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{site_root_path()}"


def lighthouse(url, size, runs=1):
    """{category: score 0-100}; performance is the median of `runs` runs.

    Lighthouse's performance score varies from run to run on one machine (its
    documentation advises the median of several); here chapter 8's phone score
    was 99, 89 and 86 over three runs of one build, mostly through its largest
    paint. The other categories do not vary and come from the first run."""
    scores = _lighthouse_once(url, size, CATEGORIES)
    performance = [scores["performance"]]
    for _ in range(runs - 1):
        performance.append(_lighthouse_once(url, size, ("performance",))["performance"])
    scores["performance"] = round(statistics.median(performance))
    return scores


def _lighthouse_once(url, size, categories):
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=" + ",".join(categories),
            f"--chrome-flags=--headless=new --no-sandbox --disable-gpu {OFFLINE}",
        ]
        if size == "desktop":
            command.append("--preset=desktop")
        result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
        if result.returncode != 0 or not report.is_file():
            raise RuntimeError(f"lighthouse failed on {url} ({size}):\n{result.stderr[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    return {name: round(100 * (data["categories"][name]["score"] or 0)) for name in categories}


def browse(browser, url, size):
    """(axe violations, external requests, console errors, layout shift) of one page."""
    context = browser.new_context(viewport=SIZES[size], locale="ko-KR", service_workers="block")
    context.add_init_script(LAYOUT_SHIFT_OBSERVER)
    page = context.new_page()
    origin = url.split("/", 3)[:3]
    external, errors = [], []
    page.on("request", lambda r: r.url.split("/", 3)[:3] != origin
            and not r.url.startswith("data:") and external.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="load")
    wait_until_drawn(page)
    page.wait_for_timeout(300)
    shift = layout_shift(page)
    violations = axe_violations(page)
    context.close()
    return violations, external, errors, shift


def write_table(path, rows, details, expected, with_lighthouse, runs=1, sizes=tuple(SIZES)):
    """The results so far (rewritten after every page, so a long run leaves a table)."""
    header = ["page", "size", *([] if not with_lighthouse else CATEGORIES),
              "axe violations", "other hosts", "console errors", "layout shift"]
    lines = [
        "# Audit of the built site",
        "",
        "Written by `make audit` (`python -m tools.audit.audit`): Lighthouse "
        + (f"(performance: median of {runs} runs) " if with_lighthouse and runs > 1 else "")
        + ("(not run) " if not with_lighthouse else "")
        + "and axe-core in Chromium, other hosts unreachable, at "
        + " and ".join(SIZE_WORDS[size] for size in sizes) + ".",
        "",
        f"{len(rows)} of {expected} page visits measured.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    for url, size, scores, axe_count, external, errors, shift in rows:
        cells = [f"`/{url}`" if url != "(home)" else "`/`", size, *[str(scores[c]) for c in CATEGORIES if scores],
                 str(axe_count), str(external), str(errors), f"{shift:.3f}"]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "## Findings", ""] + (details or ["None."])
    output = Path(path)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=0, help="only the first N pages of each language")
    parser.add_argument("--no-lighthouse", action="store_true", help="axe and requests only")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per visit; performance is their median")
    parser.add_argument("--only", nargs="*", default=[], help="only these pages (site paths such as en/glossary/)")
    parser.add_argument("--sizes", nargs="*", choices=list(SIZES), default=list(SIZES), help="phone, desktop or both")
    parser.add_argument("--output", default=str(REPO / "audit" / "results.md"))
    parser.add_argument("--site", default=str(SITE), help="the built site (default: site/)")
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "index.html").is_file():
        sys.exit(f"{site} is not built: run `make build` first")
    if not args.no_lighthouse and not LIGHTHOUSE.is_file():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci --prefix tools/audit`")

    pages = site_pages()
    if args.pages:
        korean = [p for p in pages if not p.startswith("en/")][: args.pages]
        english = [p for p in pages if p.startswith("en/")][: args.pages]
        pages = korean + english
    if args.only:
        pages = [p for p in pages if p in args.only]

    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    rows, details = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", OFFLINE])
        for url in pages:
            for size in args.sizes:
                violations, external, errors, shift = browse(browser, base + url, size)
                scores = {} if args.no_lighthouse else lighthouse(base + url, size, args.runs)
                rows.append((url or "(home)", size, scores, len(violations), len(external), len(errors), shift))
                for v in violations:
                    details.append(f"- `/{url}` {size}: **{v['id']}** ({v['impact']}, {v['count']}×) {v['help']}: "
                                   + "; ".join(v["nodes"][:2]))
                details += [f"- `/{url}` {size}: request to another host {u}" for u in external]
                details += [f"- `/{url}` {size}: console error {e}" for e in errors]
                output = write_table(args.output, rows, details, len(pages) * len(args.sizes),
                                     not args.no_lighthouse, args.runs, args.sizes)
                print(f"/{url:<45} {size:<8} {scores} axe={len(violations)} external={len(external)}"
                      f" errors={len(errors)} cls={shift:.3f}", flush=True)
        browser.close()
    server.shutdown()

    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
