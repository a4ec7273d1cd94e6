"""Material's templates compiled once, not on every build.

Jinja compiles every template it loads from source; Material's page template
pulls in some 45 partials, and the i18n plugin builds the site once per
language with a new environment each time, so a build compiled 93 templates
(about 0.3 s of a 3 s build, and again on every rebuild in `mkdocs serve`).
Jinja's own bytecode cache keeps the compiled code in .cache/jinja/, keyed by
each template's name and the checksum of its source: an edited template or a
Material upgrade is compiled afresh.
"""

from jinja2 import FileSystemBytecodeCache

from sitebuilder.pagemodel.site import BUILD_CACHE, build_cache_used

CACHE = BUILD_CACHE / "jinja"


def keep_compiled_templates(env, build):
    """Jinja's bytecode cache for the theme's templates (none when the build cache is off)."""
    if not build_cache_used():
        return env
    CACHE.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(CACHE))
    return env
