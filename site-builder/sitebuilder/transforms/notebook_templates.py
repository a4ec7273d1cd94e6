"""nbconvert's templates compiled once per `mkdocs build`, not once per notebook.

mkdocs-jupyter makes a new nbconvert HTMLExporter for every notebook it
renders (and a MarkdownExporter for its table of contents), and each exporter
makes a new Jinja environment that compiles every template it loads again: 15
templates for each of the ten exercise pages (five per language), about 40 %
of a build without a .cache/ folder. mkdocs-jupyter has no option to hand it
an exporter (the gap this covers), so its module's two exporter names are
pointed at subclasses whose environments share one in-memory Jinja bytecode
cache: a template is compiled the first time any notebook needs it and loaded
from the compiled code afterwards. Jinja checks each template's source
checksum before using its compiled code, and each exporter class has its own
cache, so the code always comes from the same template file and the same
filters. Nothing is written to disk; the pages come out byte for byte as
before (tests/test_build_cache.py compares a build with and without it).
"""

from jinja2 import BytecodeCache
from mkdocs_jupyter import nbconvert2
from nbconvert.exporters.html import HTMLExporter
from nbconvert.exporters.markdown import MarkdownExporter

from sitebuilder.pagemodel.site import build_cache_used


class CompiledInMemory(BytecodeCache):
    """Jinja's compiled templates kept in this process (Jinja ships only disk and memcached caches)."""

    def __init__(self):
        self.compiled = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def sharing_compiled_templates(exporter):
    """A subclass of `exporter` whose Jinja environments all use one compiled-template cache."""
    cache = CompiledInMemory()

    class Shared(exporter):
        @property
        def environment(self):
            environment = super().environment
            environment.bytecode_cache = cache
            return environment

    Shared.__name__ = Shared.__qualname__ = exporter.__name__
    return Shared


SHARED = {HTMLExporter: sharing_compiled_templates(HTMLExporter),
          MarkdownExporter: sharing_compiled_templates(MarkdownExporter)}


def compile_notebook_templates_once(config):
    """Puts the sharing exporters in mkdocs-jupyter's place (the originals when the build cache is off)."""
    used = build_cache_used()
    nbconvert2.HTMLExporter = SHARED[HTMLExporter] if used else HTMLExporter
    nbconvert2.MarkdownExporter = SHARED[MarkdownExporter] if used else MarkdownExporter
    return config
