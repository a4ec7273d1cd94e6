"""The site's MkDocs plugin: runs :mod:`sitebuilder.pipeline` at each event.

Registered in mkdocs.yml as ``backprop-site`` (the entry point in
site-builder/pyproject.toml), after search, i18n and mkdocs-jupyter. The
priorities place each event where the pipeline needs it relative to them:
the addresses are set before any plugin reads them (100), notebooks become
pages after i18n has sorted the files (-200, i18n runs at -100), and the
finished page and the site are changed after everything else (-300, -200).
"""

from mkdocs.plugins import BasePlugin, event_priority

from sitebuilder import pipeline
from sitebuilder.stash import Stash


class Build:
    """What the steps of one language's build share: its configuration, files and stashes."""

    def __init__(self, config):
        self.config = config
        self.files = None
        self._stashes = {}

    def stash(self, page):
        """The page's :class:`~sitebuilder.stash.Stash` (one per page and language build)."""
        return self._stashes.setdefault(page.file.src_uri, Stash())


class SitePlugin(BasePlugin):
    build = None

    @event_priority(100)
    def on_config(self, config):
        for step in pipeline.CONFIG:
            config = step(config)
        self.build = Build(config)  # mkdocs-static-i18n runs one build, config included, per language
        return config

    @event_priority(-200)
    def on_files(self, files, config):
        for step in pipeline.FILES:
            files = step(files, self.build)
        self.build.files = files
        return files

    @event_priority(-100)
    def on_pre_build(self, config):
        for step in pipeline.BEFORE_PAGES:
            step(self.build)

    def on_env(self, env, config, files):
        for step in pipeline.TEMPLATES:
            env = step(env, self.build)
        return env

    def on_page_markdown(self, markdown, page, config, files):
        return _run(pipeline.MARKDOWN, markdown, page, self.build)

    def on_page_content(self, html, page, config, files):
        return _run(pipeline.CONTENT, html, page, self.build)

    def on_page_context(self, context, page, config, nav):
        return _run(pipeline.CONTEXT, context, page, self.build)

    @event_priority(-300)
    def on_post_page(self, output, page, config):
        return _run(pipeline.FINISHED_PAGE, output, page, self.build)

    def on_post_template(self, output_content, template_name, config):
        return _run(pipeline.TEMPLATE_PAGES, output_content, template_name, self.build)

    @event_priority(-200)
    def on_post_build(self, config):
        for step in pipeline.SITE:
            step(self.build)

    def on_shutdown(self):
        for step in pipeline.SHUTDOWN:
            step(self.build)


def _run(steps, value, subject, build):
    for step in steps:
        value = step(value, subject, build)
    return value
