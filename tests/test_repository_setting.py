"""SITE_REPOSITORY=owner/name gives the published site its real addresses
(sitebuilder/transforms/repository.py); without it the build keeps mkdocs.yml's placeholders."""

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from sitebuilder.pagemodel.site import CONFIG, mkdocs_config
from sitebuilder.transforms import repository

PLACEHOLDER_REPO = mkdocs_config()["repo_url"]
PLACEHOLDER_SITE = mkdocs_config()["site_url"]


def configure(monkeypatch, value, site_dir="site"):
    if value is None:
        monkeypatch.delenv(repository.VARIABLE, raising=False)
    else:
        monkeypatch.setenv(repository.VARIABLE, value)
    config = SimpleNamespace(repo_url=PLACEHOLDER_REPO, site_url=PLACEHOLDER_SITE, site_dir=str(site_dir),
                             config_file_path=str(CONFIG))
    return repository.use_repository_setting(config)


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
    assert repository.real_addresses(page, None, None) == page


def test_pages_and_notebooks_name_the_real_repository(monkeypatch, tmp_path):
    config = configure(monkeypatch, "acme/nets", tmp_path)
    assert (config.repo_url, config.site_url) == ("https://github.com/acme/nets", "https://acme.github.io/nets/")
    page = f'<code># pip install "git+{PLACEHOLDER_REPO}"</code><img src="{PLACEHOLDER_SITE}assets/a.svg">'
    assert repository.real_addresses(page, None, None) == (
        '<code># pip install "git+https://github.com/acme/nets"</code>'
        '<img src="https://acme.github.io/nets/assets/a.svg">'
    )
    notebook = tmp_path / "ex" / "ex.ipynb"
    notebook.parent.mkdir()
    notebook.write_text(f'{{"source": ["%pip install \\"git+{PLACEHOLDER_REPO}\\""]}}', encoding="utf-8")
    repository.real_addresses_in_notebooks(SimpleNamespace(config=config))
    assert "git+https://github.com/acme/nets" in notebook.read_text(encoding="utf-8")
    configure(monkeypatch, None)  # the next build in this process starts clean


def test_a_later_language_build_still_replaces_the_placeholders(monkeypatch, tmp_path):
    """mkdocs-static-i18n hands the English build a configuration that already holds the real
    addresses; the placeholders still come from mkdocs.yml, so English pages are rewritten too."""
    configure(monkeypatch, "acme/nets", tmp_path)
    config = SimpleNamespace(repo_url="https://github.com/acme/nets", site_url="https://acme.github.io/nets/",
                             site_dir=str(tmp_path), config_file_path=str(CONFIG))
    repository.use_repository_setting(config)
    page = f'<code>pip install "git+{PLACEHOLDER_REPO}"</code>'
    assert repository.real_addresses(page, None, None) == '<code>pip install "git+https://github.com/acme/nets"</code>'
    configure(monkeypatch, None)
