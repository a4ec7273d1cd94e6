"""Fixtures shared by the tests that need the built site (links, browser)."""

from tests.site_build import built_site  # noqa: F401  (a fixture, used by name)
