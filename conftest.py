# Makes pytest-markdown-docs expand snippet includes and check printed output.
pytest_plugins = ["tests.docs_plugin"]
