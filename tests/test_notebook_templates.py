"""mkdocs-jupyter's exporters compile nbconvert's templates once per build
(sitebuilder/transforms/notebook_templates.py), with the same output."""

import pytest
from mkdocs_jupyter import convert, nbconvert2
from nbconvert.exporters.html import HTMLExporter
from nbconvert.exporters.markdown import MarkdownExporter

from sitebuilder.pagemodel.site import DOCS, NO_BUILD_CACHE
from sitebuilder.transforms import notebook_templates

NOTEBOOKS = sorted((DOCS / "ko" / "exercises").glob("*.ipynb"))[:2]


@pytest.fixture
def exporters():
    """mkdocs-jupyter's own exporters again after the test."""
    yield
    nbconvert2.HTMLExporter, nbconvert2.MarkdownExporter = HTMLExporter, MarkdownExporter


def _compiled(exporter):
    return exporter().environment.bytecode_cache.compiled


def test_a_second_notebook_compiles_no_template(exporters, monkeypatch):
    assert len(NOTEBOOKS) == 2, f"expected two exercise notebooks under {DOCS / 'ko' / 'exercises'}"
    monkeypatch.delenv(NO_BUILD_CACHE, raising=False)
    notebook_templates.compile_notebook_templates_once(None)
    convert.nb2html(str(NOTEBOOKS[0]))
    convert.nb2md(str(NOTEBOOKS[0]))
    html, markdown = dict(_compiled(nbconvert2.HTMLExporter)), dict(_compiled(nbconvert2.MarkdownExporter))
    assert len(html) > 10 and markdown, "the first notebook's templates were not kept"
    convert.nb2html(str(NOTEBOOKS[1]))
    convert.nb2md(str(NOTEBOOKS[1]))
    assert _compiled(nbconvert2.HTMLExporter) == html
    assert _compiled(nbconvert2.MarkdownExporter) == markdown


def test_the_shared_templates_render_the_same_page(exporters, monkeypatch):
    monkeypatch.setenv(NO_BUILD_CACHE, "1")
    notebook_templates.compile_notebook_templates_once(None)
    assert nbconvert2.HTMLExporter is HTMLExporter, "a build without the cache uses mkdocs-jupyter's own exporter"
    expected = [convert.nb2html(str(path)) for path in NOTEBOOKS]
    monkeypatch.delenv(NO_BUILD_CACHE)
    notebook_templates.compile_notebook_templates_once(None)
    assert [convert.nb2html(str(path)) for path in NOTEBOOKS] == expected
