"""SITE_REPOSITORY=owner/name gives the published site its real addresses
(hooks/repository.py); without it the build keeps mkdocs.yml's placeholders."""

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hooks import repository
from pagemodel.site import mkdocs_config

PLACEHOLDER_REPO = mkdocs_config()["repo_url"]
PLACEHOLDER_SITE = mkdocs_config()["site_url"]


def configure(monkeypatch, value, site_dir="site"):
    if value is None:
        monkeypatch.delenv(repository.VARIABLE, raising=False)
    else:
        monkeypatch.setenv(repository.VARIABLE, value)
    config = SimpleNamespace(repo_url=PLACEHOLDER_REPO, site_url=PLACEHOLDER_SITE, site_dir=str(site_dir))
    return repository.on_config(config)


def test_a_project_repository_is_served_under_its_name():
    assert repository.addresses("Acme/nets") == ("https://github.com/Acme/nets", "https://acme.github.io/nets/")


def test_a_user_site_repository_is_served_at_the_root():
    assert repository.addresses("acme/acme.github.io")[1] == "https://acme.github.io/"


@pytest.mark.parametrize("value", ["nets", "acme/nets/extra", "https://github.com/acme/nets", "acme/"])
def test_a_malformed_value_is_refused_by_name(value):
    with pytest.raises(PluginError, match=r'SITE_REPOSITORY=.*expected "owner/name"'):
        repository.addresses(value)


def test_without_the_setting_the_placeholders_stay(monkeypatch):
    config = configure(monkeypatch, None)
    assert (config.repo_url, config.site_url) == (PLACEHOLDER_REPO, PLACEHOLDER_SITE)
    page = f'<code># pip install "git+{PLACEHOLDER_REPO}"</code>'
    assert repository.on_post_page(page) == page


def test_pages_and_notebooks_name_the_real_repository(monkeypatch, tmp_path):
    config = configure(monkeypatch, "acme/nets", tmp_path)
    assert (config.repo_url, config.site_url) == ("https://github.com/acme/nets", "https://acme.github.io/nets/")
    page = f'<code># pip install "git+{PLACEHOLDER_REPO}"</code><img src="{PLACEHOLDER_SITE}assets/a.svg">'
    assert repository.on_post_page(page) == (
        '<code># pip install "git+https://github.com/acme/nets"</code>'
        '<img src="https://acme.github.io/nets/assets/a.svg">'
    )
    notebook = tmp_path / "ex" / "ex.ipynb"
    notebook.parent.mkdir()
    notebook.write_text(f'{{"source": ["%pip install \\"git+{PLACEHOLDER_REPO}\\""]}}', encoding="utf-8")
    repository.on_post_build(config)
    assert "git+https://github.com/acme/nets" in notebook.read_text(encoding="utf-8")
    configure(monkeypatch, None)  # the next build in this process starts clean
