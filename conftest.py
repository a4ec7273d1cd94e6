# Makes pytest-markdown-docs expand snippet includes and check printed output,
# selects one page pair's checks with --page (tests/page_selection.py),
# ends a run with what it evaluated and skipped (tests/run_summary.py),
# and (on GitHub Actions) turns failures into annotations on the failing line.
pytest_plugins = ["tests.docs_plugin", "tests.annotations", "tests.page_selection", "tests.run_summary", "pytester"]
