"""One 404 page, written by the build of the default language.

mkdocs-static-i18n builds every language into the same site_dir, and each
build renders the theme's 404.html to site/404.html before its pages. The
last build (English) thus overwrote the Korean one: English interface, and a
language switcher still pointing at the twin of the previous build's last page.
Static hosts serve only the root 404.html, so it is the default language's
(overrides/404.html writes both languages' text); the other builds skip it,
which MkDocs does for a template that renders empty.
"""



from sitebuilder.pagemodel.site import LANGUAGES


def only_default_language(output_content, template_name, build):
    """Every build but the default language's renders 404.html empty, which MkDocs does not write."""
    if template_name == "404.html" and build.config.theme.get("language") != LANGUAGES[0]:
        return ""
    return output_content
