"""Write both language versions of every exercise notebook, executed (python -m snippets.exercises)."""

import nbformat

from snippets.exercises.content import EXERCISES
from snippets.exercises.notebooks import LANGUAGES, build, execute, notebook_path

for name in EXERCISES:
    for language in LANGUAGES:
        path = notebook_path(name, language)
        nbformat.write(execute(build(name, language)), path)
        print(f"wrote {path.relative_to(path.parents[3])}")
