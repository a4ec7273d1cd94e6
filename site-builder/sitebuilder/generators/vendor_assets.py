"""Copy the browser assets the site serves itself from their npm packages.

The site makes no request to another host, so KaTeX (its stylesheet and
fonts; the build renders the math with its script) is committed under
docs/assets/vendor/. (mermaid is not: diagrams are drawn before the build,
see site-builder/sitebuilder/generators/diagrams.py.) Their versions are pinned once, in
tests/browser/package.json; ``npm ci --prefix tests/browser`` installs them and
``python -m sitebuilder.generators.vendor_assets`` copies the files here. A test checks that
the committed copies are the installed ones.
"""

import shutil
import sys
from pathlib import Path

from sitebuilder.pagemodel.site import REPO

NODE_MODULES = REPO / "tests" / "browser" / "node_modules"
VENDOR = REPO / "docs" / "assets" / "vendor"

# package -> files copied from it (paths inside the package; globs allowed).
# Only the woff2 fonts: every browser the site supports reads them, and the
# stylesheet lists woff2 first, so the woff and ttf copies are never fetched.
FILES = {
    "katex": ["LICENSE", "dist/katex.min.js", "dist/katex.min.css", "dist/fonts/*.woff2"],
}


def vendored_files():
    """(source in node_modules, copy under docs/assets/vendor) for every file."""
    pairs = []
    for package, patterns in FILES.items():
        root = NODE_MODULES / package
        for pattern in patterns:
            sources = sorted(root.glob(pattern))
            if not sources:
                raise FileNotFoundError(
                    f"{root / pattern} is missing: run `npm ci --prefix tests/browser` first"
                )
            for source in sources:
                relative = source.relative_to(root)
                if relative.parts[0] == "dist":
                    relative = Path(*relative.parts[1:])
                pairs.append((source, VENDOR / package / relative))
    return pairs


def main():
    if VENDOR.exists():
        for package in FILES:
            shutil.rmtree(VENDOR / package, ignore_errors=True)
    for source, copy in vendored_files():
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)
    print(f"copied {len(vendored_files())} files into {VENDOR.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
