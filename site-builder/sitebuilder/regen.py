"""Rebuild every file the site derives from its sources: `make regen`.

The derived files, in dependency order: the vendored KaTeX assets, the figures,
the diagram drawings, the pages' output blocks, the chapter notebooks and the
executed exercise notebooks. (The benchmark table is not one of them: it is a
measurement of this machine, rewritten by `make bench`.)

A run never leaves the tree half regenerated. First it looks for every tool the
chosen kinds need and, if one is missing, stops before computing anything,
naming the make target that installs it. Then each kind is computed into
memory, in order; only when all of them succeeded are the files written (and
drawings or notebooks no source makes any more deleted). No kind reads what an
earlier one writes (chapter notebooks leave output blocks out, drawings are
named by their source), so computing them all from the committed tree is the
same as writing each before the next. A file whose bytes are already right is
not touched, so a second run changes nothing.
"""

import argparse
import importlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

from sitebuilder.generators import chapter_notebooks, diagrams, exercise_notebooks, vendor_assets
from sitebuilder.generators.plots import figures
from sitebuilder.pagemodel.site import REPO, relative

NODE_MODULES = REPO / "tests" / "browser" / "node_modules"
CHROMIUM = Path(diagrams.CHROMIUM)  # the one the diagrams are drawn with


def _imports(module):
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


def _kernel_is_this_python(name="python3"):
    """The notebooks run in this kernel: it must be this venv's Python (a copied venv
    keeps a kernel that starts the original's Python, with the original's packages)."""
    try:
        argv = KernelSpecManager().get_kernel_spec(name).argv
    except NoSuchKernel:
        return False
    return os.path.abspath(argv[0]) == os.path.abspath(sys.executable)


@dataclass(frozen=True)
class Tool:
    """Something a kind of derived file needs that pip's test set may not have put here."""

    what: str  # as the message names it
    install: str  # the command that installs it
    present: Callable[[], bool]


TOOLS = {
    "torch": Tool("PyTorch (`import torch`; the PyTorch pages and exercises 4 and 5 run it)", "make torch",
                  lambda: _imports("torch")),
    "kernel": Tool(f"the Jupyter kernel python3 running {sys.executable} (the exercise notebooks run in it)",
                   f"{sys.executable} -m ipykernel install --sys-prefix --name python3",
                   _kernel_is_this_python),
    "chromium": Tool(f"Chromium at {CHROMIUM} (draws the diagrams)", "make browser-deps",
                     lambda: os.access(CHROMIUM, os.X_OK)),
    "katex": Tool("KaTeX in tests/browser/node_modules (the vendored assets)", "make browser-deps",
                  lambda: (NODE_MODULES / "katex" / "package.json").is_file()),
    "mermaid": Tool("mermaid in tests/browser/node_modules (draws the diagrams)", "make browser-deps",
                    lambda: (NODE_MODULES / "mermaid" / "package.json").is_file()),
}


def vendored_files(options):
    return vendor_assets.derived_files()


def figure_files(options):
    return figures.derived_files()


def drawing_files(options):
    return diagrams.derived_files(redraw_all=options.redraw_diagrams)


def output_block_pages(options):
    """The pages whose output blocks change, from the suite's own runner of the
    pages (tests/docs_plugin.py), which writes them to a plan instead of the pages."""
    with tempfile.TemporaryDirectory() as scratch:
        plan = Path(scratch) / "outputs.json"
        command = [sys.executable, "-m", "pytest", "docs", "-q", f"--outputs-plan={plan}"]
        env = {**os.environ, "WITH_TORCH": "1", "NO_MKDOCS_2_WARNING": "1"}
        run = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)
        if run.returncode != 0:
            raise RuntimeError(f"a page's code block failed ({' '.join(command[1:4])}):\n{run.stdout[-4000:]}")
        texts = json.loads(plan.read_text(encoding="utf-8"))
    return {Path(name): text.encode("utf-8") for name, text in texts.items()}


def notebook_files(options):
    return chapter_notebooks.derived_files() | exercise_notebooks.derived_files()


@dataclass(frozen=True)
class Kind:
    needs: tuple  # keys of TOOLS
    compute: Callable  # (options) -> {path: bytes, or None to delete}


# In dependency order; `make regen ONLY=notebooks,plots` picks some.
KINDS = {
    "vendor": Kind(("katex",), vendored_files),
    "plots": Kind((), figure_files),
    "diagrams": Kind(("chromium", "mermaid"), drawing_files),
    "outputs": Kind(("torch",), output_block_pages),
    "notebooks": Kind(("torch", "kernel"), notebook_files),
}


def missing_tools(kinds):
    """[Tool] the chosen kinds need and this machine lacks, each named once."""
    needed = dict.fromkeys(need for kind in kinds for need in KINDS[kind].needs)
    return [TOOLS[need] for need in needed if not TOOLS[need].present()]


def write(planned):
    """Write (or delete) each planned file whose bytes differ; return (changed, unchanged) counts."""
    changed = 0
    for path, data in planned.items():
        if data is None:
            if path.exists():
                path.unlink()
                print(f"deleted {relative(path)}")
                changed += 1
            continue
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {relative(path)}")
        changed += 1
    return changed, len(planned) - changed


def parse_kinds(text):
    kinds = [kind.strip() for kind in text.split(",") if kind.strip()] if text else list(KINDS)
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        raise SystemExit(f"unknown kind {', '.join(unknown)}: ONLY takes a comma-separated list of {', '.join(KINDS)}")
    return [kind for kind in KINDS if kind in kinds]  # dependency order, whatever order was asked


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make regen", description=__doc__.splitlines()[0])
    parser.add_argument("--only", metavar="KINDS", help=f"comma-separated, of: {', '.join(KINDS)} (default: all)")
    parser.add_argument("--redraw-diagrams", action="store_true", help="redraw every diagram, not only new ones")
    options = parser.parse_args(argv)
    kinds = parse_kinds(options.only)
    missing = missing_tools(kinds)
    if missing:
        lines = [f"  {tool.what}: run `{tool.install}`" for tool in missing]
        raise SystemExit("make regen wrote nothing; missing:\n" + "\n".join(lines))
    planned = {}
    for kind in kinds:
        print(f"{kind}: computing", flush=True)
        start = time.perf_counter()
        try:
            files = KINDS[kind].compute(options)
        except Exception as error:
            raise SystemExit(f"make regen wrote nothing: {kind} failed: {error}") from error
        print(f"{kind}: {len(files)} files in {time.perf_counter() - start:.1f} s", flush=True)
        planned |= files
    changed, unchanged = write(planned)
    print(f"{', '.join(kinds)}: {changed} files changed, {unchanged} already current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
