"""The site plugin and the order in which it changes a page (sitebuilder/pipeline.py).

The order matters as a whole: the real addresses go in before anything is
put aside (or a stashed code block would keep the placeholder), notebook pages
get their math markup before the formulas are rendered, everything put aside
comes back before the code blocks are measured, and whitespace is collapsed
last. These tests run the whole pipeline on a made-up page, not each step alone.
"""

from importlib.metadata import entry_points
from types import SimpleNamespace

import pytest

from sitebuilder import pipeline
from sitebuilder.pagemodel.glossary import GLOSSARY, load_glossary
from sitebuilder.pagemodel.site import CONFIG, DOCS, mkdocs_config
from sitebuilder.plugin import Build, SitePlugin
from sitebuilder.transforms import glossary, repository

PLACEHOLDER_REPO = mkdocs_config()["repo_url"]


def test_mkdocs_yml_registers_the_one_site_plugin_after_the_plugins_it_follows():
    names = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in mkdocs_config()["plugins"]]
    assert names[-1] == "backprop-site", names
    assert {"search", "i18n", "mkdocs-jupyter"} <= set(names[:-1])
    assert "hooks" not in mkdocs_config(), "the build's steps belong in the plugin's pipeline, not in hooks"


def test_the_entry_point_names_the_plugin():
    (found,) = entry_points(group="mkdocs.plugins", name="backprop-site")
    assert found.load() is SitePlugin


def test_every_step_says_why_it_exists():
    lists = [value for name, value in vars(pipeline).items() if name.isupper() and isinstance(value, tuple)]
    steps = [step for steps in lists for step in steps]
    assert len(steps) == len(set(steps)), "a step runs at one event only"
    assert not [f"{step.__module__}.{step.__name__}" for step in steps if not (step.__doc__ or "").strip()]


def test_the_content_order_reads_top_to_bottom():
    names = [step.__name__ for step in pipeline.CONTENT]
    assert names[0] == "real_addresses", "the address must be written before any code block is put aside"
    assert names.index("material_markup") < names.index("stash_formulas"), "notebook math is rendered too"
    assert names.index("stash_drawings") < names.index("stash_highlighted_code")
    finished = [step.__name__ for step in pipeline.FINISHED_PAGE]
    assert finished.index("restore_stashed") < finished.index("code_block_heights")
    assert finished[-1] == "collapse_whitespace"


@pytest.fixture
def deploy_build(monkeypatch, tmp_path):
    monkeypatch.setenv(repository.VARIABLE, "acme/nets")
    config = SimpleNamespace(repo_url=PLACEHOLDER_REPO, site_url=mkdocs_config()["site_url"], site_dir=str(tmp_path),
                             config_file_path=str(CONFIG), theme={"language": "en"}, docs_dir=str(DOCS))
    repository.use_repository_setting(config)
    yield Build(config)
    monkeypatch.delenv(repository.VARIABLE)
    repository.use_repository_setting(config)


def test_a_page_passes_through_the_whole_pipeline(deploy_build, monkeypatch):
    """A made-up English page with an install line, a formula, a glossary term and a highlighted code block."""
    monkeypatch.setattr(glossary, "_entries", load_glossary(GLOSSARY))  # what on_config loads
    page = SimpleNamespace(file=SimpleNamespace(src_uri="en/chapters/99-made-up.md", abs_src_path="x.md"),
                           url="en/chapters/99-made-up/")
    code = (f'<div class="language-bash highlight"><pre><span></span><code><span class="w">pip install '
            f'"git+{PLACEHOLDER_REPO}"</span>\n<span class="nb">echo</span> two\n</code></pre></div>')
    content = f'<p>Gradient <span class="arithmatex">\\(y - t\\)</span>.</p>\n{code}\n'
    for step in pipeline.CONTENT:
        content = step(content, page, deploy_build)
    # What the search plugin indexes: the formula's MathML text and the code's plain text, real address.
    assert "katex" not in content and "y−t" in content.replace(" ", "")
    assert 'pip install "git+https://github.com/acme/nets"' in content and '<span class="nb">' not in content
    assert '<abbr title="기울기">Gradient</abbr>' in content, "a glossary term shows its Korean term"

    material = '<script id="__config" type="application/json">{"base": "../.."}</script>'
    output = f'<html><body>\n    {content}\n{material}</body></html>'
    for step in pipeline.FINISHED_PAGE:
        output = step(output, page, deploy_build)
    assert 'class="katex"' in output and "data-stash" not in output
    assert '<span class="nb">echo</span>' in output and "git+https://github.com/acme/nets" in output
    assert 'style="--lines:2"' in output, "code blocks are measured once they are back in the page"
    assert '<code tabindex="0">' in output, "a code block is focusable before Material reaches it (content.lazy)"
    assert PLACEHOLDER_REPO not in output and "\n    " not in output
    assert '"base": "../../en/"' in output, "the English page looks for its own search index"
