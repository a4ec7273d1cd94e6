"""The wheel a reader installs is reader code only.

A reader installs the package with pip into an environment that holds NumPy
and nothing else. There every module of the wheel imports, and importing one
prints nothing; running an example as a script (``python -m``) writes nothing
into the environment; and nothing in the wheel imports the site's build
package (sitebuilder, which may import the reader package, never the reverse).
"""

import ast
import csv
import importlib.metadata
import io
import json
import pathlib
import subprocess
import sys
import venv
import zipfile

import pytest

from tests.optional_torch import needs_torch

MISSING_TORCH = "ModuleNotFoundError: No module named 'torch'"


def wheel_sources(wheel):
    """{module name: source} for every Python file the wheel's RECORD lists."""
    with zipfile.ZipFile(wheel) as archive:
        record = next(name for name in archive.namelist() if name.endswith(".dist-info/RECORD"))
        paths = [row[0] for row in csv.reader(io.StringIO(archive.read(record).decode()))]
        return {
            path.removesuffix(".py").removesuffix("/__init__").replace("/", "."): archive.read(path).decode()
            for path in paths if path.endswith(".py")
        }


def link_numpy_only(folder):
    """A folder whose only content is the running environment's NumPy (links, no copy, no network)."""
    numpy = importlib.metadata.distribution("numpy")
    installed_in = numpy.locate_file("")
    for top in sorted({file.parts[0] for file in numpy.files if file.parts[0] != ".."}):
        (folder / top).symlink_to(installed_in / top)
    return folder


@pytest.fixture(scope="module")
def reader_venv(reader_wheel, tmp_path_factory):
    """(python, root) of a fresh venv without system site-packages: the wheel, and NumPy by a .pth file."""
    root = tmp_path_factory.mktemp("reader-venv")
    venv.create(root, with_pip=False, system_site_packages=False)
    python = root / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-index", "--no-deps",
         str(reader_wheel)],
        check=True, capture_output=True,
    )
    site_packages = subprocess.run(
        [str(python), "-I", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    numpy = link_numpy_only(tmp_path_factory.mktemp("numpy-only"))
    # pip cannot install NumPy without an index or a NumPy wheel file; a .pth
    # line puts the running environment's NumPy (and nothing else) on the path.
    (pathlib.Path(site_packages) / "numpy-only.pth").write_text(f"{numpy}\n")
    return python, root


# Runs in the reader's venv: each job (import a module, or run it as
# ``python -m`` does) in a child forked from a process that has imported NumPy
# and nothing of the package, so a child sees no module of the package
# imported before its own, as a new interpreter would, without paying a new
# interpreter's and NumPy's start-up once per module. Reports, as JSON, what
# each printed (stdout and stderr) and the error it raised.
RUNNER = """
import contextlib, importlib, io, json, multiprocessing, runpy, sys, traceback
import numpy

def attempt(job):
    how, name = job
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            if how == "import":
                importlib.import_module(name)
            else:
                runpy.run_module(name, run_name="__main__", alter_sys=True)
    except BaseException:
        return name, printed.getvalue(), traceback.format_exc(limit=-2)
    return name, printed.getvalue(), ""

if __name__ == "__main__":
    jobs = json.load(sys.stdin)
    with multiprocessing.get_context("fork").Pool(2, maxtasksperchild=1) as pool:
        print(json.dumps(pool.map(attempt, jobs, chunksize=1)))
"""


def run_each(python, how, modules, folder):
    """{module: (printed, error)} for `how` ("import" or "run") of each module, in isolated mode
    (-I: no PYTHONPATH, no user site-packages, not the working folder on sys.path)."""
    result = subprocess.run(
        [str(python), "-I", "-c", RUNNER], input=json.dumps([[how, name] for name in modules]),
        cwd=folder, capture_output=True, text=True,
    )
    assert result.returncode == 0 and not result.stderr, result.stderr
    return {name: (printed, error) for name, printed, error in json.loads(result.stdout)}


def is_script(source):
    """Does the module run something under ``if __name__ == "__main__":``?"""
    return any(
        isinstance(node, ast.If) and isinstance(node.test, ast.Compare)
        and isinstance(node.test.left, ast.Name) and node.test.left.id == "__name__"
        for node in ast.parse(source).body
    )


def test_the_wheel_holds_the_reader_package_alone(reader_wheel):
    modules = wheel_sources(reader_wheel)
    assert {name.split(".")[0] for name in modules} == {"snippets"}
    imports_build = []
    for name, source in modules.items():
        for node in ast.walk(ast.parse(source)):
            imported = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            imports_build += [f"{name} imports {i}" for i in imported if i.split(".")[0] == "sitebuilder"]
    assert not imports_build, "the reader package imports the build package:\n" + "\n".join(imports_build)


def test_every_module_imports_with_numpy_alone_and_prints_nothing(reader_wheel, reader_venv, tmp_path):
    python, root = reader_venv
    where = subprocess.run([str(python), "-I", "-c", "import snippets; print(snippets.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True)
    assert where.stdout.startswith(str(root)), f"snippets not imported from the venv: {where.stdout}{where.stderr}"
    modules = sorted(wheel_sources(reader_wheel))
    assert len(modules) > 60, f"only {len(modules)} modules in the wheel"
    failures = {name: (printed + error).strip()
                for name, (printed, error) in run_each(python, "import", modules, tmp_path).items()
                if printed or error}
    assert not failures, f"{len(failures)} of {len(modules)} modules fail or print on import:\n" + "\n".join(
        f"--- import {name}: {report[-500:]}" for name, report in failures.items())


def snapshot(root):
    """Every file under root, with its size and modification time."""
    return {path: (path.lstat().st_size, path.lstat().st_mtime_ns) for path in root.rglob("*")}


def test_running_the_examples_writes_nothing_into_the_environment(reader_wheel, reader_venv, tmp_path):
    python, root = reader_venv
    scripts = {name: source for name, source in wheel_sources(reader_wheel).items() if is_script(source)}
    assert len(scripts) > 30, f"only {len(scripts)} example scripts in the wheel"
    before = snapshot(root)
    runs = run_each(python, "run", scripts, tmp_path)
    after = snapshot(root)
    changed = sorted(str(path.relative_to(root)) for path in before.keys() | after.keys()
                     if before.get(path) != after.get(path))
    assert not changed, "running the examples changed files in the environment:\n" + "\n".join(changed)
    # Only NumPy is installed: an example that needs PyTorch stops at its import of torch.
    failed = {name: error for name, (_, error) in runs.items()
              if error and not (needs_torch(scripts[name]) and error.strip().endswith(MISSING_TORCH))}
    assert not failed, "examples fail with NumPy alone:\n" + "\n".join(f"--- {n}: {e}" for n, e in failed.items())
