"""One model of a documentation page, read by the site's hooks and by the tests.

A page is parsed once (per run, per path) into a :class:`~pagemodel.page.Page`:
its fenced blocks with snippet includes expanded exactly as the site expands
them, the chains of blocks that run together and the output block each one
prints, the prose with its (signed) numbers, the mathematics and the mermaid
diagrams. The settings come from mkdocs.yml itself (:mod:`pagemodel.site`).

* :mod:`pagemodel.site` -- the repository, mkdocs.yml, ``LANGUAGES``
* :mod:`pagemodel.page` -- ``page(path)`` and ``parse_markdown(text, name)``
* :mod:`pagemodel.numbers` -- stated and computed numbers, one rounding rule
* :mod:`pagemodel.names` -- which value a symbol of the prose stands for
* :mod:`pagemodel.formulas` -- the pages' gradient equations as arithmetic
* :mod:`pagemodel.mermaid` -- the one mermaid grammar the site's diagrams use
* :mod:`pagemodel.glossary` -- docs/glossary.yml, loaded and checked
"""
