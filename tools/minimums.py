"""The lowest Python and NumPy pyproject.toml allows, tested: `make minimums`.

pyproject.toml promises ``requires-python = ">=3.10"`` and ``numpy>=1.24``;
the rest of the suite runs on the pinned, newer versions. This builds the
wheel, installs it with exactly the lowest NumPy into a fresh venv of the
lowest Python (``--python``, by default ``python3.<minor>`` on PATH), and
runs every page's Python blocks there, from an empty folder, comparing what
each prints with the page's output blocks, as tests/docs_plugin.py does with
the pinned versions. Blocks that import torch are left out (no torch here).

The blocks are read here, with the page model (sitebuilder needs Python 3.11);
only the reader's package and NumPy go into the old interpreter.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import tomllib

from sitebuilder.pagemodel.page import page as page_model
from sitebuilder.pagemodel.site import LANGUAGES, REPO, page_files, relative

VENV = REPO / ".venv-minimums"
IMPORTS_TORCH = re.compile(r"^\s*(import|from)\s+torch\b", re.M)  # as tests/optional_torch.py reads it

# Runs in the old interpreter: each job in a fresh namespace, stdout captured.
RUNNER = """
import contextlib, io, json, sys, traceback
import numpy, snippets
jobs = json.load(sys.stdin)
printed = {}
for label, code in jobs:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, label, "exec"), {"__name__": "__main__"})
        printed[label] = out.getvalue()
    except BaseException:
        printed[label] = out.getvalue() + "[error] " + traceback.format_exc(limit=-2)
print(json.dumps({"numpy": numpy.__version__, "python": sys.version.split()[0],
                  "snippets": snippets.__file__, "printed": printed}))
"""


def minimums():
    """(python "3.10", numpy "1.24") from pyproject.toml's lower bounds."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    python = re.fullmatch(r">=\s*(\d+\.\d+)", project["requires-python"].strip())
    numpy = next((m for d in project["dependencies"] if (m := re.fullmatch(r"numpy\s*>=\s*([\d.]+)", d))), None)
    if not python or not numpy:
        raise SystemExit("pyproject.toml: expected requires-python = \">=X.Y\" and a dependency numpy>=X.Y")
    return python.group(1), numpy.group(1)


def normalise(text):
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


def jobs():
    """[(label, code, expected output)] for every Python block of every page, torch blocks left out."""
    found = []
    for language in LANGUAGES:
        for path in page_files(language):
            for block in page_model(path).python_blocks:
                code = "\n".join(b.code for b in block.chain)
                if IMPORTS_TORCH.search(code):
                    continue
                expected = "".join(b.output.code for b in block.chain if b.output is not None)
                found.append((f"{relative(path)}:{block.line}", code, expected))
    return found


def run(command, **options):
    print("+", " ".join(str(c) for c in command), flush=True)
    return subprocess.run([str(c) for c in command], check=True, **options)


def prepare_venv(python, python_version, numpy_version, wheel_dir):
    """A fresh venv of `python` holding numpy==<lowest> and the wheel; returns its interpreter."""
    found = shutil.which(python)
    if not found:
        raise SystemExit(f"{python} not found: install Python {python_version} (actions/setup-python, "
                         f"pyenv install {python_version}) or pass MIN_PYTHON=/path/to/python{python_version}")
    actual = subprocess.run([found, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                            check=True, capture_output=True, text=True).stdout.strip()
    if actual != python_version:
        raise SystemExit(f"{found} is Python {actual}; pyproject.toml's lowest is {python_version}")
    shutil.rmtree(VENV, ignore_errors=True)
    run([found, "-m", "venv", VENV])
    venv_python = VENV / "bin" / "python"
    # The build uses this environment's setuptools (no build isolation), as the tests' wheel does.
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", wheel_dir, REPO])
    (wheel,) = Path(wheel_dir).glob("backprop_snippets-*.whl")
    run([venv_python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--only-binary=:all:", f"numpy=={numpy_version}.0", wheel])
    return venv_python


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    python_version, numpy_version = minimums()
    parser.add_argument("--python", default=f"python{python_version}",
                        help=f"the Python {python_version} interpreter to test with")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as wheels, tempfile.TemporaryDirectory() as empty:
        venv_python = prepare_venv(args.python, python_version, numpy_version, wheels)
        work = jobs()
        result = subprocess.run([str(venv_python), "-I", "-c", RUNNER], input=json.dumps([j[:2] for j in work]),
                                cwd=empty, capture_output=True, text=True, check=True)
    report = json.loads(result.stdout)
    if not report["snippets"].startswith(str(VENV)):
        raise SystemExit(f"snippets was imported from {report['snippets']}, not the installed wheel")
    wrong = [(label, expected, report["printed"][label]) for label, _, expected in work
             if normalise(report["printed"][label]) != normalise(expected)]
    for label, expected, printed in wrong:
        print(f"--- {label}: the page shows\n{normalise(expected)}\n--- Python {report['python']}, "
              f"NumPy {report['numpy']} printed\n{normalise(printed)}\n")
    print(f"Python {report['python']}, NumPy {report['numpy']}: {len(work) - len(wrong)} of {len(work)} "
          "page blocks print what their pages show (blocks that import torch left out)")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
