"""Write every notebook: the exercises in both
languages, executed, into docs/{ko,en}/exercises/, and each chapter page as an
unexecuted notebook into notebooks/{ko,en}/."""

import nbformat

from sitebuilder.generators import chapter_notebooks as chapters
from sitebuilder.generators.exercise_notebooks import LANGUAGES, REPO, build, execute, notebook_path, sources

for name in sources():
    for language in LANGUAGES:
        path = notebook_path(name, language)
        nbformat.write(execute(build(name, language), cwd=REPO), path)
        print(f"wrote {path.relative_to(REPO)}")

for language in LANGUAGES:
    for page in chapters.chapter_pages(language):
        path = chapters.notebook_path(page)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(chapters.build(page), path)
        print(f"wrote {path.relative_to(REPO)}")
