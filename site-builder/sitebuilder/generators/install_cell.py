"""The first cells of every downloadable notebook: how to install, then the install itself.

A notebook that cannot import ``snippets`` fails one cell later with
``No module named 'snippets'``, far from the cause; and ``%pip`` prints its
error but lets the cell succeed. So the install cell is plain Python (it also
runs pasted into a file): it runs pip with the kernel's own interpreter and
stops the notebook (``SystemExit``, which Jupyter reports as the cell's error,
so "Run all" stops there) with pip's message when the install failed or
``import snippets`` still fails. A notebook whose code uses PyTorch installs
the CPU build when torch is missing (PyPI's Linux torch is the CUDA build).

The commands come from snippets/__init__.py (the sections the pages include;
tests/test_install_line.py keeps its address equal to mkdocs.yml's repo_url),
so a page and a notebook show the same lines and the deploy build's
repository step (transforms/repository.py) rewrites both.
"""

import re

import nbformat

from sitebuilder.pagemodel.site import REPO, mkdocs_config

INSTALL_TAG = "install"
USES_TORCH = re.compile(r"^\s*(import torch|from torch\b)", re.M)
NOTE = {
    "ko": "노트북 밖에서는 터미널에서 설치합니다. "
          "이 노트북에서는 다음 셀이 설치하고, 실패하면 이유를 보여 주며 멈춥니다.",
    "en": "Outside a notebook, install in a terminal. "
          "Here the next cell installs it, and stops with the reason if that fails.",
}


def repository_url():
    """repo_url from mkdocs.yml: the one place the package's address is written."""
    url = mkdocs_config().get("repo_url")
    if not url:
        raise ValueError("mkdocs.yml has no repo_url: the install cell needs the repository address")
    return url


def shared_command(section):
    """The one line of a ``--8<-- [start:section]`` block of snippets/__init__.py."""
    text = (REPO / "snippets" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(rf"--8<-- \[start:{section}\]\n(.+?)\n--8<-- \[end:{section}\]", text)
    if not match:
        raise ValueError(f"snippets/__init__.py has no section {section!r} (the install command the pages show)")
    return match.group(1)


def uses_torch(cells):
    return any(cell.cell_type == "code" and USES_TORCH.search(cell.source) for cell in cells)


def note_cell(language, torch):
    commands = [shared_command("install")] + ([shared_command("install_torch")] if torch else [])
    return nbformat.v4.new_markdown_cell(NOTE[language] + "\n\n```bash\n" + "\n".join(commands) + "\n```")


def install_cell(url, torch=False):
    """Python that installs the package (and torch's CPU build) and stops the notebook if that fails."""
    torch_lines = ""
    if torch:
        index = shared_command("install_torch").split("--index-url ", 1)[1]
        torch_lines = (
            'if importlib.util.find_spec("torch") is None:  # PyTorch\'s CPU build, not PyPI\'s CUDA one\n'
            f'    install("torch", "--index-url", "{index}")\n'
        )
    source = (
        "# Installs the course's code (the `snippets` package) and stops here, saying why, if that fails.\n"
        "import importlib.util, subprocess, sys\n"
        "\n"
        "def install(*arguments):\n"
        '    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *arguments],\n'
        "                         capture_output=True, text=True)\n"
        "    if pip.returncode != 0:\n"
        '        raise SystemExit(f"pip install {\' \'.join(arguments)} failed, so the cells below cannot run:\\n"\n'
        "                         f\"{pip.stderr or pip.stdout}\")\n"
        "\n"
        f'install("git+{url}")\n'
        f"{torch_lines}"
        "importlib.invalidate_caches()\n"
        "try:\n"
        "    import snippets\n"
        "except ImportError as error:\n"
        '    raise SystemExit(f"pip installed the package, but `import snippets` still fails ({error}): "\n'
        '                     "restart the kernel (Kernel > Restart) and run this cell again.") from None'
    )
    return nbformat.v4.new_code_cell(source, metadata={"tags": [INSTALL_TAG]})


def install_cells(cells, language):
    """The note (a shell block, for a reader outside Jupyter) and the install cell for these cells."""
    torch = uses_torch(cells)
    return [note_cell(language, torch), install_cell(repository_url(), torch)]
