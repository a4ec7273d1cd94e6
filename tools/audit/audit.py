"""`make audit`: Lighthouse and axe over every page, both languages, phone and desktop.

Not a test: it prints and writes scores (audit/results.md) for a reader to
judge, and takes a few minutes per language. The built site is served
locally under site_url's path, gzip-compressed as GitHub Pages serves it
(tools/audit/gzip_server.py); Chromium (/usr/bin/chromium) resolves no other
host, as a reader with the network to other hosts cut off would see it.
Lighthouse comes from tools/audit/node_modules (`npm ci --prefix tools/audit`),
axe-core from tests/browser/node_modules.

    python -m tools.audit.audit [--pages 5] [--only en/glossary/ ...] [--runs 3] [--sizes phone] [--no-lighthouse]
                                [--reports /tmp/lighthouse] [--output audit/results.md]
"""

import argparse
import sys
from pathlib import Path

from tests.browser.measure import DESKTOP, LAYOUT_SHIFT_OBSERVER, PHONE, axe_violations, layout_shift, wait_until_drawn
from tests.site_build import SITE, site_pages
from tools.audit.gzip_server import serve
from tools.audit.legible import LEGIBLE_PX, LEGIBLE_SHARE, legible_text
from tools.audit.lighthouse import CHROMIUM, LIGHTHOUSE, OFFLINE, lighthouse
from tools.audit.table import write_table

REPO = Path(__file__).resolve().parents[2]
SIZES = {"phone": PHONE, "desktop": DESKTOP}


def browse(browser, url, size):
    """What one page shows in Chromium: axe violations, requests to other hosts,
    console errors, layout shift and (share, smallest px) of its text."""
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
    visit = {"shift": layout_shift(page), "legible": legible_text(page), "violations": axe_violations(page),
             "external": external, "errors": errors}
    context.close()
    return visit


def findings(url, size, visit):
    """Lines for the table's Findings: what a reader of that page would meet."""
    lines = [f"- `/{url}` {size}: **{v['id']}** ({v['impact']}, {v['count']}×) {v['help']}: "
             + "; ".join(v["nodes"][:2]) for v in visit["violations"]]
    lines += [f"- `/{url}` {size}: request to another host {u}" for u in visit["external"]]
    lines += [f"- `/{url}` {size}: console error {e}" for e in visit["errors"]]
    share, smallest = visit["legible"]
    if share < LEGIBLE_SHARE:
        lines.append(f"- `/{url}` {size}: only {share:.0%} of the text at {LEGIBLE_PX} px or more"
                     f" (smallest {smallest} px)")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=0, help="only the first N pages of each language")
    parser.add_argument("--no-lighthouse", action="store_true", help="axe and requests only")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per visit; performance is their median")
    parser.add_argument("--only", nargs="*", default=[], help="only these pages, in this order (such as en/glossary/)")
    parser.add_argument("--sizes", nargs="*", choices=list(SIZES), default=list(SIZES), help="phone, desktop or both")
    parser.add_argument("--output", default=str(REPO / "audit" / "results.md"))
    parser.add_argument("--reports", help="also keep every Lighthouse JSON report in this folder")
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
        unknown = sorted(set(args.only) - set(pages))
        if unknown:
            sys.exit(f"--only expects site paths from the navigation (such as en/glossary/); not found: {unknown}")
        pages = list(dict.fromkeys(args.only))  # in the order given: a long run measures those first

    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    rows, details = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", OFFLINE])
        for url in pages:
            for size in args.sizes:
                visit = browse(browser, base + url, size)
                scores = None if args.no_lighthouse else lighthouse(base + url, size, args.runs, args.reports)
                rows.append((url, size, scores, visit))
                details += findings(url, size, visit)
                output = write_table(args.output, rows, details, len(pages) * len(args.sizes), args.runs, args.sizes)
                print(f"/{url:<45} {size:<8} {scores} axe={len(visit['violations'])}"
                      f" legible={visit['legible'][0]:.0%} cls={visit['shift']:.3f}", flush=True)
        browser.close()
    server.shutdown()

    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
