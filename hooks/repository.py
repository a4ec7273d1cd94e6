"""The repository the site is published from: one setting, SITE_REPOSITORY.

mkdocs.yml names a placeholder repository (github.com/example/backprop-docs)
so that every build on every machine is the same. The deploy job sets
``SITE_REPOSITORY=owner/name`` (GitHub's ``github.repository``); this hook
then derives both addresses from it, as GitHub Pages serves a project:

* ``repo_url``  https://github.com/owner/name (header link, Colab buttons);
* ``site_url``  https://owner.github.io/name/ (canonical, hreflang, sitemap);

and writes the real repository wherever a page or a downloadable notebook
shows the placeholder (the install line ``pip install "git+…"``). MkDocs'
``!ENV`` can substitute a whole value but cannot derive one value from another.
"""

import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

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


@event_priority(100)  # before the plugins read site_url
def on_config(config):
    _replacements.clear()
    repository = os.environ.get(VARIABLE, "").strip()
    if not repository:
        return config
    repo_url, site_url = addresses(repository)
    _replacements.extend(
        pair for pair in ((config.repo_url, repo_url), (config.site_url, site_url)) if pair[0] and pair[0] != pair[1]
    )
    _replacements.sort(key=lambda pair: -len(pair[0]))
    config.repo_url, config.site_url = repo_url, site_url
    return config


def on_post_page(output, **kwargs):
    return replace(output) if _replacements else output


def on_post_build(config):
    """The notebooks readers download are copied as they are; their install cell names the repository too."""
    if not _replacements:
        return
    for notebook in Path(config.site_dir).rglob("*.ipynb"):
        text = notebook.read_text(encoding="utf-8")
        if replace(text) != text:
            notebook.write_text(replace(text), encoding="utf-8")
