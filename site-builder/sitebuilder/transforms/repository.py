"""The repository the site is published from: one setting, SITE_REPOSITORY.

mkdocs.yml names a placeholder repository (github.com/example/backprop-docs)
so that every build on every machine is the same. The deploy job sets
``SITE_REPOSITORY=owner/name`` (GitHub's ``github.repository``); this hook
then derives both addresses from it, as GitHub Pages serves a project:

* ``repo_url``  https://github.com/owner/name (header link, Colab buttons);
* ``site_url``  https://owner.github.io/name/ (canonical, hreflang, sitemap);

and writes the real repository wherever a page, its search entry or a
downloadable notebook shows the placeholder (the install line ``pip install "git+…"``). MkDocs'
``!ENV`` can substitute a whole value but cannot derive one value from another.
"""

import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuilder.pagemodel.site import load_yaml

VARIABLE = "SITE_REPOSITORY"
REPOSITORY = re.compile(r"^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9._-]{1,100})$")
_replacements = []  # (placeholder, real) pairs for this build, longest first


def addresses(repository):
    """(repo_url, site_url) of a GitHub repository "owner/name"."""
    match = REPOSITORY.match(repository.strip())
    if not match:
        raise PluginError(f'{VARIABLE}={repository!r}: expected "owner/name", as GitHub writes github.repository')
    owner, name = match.groups()
    pages = f"https://{owner.lower()}.github.io/"
    site_url = pages if name.lower() == f"{owner.lower()}.github.io" else f"{pages}{name}/"
    return f"https://github.com/{owner}/{name}", site_url


def replace(text):
    for placeholder, real in _replacements:
        text = text.replace(placeholder, real)
    return text


def use_repository_setting(config):
    """repo_url and site_url from SITE_REPOSITORY, before any plugin reads them."""
    _replacements.clear()
    repository = os.environ.get(VARIABLE, "").strip()
    if not repository:
        return config
    repo_url, site_url = addresses(repository)
    # The placeholders as mkdocs.yml writes them: mkdocs-static-i18n hands each later
    # language's build a configuration that already holds the real addresses.
    written = load_yaml(Path(config.config_file_path).read_text(encoding="utf-8"))
    placeholders = (written.get("repo_url"), written.get("site_url"))
    _replacements.extend(
        pair for pair in zip(placeholders, (repo_url, site_url)) if pair[0] and pair[0] != pair[1]
    )
    _replacements.sort(key=lambda pair: -len(pair[0]))
    config.repo_url, config.site_url = repo_url, site_url
    return config


def real_addresses(html, page, build):
    """The page's own text names the real repository: its install line, in the page, its code
    block and the search index alike (done to the content before anything is put aside)."""
    return replace(html) if _replacements else html


def real_addresses_in_notebooks(build):
    """The notebooks readers download are copied as they are; their install cell names the repository too."""
    if not _replacements:
        return
    for notebook in Path(build.config.site_dir).rglob("*.ipynb"):
        text = notebook.read_text(encoding="utf-8")
        if replace(text) != text:
            notebook.write_text(replace(text), encoding="utf-8")
