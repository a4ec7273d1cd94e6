"""``pytest --page chapters/04-simple-layers``: only the checks that concern one page pair.

A check concerns the pair when it runs a code block of docs/ko/<page>.md or
docs/en/<page>.md, or when one of its parameters names the page (the path
in either language, the path without the language, its built URL, or for
the chapter notebooks its file stem). Every other test is deselected, and
the other pages and the browser tests are not even collected, which keeps
the run to seconds (`make page` runs it).

Checks that read the whole built site (``built_site``) are left out: a build
takes longer than the page's own checks, and `make test` runs them.
"""

from pathlib import Path, PurePosixPath

import pytest

from sitebuilder.pagemodel.site import DOCS, LANGUAGES


def pytest_addoption(parser):
    parser.addoption(
        "--page", metavar="PATH", default=None,
        help="run only the checks of one page pair, named as in mkdocs.yml's nav without .md "
             "(chapters/04-simple-layers)",
    )


def page_option(config):
    """The page pair asked for, as a nav path without .md, or None; a malformed or missing page stops the run."""
    value = config.getoption("--page")
    if value is None:
        return None
    name = value.strip("/").removesuffix(".md")
    missing = [f"docs/{lang}/{name}.md" for lang in LANGUAGES if not (DOCS / lang / f"{name}.md").is_file()]
    if missing:
        raise pytest.UsageError(
            f"--page {value}: expected a page path as in mkdocs.yml's nav (chapters/04-simple-layers); "
            f"no file {', '.join(missing)}"
        )
    return name


def names_of(page):
    """Every spelling of the page a test parameter may carry."""
    stem = PurePosixPath(page).name
    return {f"{page}.md", f"{page}/", page, stem} | {f"{lang}/{page}/" for lang in LANGUAGES}


def concerns(item, page, spellings):
    path = Path(str(item.path))
    if path.suffix == ".md":
        return path.resolve() in {(DOCS / lang / f"{page}.md").resolve() for lang in LANGUAGES}
    if "built_site" in getattr(item, "fixturenames", ()):
        return False
    params = getattr(getattr(item, "callspec", None), "params", {})
    for value in params.values():
        text = Path(value).as_posix() if isinstance(value, Path) else str(value)
        if text in spellings or text.endswith(f"/{page}.md"):
            return True
    return False


def pytest_ignore_collect(collection_path, config):
    """Skip collecting the other pages and the browser tests (they are most of the collection time)."""
    page = page_option(config)
    if page is None:
        return None
    path = Path(collection_path).resolve()
    if path.suffix == ".md" and DOCS.resolve() in path.parents:
        return path not in {(DOCS / lang / f"{page}.md").resolve() for lang in LANGUAGES}
    if path.is_dir() and path.name == "browser" and path.parent.name == "tests":
        return True
    return None


def pytest_collection_modifyitems(config, items):
    page = page_option(config)
    if page is None:
        return
    spellings = names_of(page)
    chosen = {id(item) for item in items if concerns(item, page, spellings)}
    selected = [item for item in items if id(item) in chosen]
    deselected = [item for item in items if id(item) not in chosen]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected
