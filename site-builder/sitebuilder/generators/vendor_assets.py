"""Copy the browser assets the site serves itself from their npm packages.

The site makes no request to another host, so KaTeX (its stylesheet and
fonts; the build renders the math with its script) is committed under
docs/assets/vendor/. (mermaid is not: diagrams are drawn before the build,
see site-builder/sitebuilder/generators/diagrams.py.) Their versions are pinned once, in
tests/browser/package.json; ``npm ci --prefix tests/browser`` (``make browser-deps``)
installs them and ``make regen`` copies the files here. A test checks that the
committed copies are the installed ones.
"""

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
                    f"{root / pattern} is missing: run `make browser-deps` first"
                )
            for source in sources:
                relative = source.relative_to(root)
                if relative.parts[0] == "dist":
                    relative = Path(*relative.parts[1:])
                pairs.append((source, VENDOR / package / relative))
    return pairs


def derived_files():
    """{copy: its bytes} for every vendored file, and {copy: None} for a committed
    copy the pinned packages no longer have (make regen deletes it)."""
    planned = {copy: source.read_bytes() for source, copy in vendored_files()}
    return planned | {old: None for old in leftover_copies(planned)}


def leftover_copies(wanted):
    """Files under docs/assets/vendor/<package>/ that are not in `wanted`."""
    return [
        path
        for package in FILES
        for path in sorted((VENDOR / package).rglob("*"))
        if path.is_file() and path not in wanted
    ]
