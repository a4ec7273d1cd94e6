"""The line that installs the code is the same everywhere a reader meets it,
and points at the repository the site links to (``repo_url`` in mkdocs.yml)."""

import pytest

from sitebuilder.pagemodel.page import page as page_model
from sitebuilder.pagemodel.site import DOCS, LANGUAGES, REPO, mkdocs_config, relative

COMMAND = f'pip install "git+{mkdocs_config()["repo_url"]}"'
INCLUDE = '--8<-- "snippets/__init__.py:install"'
CHAPTERS = sorted(p for language in LANGUAGES for folder in ("chapters", "recipes")
                  for p in (DOCS / language / folder).glob("*.md"))


def test_the_shared_install_comment_names_the_site_repository():
    assert f"# {COMMAND}\n" in (REPO / "snippets" / "__init__.py").read_text(encoding="utf-8")
    for name in ("pyproject.toml", "README.md"):
        assert COMMAND in (REPO / name).read_text(encoding="utf-8"), name


@pytest.mark.parametrize("page", CHAPTERS, ids=relative)
def test_every_chapter_starts_its_first_code_block_with_the_install_line(page):
    first = next(b for b in page_model(page).blocks if b.is_python)
    assert first.raw.splitlines()[0].strip() == INCLUDE, f"{relative(page)}:{first.line}"
    assert first.code.splitlines()[0] == f"# {COMMAND}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_shows_the_install_command(language):
    blocks = [b.code.strip() for b in page_model(DOCS / language / "index.md").blocks if b.lang == "bash"]
    assert COMMAND in blocks
