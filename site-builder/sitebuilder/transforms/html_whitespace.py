"""Finished pages without the indentation of the theme's templates.

Material's Jinja templates indent every line they write, some 200 KB of spaces
over the site that a browser collapses anyway. After each page is rendered this
hook replaces every run of whitespace that holds a line break with one line
break, outside the elements whose whitespace shows (pre, code, kbd, textarea)
or is not HTML (script, style) and the drawings (svg, template), left as they
are. In running text a line break and the spaces around it render as one
space, so the page looks and reads the same. MkDocs and Material have no
minifying option; the minify plugins would add a dependency for what one
expression does here.
"""

import re

TOKEN = re.compile(
    r"(?P<keep><(?P<tag>pre|code|kbd|textarea|script|style|svg|template)\b.*?</(?P=tag)>)"
    r"|[ \t\r]*\n[ \t\r\n]*",  # not \s: a no-break space is text
    re.DOTALL | re.IGNORECASE,
)


def collapse(html):
    return TOKEN.sub(lambda match: match["keep"] or "\n", html)


def collapse_whitespace(output, page, build):
    """The last step: the page as every other step leaves it, without the templates' indentation."""
    return collapse(output)
