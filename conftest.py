# Makes pytest-markdown-docs expand snippet includes and check printed output,
# and (on GitHub Actions) turns failures into annotations on the failing line.
pytest_plugins = ["tests.docs_plugin", "tests.annotations", "tests.run_summary", "pytester"]
