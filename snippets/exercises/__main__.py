"""Write both language versions of every exercise notebook, executed (python -m snippets.exercises)."""

import nbformat

from snippets.exercises.notebooks import LANGUAGES, REPO, build, execute, notebook_path, sources

for name in sources():
    for language in LANGUAGES:
        path = notebook_path(name, language)
        nbformat.write(execute(build(name, language), cwd=REPO), path)
        print(f"wrote {path.relative_to(REPO)}")
