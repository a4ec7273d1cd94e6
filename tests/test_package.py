"""The package a reader installs says what it is: version, licence, addresses, types, shapes.

The wheel is the one ``pip install`` builds (conftest.reader_wheel); its
metadata is what ``pip show backprop-snippets`` prints.
"""

import email
import inspect
import re
import zipfile

import pytest
import tomllib

import snippets
from sitebuilder.pagemodel.page import parse_markdown
from sitebuilder.pagemodel.site import REPO, mkdocs_config
from snippets import broadcasting, gradient, gradient_flow, layers, mlp
from snippets.autograd import Value
from snippets.layers import softmax

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
# A shape as the docstrings write it: (N, D_in), (C,), () ...
SHAPE = re.compile(r"\((?:[^()]*,[^()]*)?\)")
PUBLIC_CLASSES = [*(getattr(layers, name) for name in layers.__all__), Value, mlp.TwoLayerMLP,
                  gradient_flow.GradientFlow]
PUBLIC_FUNCTIONS = [gradient.numerical_gradient, gradient.relative_error, broadcasting.sum_to_shape,
                    gradient_flow.layer_gradient_flow, gradient_flow.layer_gradient_norms,
                    gradient_flow.clip_by_global_norm, layers.sigmoid.sigmoid, softmax.softmax,
                    softmax.log_softmax, softmax.cross_entropy_error]


def wheel_metadata(wheel):
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(archive.read(name)), archive.namelist()


def public_members(cls):
    """(name, function) for the methods and properties a reader calls, __init__ excluded."""
    for name, member in vars(cls).items():
        if name.startswith("_") and name not in ("__add__", "__mul__", "__pow__", "__sub__", "__truediv__"):
            continue
        if isinstance(member, property):
            yield name, member.fget
        elif inspect.isfunction(member):
            yield name, member


def test_the_version_is_written_once_and_the_wheel_carries_it(reader_wheel):
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "snippets.__version__"}
    metadata, _ = wheel_metadata(reader_wheel)
    assert metadata["Version"] == snippets.__version__
    assert reader_wheel.name.startswith(f"backprop_snippets-{snippets.__version__}-")


def test_pip_show_names_the_licence_and_the_addresses(reader_wheel):
    metadata, files = wheel_metadata(reader_wheel)
    assert metadata["License-Expression"] == "MIT"
    assert metadata["License-File"] == "LICENSE"
    assert any(f.endswith(".dist-info/licenses/LICENSE") for f in files)
    urls = dict(line.split(", ", 1) for line in metadata.get_all("Project-URL"))
    assert urls == {"Homepage": mkdocs_config()["site_url"], "Source": mkdocs_config()["repo_url"]}
    assert "The backprop-docs authors" in (REPO / "LICENSE").read_text(encoding="utf-8")


def test_the_wheel_carries_its_readme_and_py_typed(reader_wheel):
    metadata, files = wheel_metadata(reader_wheel)
    assert "snippets/py.typed" in files
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert metadata.get_payload().startswith("# backprop-snippets")


def test_the_readme_links_both_languages_and_its_example_prints_what_it_shows(capsys):
    text = (REPO / "snippets" / "README.md").read_text(encoding="utf-8")
    site = mkdocs_config()["site_url"]
    assert f"<{site}>" in text and f"<{site}en/>" in text
    blocks = parse_markdown(text).blocks
    (code,) = [b for b in blocks if b.is_python]
    assert len(code.code.strip().splitlines()) <= 14
    exec(compile(code.code, "snippets/README.md", "exec"), {})
    assert capsys.readouterr().out.strip() == code.output.code.strip()


def test_the_build_requirement_reads_spdx_licences_and_is_bounded():
    (requirement,) = PYPROJECT["build-system"]["requires"]
    assert requirement.replace(" ", "") == "setuptools>=77,<90"
    assert "optional-dependencies" not in PYPROJECT["project"]  # no [torch] extra: it would pull CUDA torch


@pytest.mark.parametrize("cls", PUBLIC_CLASSES, ids=lambda c: c.__name__)
def test_every_public_class_and_method_says_its_shapes(cls):
    missing = [cls.__name__] if not SHAPE.search(inspect.getdoc(cls) or "") else []
    for name, function in public_members(cls):
        doc = inspect.getdoc(function) or ""
        needs_arrow = name in ("forward", "backward")
        if not SHAPE.search(doc) or (needs_arrow and "->" not in doc):
            missing.append(f"{cls.__name__}.{name}")
    assert not missing, f"no docstring with shapes in and out: {missing}"


@pytest.mark.parametrize("function", PUBLIC_FUNCTIONS, ids=lambda f: f.__name__)
def test_every_public_function_says_its_shapes_and_types(function):
    assert SHAPE.search(inspect.getdoc(function) or ""), function.__name__
    assert "return" in function.__annotations__, f"{function.__name__} has no type hints"


@pytest.mark.parametrize("cls", [getattr(layers, name) for name in layers.__all__], ids=lambda c: c.__name__)
def test_forward_and_backward_have_type_hints(cls):
    for name in ("forward", "backward"):
        assert "return" in getattr(cls, name).__annotations__, f"{cls.__name__}.{name}"


def test_help_shows_the_shapes(capsys):
    help(layers.Affine)
    assert "x: (N, D_in) -> (N, D_out)" in capsys.readouterr().out


def test_value_accumulates_as_pytorch_does():
    a = Value(2.0)
    out = a * 3 + a * 4
    out.backward()
    out.backward()
    assert a.grad == 14.0
    out.zero_grad()
    out.backward()
    assert a.grad == 7.0
