"""Keep exercise notebooks rendered as pages when the i18n plugin is on.

mkdocs-static-i18n rebuilds every file object late in `on_files`, and in
doing so turns mkdocs-jupyter's notebook pages back into plain files: the
site would then ship the raw .ipynb JSON as the page. Running after it, this
hook wraps the notebooks again exactly as mkdocs-jupyter does.
"""

import os

from mkdocs.plugins import event_priority
from mkdocs_jupyter.plugin import NotebookFile


@event_priority(-200)  # after mkdocs-static-i18n's on_files (-100)
def on_files(files, config):
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None:
        return files
    for file in list(files):
        if not isinstance(file, NotebookFile) and jupyter.should_include(file):
            files.remove(file)
            files.append(as_page(file, config))
    return files


def as_page(file, config):
    """A notebook page placed where i18n put the file (no /ko/ prefix for the default language)."""
    page = NotebookFile(file, **config)
    page.dest_path = file.dest_path  # already the page path, with the language folder fixed
    page.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, page.dest_path))
    page.url = page._get_url(config.use_directory_urls)
    return page
