"""Each distinct code block is highlighted once per build, not once per page.

The Korean and English twin of a page show the same code (both include it from
snippets/), and the i18n plugin builds the site once per language, so Pygments
highlighted most blocks twice: 330 blocks, a sixth of the build's time.
pymdownx.highlight has no cache of its own (the gap this covers), so its
``Highlight.highlight`` is wrapped with one here, keyed by everything the
result depends on: the highlighter's settings and every argument of the call
(not the Markdown instance it is handed, which it uses only to store a block's
title, so a block with a title is highlighted every time).
The pages come out byte for byte as before (tests/test_build_cache.py
compares a build with and without it).
"""

from pymdownx import highlight

from sitebuilder.pagemodel.site import build_cache_used

_original = highlight.Highlight.highlight
_results = {}


def _highlight_once(self, *args, **kwargs):
    if kwargs.get("title"):
        return _original(self, *args, **kwargs)  # a title goes into the page's own store (md.htmlStash)
    settings = sorted((name, value) for name, value in vars(self).items() if name != "md")
    key = (repr(settings), repr(args), repr(sorted(kwargs.items())))
    if key not in _results:
        _results[key] = _original(self, *args, **kwargs)
    return _results[key]


def highlight_each_block_once(config):
    """Puts the cached highlighter in place (or the original, when the build cache is off)."""
    highlight.Highlight.highlight = _highlight_once if build_cache_used() else _original
    return config
