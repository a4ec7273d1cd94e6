"""The deploy check (python -m sitebuilder.placeholders) finds mkdocs.yml's placeholder
addresses wherever a built site can hold them, and only those."""

import gzip
import json

import pytest

from sitebuilder import placeholders
from sitebuilder.pagemodel.site import mkdocs_config

REPO_URL = "https://github.com/example/backprop-docs"
SITE_URL = "https://example.github.io/backprop-docs/"


def test_the_names_come_from_mkdocs_yml():
    config = mkdocs_config()
    names = placeholders.placeholder_names(config["repo_url"], config["site_url"])
    assert placeholders.names_in_config() == names
    assert all(name in config["repo_url"] or name in config["site_url"] for name in names)


def test_repo_url_gives_owner_and_name_and_site_url_its_host():
    assert placeholders.placeholder_names(REPO_URL + ".git", SITE_URL) == ["example/backprop-docs", "example.github.io"]


def test_a_config_without_addresses_is_refused_by_name():
    with pytest.raises(SystemExit, match="expected repo_url https://github.com/owner/name"):
        placeholders.placeholder_names(None, None)


@pytest.mark.parametrize("text", [
    f'<a href="{REPO_URL}">',
    '%pip install "git+https://github.com/Example/backprop-docs.git"',
    '{"location": "x", "text": "github.com\\/example\\/backprop-docs"}',
    "https://colab.research.google.com/github%2Fexample%2Fbackprop-docs",
    f"<loc>{SITE_URL}en/</loc>",
    "https://example.github.io/",
])
def test_each_written_form_is_found(text):
    assert placeholders.pattern_of(["example/backprop-docs", "example.github.io"]).search(text)


@pytest.mark.parametrize("text", [
    "https://github.com/acme/backprop-docs",
    "https://github.com/myexample/backprop-docs",
    "https://github.com/example/backprop-docs-fork",
    "https://myexample.github.io/backprop-docs/",
    "https://www.example.github.io.test/",
])
def test_a_real_repository_with_a_similar_name_is_not(text):
    assert not placeholders.pattern_of(["example/backprop-docs", "example.github.io"]).search(text)


def write_site(folder, repo_url, site_url):
    """A small built site naming `repo_url` and `site_url` in a page, a notebook and the sitemap."""
    (folder / "en").mkdir(parents=True)
    (folder / "index.html").write_text("<p>one</p>\n", encoding="utf-8")
    (folder / "en" / "index.html").write_text(f"<p>one</p>\n<code>{repo_url}</code>\n", encoding="utf-8")
    (folder / "ex.ipynb").write_text(json.dumps({"source": [f"%pip install git+{repo_url}"]}), encoding="utf-8")
    (folder / "sitemap.xml.gz").write_bytes(gzip.compress(f"<loc>{site_url}</loc>".encode()))


def test_the_check_prints_each_file_and_line_and_fails(tmp_path, capsys):
    write_site(tmp_path, REPO_URL, SITE_URL)
    assert placeholders.main([str(tmp_path)]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert printed[:3] == [
        f"{tmp_path / 'en' / 'index.html'}:2: <code>{REPO_URL}</code>",
        f'{tmp_path / "ex.ipynb"}:1: {{"source": ["%pip install git+{REPO_URL}"]}}',
        f"{tmp_path / 'sitemap.xml.gz'}:1: <loc>{SITE_URL}</loc>",
    ]
    assert printed[3].startswith("3 placeholder address(es) in 3 file(s)")


def test_a_site_with_the_real_addresses_passes(tmp_path, capsys):
    write_site(tmp_path, "https://github.com/acme/nets", "https://acme.github.io/nets/")
    assert placeholders.main([str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith(f"no placeholder address in {tmp_path}")


def test_a_folder_that_is_not_a_built_site_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        placeholders.main([str(tmp_path / "missing")])
    assert stop.value.code == 2
    assert "expected a built site folder" in capsys.readouterr().err
