"""The order in which the site build changes a page, written once.

Each MkDocs event the build takes part in runs its steps below, top to bottom
(:mod:`sitebuilder.plugin` calls them). A page step takes the page's text as
it stands at that event (Markdown, HTML content, or the finished page), the
page, and the :class:`~sitebuilder.plugin.Build`, and returns the new text;
each step's docstring says why it exists. The priorities in the plugin place
each event relative to the other plugins (search, i18n, mkdocs-jupyter).

Formulas, highlighted code and diagram drawings are put aside while the
search plugin reads the content (:mod:`sitebuilder.stash`) and come back in
the finished page: ``restore_stashed`` in ``FINISHED_PAGE``.
"""

from sitebuilder import stash
from sitebuilder.transforms import (
    bilingual_pages,
    chapter_code,
    code_search_text,
    continuation_labels,
    diagrams,
    enlarge_buttons,
    glossary,
    highlight_once,
    html_whitespace,
    joined_names,
    jupyter_render_cache,
    katex_math,
    not_found_page,
    notebook_templates,
    notebooks,
    offscreen_blocks,
    page_defects,
    repository,
    search_index,
    stepper,
    template_cache,
    term_tooltips,
    theme_patches,
    ui_language,
    unused_assets,
)

# on_config(config) -> config, before the other plugins read the addresses
CONFIG = (
    repository.use_repository_setting,
    glossary.load_glossary_data,
    highlight_once.highlight_each_block_once,
    notebook_templates.compile_notebook_templates_once,
    notebooks.render_cache_only_when_kept,
)

# on_files(files, build) -> files, after mkdocs-static-i18n has sorted the files by language
FILES = (
    glossary.leave_out_glossary_data,
    notebooks.notebooks_as_pages,
    bilingual_pages.side_by_side_pages,
)

# on_pre_build(build), after mkdocs-jupyter has started its render cache
BEFORE_PAGES = (
    notebooks.markup_cache_next_to_config,
    jupyter_render_cache.keep_render_cache_alive,
)

# on_env(env, build) -> env
TEMPLATES = (template_cache.keep_compiled_templates,)

# on_page_markdown(markdown, page, build) -> markdown
MARKDOWN = (
    page_defects.stop_at_unresolved_include,
    glossary.fill_glossary_table,
    bilingual_pages.link_to_side_by_side,
)

# on_page_content(html, page, build) -> html: the content the search plugin indexes next
CONTENT = (
    repository.real_addresses,
    notebooks.material_markup,
    stepper.step_through_figures,
    continuation_labels.label_continuations,
    diagrams.stash_drawings,
    enlarge_buttons.enlarge_buttons,
    katex_math.stash_formulas,
    code_search_text.stash_highlighted_code,
    term_tooltips.glossary_term_tooltips,
    joined_names.index_joined_names,
    ui_language.permalink_titles,
)

# on_page_context(context, page, build) -> context: what the page template shows
CONTEXT = (notebooks.download_and_colab_links, chapter_code.chapter_code_link)

# on_post_page(output, page, build) -> output: the finished page
FINISHED_PAGE = (
    notebooks.copy_chapter_notebook,
    chapter_code.write_chapter_code,
    stash.restore_stashed,
    search_index.language_search_base,
    offscreen_blocks.code_block_heights,
    html_whitespace.collapse_whitespace,
)

# on_post_template(output, template_name, build) -> output: pages made from a theme template (404.html)
TEMPLATE_PAGES = (not_found_page.only_default_language,)

# on_post_build(build), once every language is built
SITE = (
    repository.real_addresses_in_notebooks,
    katex_math.save_rendered_formulas,
    theme_patches.patch_material_bundle,
    unused_assets.remove_unused_assets,
    search_index.split_search_index,
)

# on_shutdown(build)
SHUTDOWN = (notebooks.evict_unused_markup,)
