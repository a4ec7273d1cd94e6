"""How heavy the built site is: its size by kind of file and its largest pages.

Not a test: it prints what `du -s --apparent-size site` adds up, split by
file kind, and the largest pages, for a reader to compare with the targets
(the whole site under 7 MB before compression, each notebook page under
100 KB).

    python -m tools.site_weight [--site site] [--top 10]
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK_PAGE_LIMIT = 100_000


def kind(path):
    suffix = path.suffix.lower()
    return {".woff2": "fonts", ".woff": "fonts", ".ttf": "fonts"}.get(suffix, suffix.lstrip(".") or "(none)")


def weigh(site):
    files = [path for path in site.rglob("*") if path.is_file()]
    by_kind = Counter()
    for path in files:
        by_kind[kind(path)] += path.stat().st_size
    pages = sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in files if p.name == "index.html"),
                   reverse=True)
    return sum(by_kind.values()), by_kind, pages


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(REPO / "site"))
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "index.html").is_file():
        sys.exit(f"{site} is not built: run `make build` first")
    total, by_kind, pages = weigh(site)
    print(f"{site}: {total / 1e6:.2f} MB in files ({total / 2**20:.2f} MiB)")
    for name, size in by_kind.most_common():
        print(f"  {name:<8} {size / 1e6:7.2f} MB")
    print(f"largest pages (of {len(pages)}):")
    for size, name in pages[: args.top]:
        print(f"  {size / 1e3:7.1f} KB  {name}")
    notebooks = [(size, name) for size, name in pages if "/exercises/0" in f"/{name}"]
    if notebooks:
        print(f"notebook pages: {len(notebooks)}, largest {max(notebooks)[0] / 1e3:.1f} KB")
    for size, name in notebooks:
        if size >= NOTEBOOK_PAGE_LIMIT:
            print(f"  over {NOTEBOOK_PAGE_LIMIT / 1e3:.0f} KB: {name} ({size / 1e3:.1f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
