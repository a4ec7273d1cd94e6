"""The exercises' check cells teach: each says, in its notebook's language, whether an
answer is blank, wrong (and how: rounded too far, an array for a number, a sum for a
mean) or right.

Every exercise is run in-process three ways, from the cells of the notebook as
built (the code cells, with the line that sets the language): the blank as
given, one typical wrong answer, and the solution; each check cell's output
must carry the expected sentence in that language. tests/test_notebooks.py runs
each notebook once per language in a kernel, the solution path included.
"""

import contextlib
import io

import numpy as np
import pytest

from sitebuilder.generators.exercise_notebooks import INSTALL_TAG, LANGUAGES, build, sources
from snippets.exercises import checks
from tests.exercise_messages import check_words, failing_words, printed
from tests.optional_torch import skip_unless_torch

NAMES = list(sources())

# Per exercise: the first quantity its check names, one typical mistake (code run after the
# blank cell, or after the solution), and the message key and quantity of the line it must print.
# A quantity is a name, or (message key, values) for a name the checks translate.
CASES = {
    "01-chain-rule-by-hand": ("dL/da", "dL_da, da_dz, dz_dx, dL_dx = 14.0, 1.0, 3.0, 14.0", False, "wrong", "dL/dx"),
    "02-single-neuron": ("dL/dw", "dL_dw, dL_db = -0.0706, 0.0706", False, "wrong", "dL/db"),
    "03-mlp-gradient-check": (("numerical_gradient_test", {}),
                              "_mean = loss\nloss = lambda params, x, t: len(x) * _mean(params, x, t)",
                              True, "sum", "loss"),
    "04-vanishing-gradients": (("norms", {"activation": "sigmoid"}), "norms = [1.0] * DEPTH", False, "wrong",
                               ("norms", {"activation": "sigmoid"})),
    "05-retain-graph": (("x_grad_after", {"calls": 2}), "x_grad = 4.0  # after one call", False, "wrong",
                        ("x_grad_after", {"calls": 2})),
    "06-dead-relus": ("dead_mask", "dead_mask = (x @ W + b <= 0).any(axis=0)  # any input, not every input",
                      True, "wrong", "dead_mask"),
}


@pytest.fixture(autouse=True)
def english_afterwards():
    """The notebooks set the checks' language; other tests expect the default."""
    yield
    checks.set_language("en")


def cells(name, language):
    """{kind: [source, ...]} of the notebook's code cells in order, the install cell left out."""
    found = {"exercise": [], "check": [], "solution": [], "torch": []}
    for cell in build(name, language).cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "code" and INSTALL_TAG not in tags:
            found[next(t for t in found if t in tags)].append(cell.source)
    return found


def run(sources_in_order):
    """Execute cells in one fresh namespace, as a new kernel would; return what they printed."""
    namespace, printed = {}, io.StringIO()
    with contextlib.redirect_stdout(printed):
        for source in sources_in_order:
            exec(compile(source, "<cell>", "exec"), namespace)  # the notebook's own cells
    return printed.getvalue()


def line(key, quantity, language):
    """The full line a check prints about `quantity`, in `language`."""
    checks.set_language(language)
    if isinstance(quantity, tuple):
        quantity = checks.message(quantity[0], **quantity[1])
    return checks.message(key, name=quantity)


def three_ways(name, language):
    """{way: what the check cells print} for the blank, the mistake and the solution."""
    notebook = cells(name, language)
    skip_unless_torch("\n".join(notebook["exercise"] + notebook["solution"]))
    blank, check, solution = notebook["exercise"], notebook["check"], notebook["solution"]
    _, mistake, after_solution, _, _ = CASES[name]
    with_mistake = blank + (solution if after_solution else []) + [mistake]
    return {
        "blank": run(blank + check).removeprefix(run(blank)),
        "wrong": run(with_mistake + check).removeprefix(run(with_mistake)),
        "solution": run(blank + solution + check).removeprefix(run(blank + solution)),
    }


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_check_cells_answer_blank_wrong_and_solved(name, language):
    outputs = three_ways(name, language)
    first, _, _, wrong_key, wrong_quantity = CASES[name]
    blank_key = "blank_code" if name.startswith("03") else "blank"
    expected = {"blank": line(blank_key, first, language), "wrong": line(wrong_key, wrong_quantity, language)}
    for way in ("blank", "wrong"):
        assert expected[way] in outputs[way].split("\n"), (
            f"{name} ({language}), {way}: expected the line {expected[way]!r} in\n{outputs[way]}")
        assert failing_words(outputs[way], language), f"{name} ({language}), {way}: says nothing is wrong"
    solved = outputs["solution"]
    assert check_words("correct", language) in solved and not failing_words(solved, language), (
        f"{name} ({language}): after the solution the check cell does not say correct:\n{solved}")
    other = next(lang for lang in LANGUAGES if lang != language)
    for way, output in outputs.items():
        foreign = [key for key in ("correct", "wrong", "blank") if check_words(key, other) in output]
        assert not foreign, f"{name} ({language}), {way}: {foreign} in the other language:\n{output}"


# --- how an answer is judged: precision, shape, sum for mean, the learner's tools ---------


def test_a_value_rounded_as_printed_is_correct_and_one_rounded_too_far_is_named():
    neuron = (0.5, 0.1, 1.0, 0.8)
    assert printed(checks.single_neuron, *neuron, -0.0706, -0.07)[:2] == [
        "dL/dw: correct (to 4 decimals)", "dL/db: correct (to 2 decimals)"]
    assert printed(checks.single_neuron, *neuron, -0.0706, -0.0706, language="ko")[0] == (
        "dL/dw: 맞습니다(소수점 아래 4자리까지)")
    assert printed(checks.single_neuron, *neuron, -0.1, -0.0707)[:2] == [
        "dL/dw: rounded too far: give at least 2 decimals or 3 significant digits",
        "dL/db: not right yet, try again"]


def test_norms_copied_from_the_solutions_printout_are_correct():
    from snippets.gradient_flow import layer_gradient_norms

    as_printed = [float(f"{value:.2e}") for value in layer_gradient_norms("relu", depth=10, seed=0)]
    assert printed(checks.gradient_norms, as_printed, "relu", 10) == ["relu norms: correct (to 3 significant digits)"]
    as_printed[3] *= 1.01
    assert printed(checks.gradient_norms, as_printed, "relu", 10) == ["relu norms: not right yet, try again"]


def test_shapes_are_named():
    neuron = (0.5, 0.1, 1.0, 0.8)
    assert printed(checks.single_neuron, *neuron, np.array([-0.0706]), np.zeros(2))[:2] == [
        "dL/dw: got an array of shape (1,), expected a number (take it out with .item())",
        "dL/db: got an array of shape (2,), expected a number"]
    assert printed(checks.gradient_norms, [1.0] * 9, "sigmoid", 10, language="ko") == [
        "sigmoid 노름: 모양이 (9,)인 배열을 받았습니다. 필요한 모양은 (10,)입니다"]
    assert printed(checks.gradient_norms, 1.0, "sigmoid", 10) == [
        "sigmoid norms: got a number, expected an array of shape (10,)"]
    assert printed(checks.accumulated_gradient, "8", 2.0, 2) == [
        "x.grad after 2 calls: expected a number or an array, got a str"]


def solved_mlp():
    notebook = cells("03-mlp-gradient-check", "en")
    namespace = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for source in notebook["exercise"] + notebook["solution"]:
            exec(compile(source, "<cell>", "exec"), namespace)
    return namespace


def test_a_gradient_summed_over_the_batch_is_named():
    ns = solved_mlp()
    summed = lambda params, x, t: {k: len(x) * v for k, v in ns["gradients"](params, x, t).items()}  # noqa: E731
    out = printed(checks.mlp_gradients, ns["loss"], summed, ns["params"], ns["x"], ns["t"])
    assert "loss: correct" in out and out[-1] == "Some parts are not right yet."
    assert sum(line.endswith("(the sum over the batch; the exercise asks for the mean (divide by N))")
               for line in out) == 4


def test_the_learners_gradient_check_tools_are_tried_then_used():
    ns = solved_mlp()
    args = (ns["loss"], ns["gradients"], ns["params"], ns["x"], ns["t"])

    def forward_difference(f, array, h=1e-5):
        return ns["numerical_gradient"](f, array, h) * 2  # wrong by a factor

    def keeps_the_nudge(f, array, h=1e-5):
        array[(0,) * array.ndim] += h
        return np.zeros_like(array)

    out = printed(checks.mlp_gradients, *args, forward_difference, lambda a, n: np.linalg.norm(a - n))
    assert out[:4] == [
        "numerical_gradient (tried on sum(v**3), gradient 3 v**2): not right yet, try again",
        "  (the gradients below are checked with the package's numerical_gradient instead)",
        "relative_error (tried on [3, 0] and [0, 4]: 5/7): not right yet, try again",
        "  (the gradients below are checked with the package's relative_error instead)"]
    assert printed(checks.mlp_gradients, *args, keeps_the_nudge, ns["relative_error"])[0] == (
        "numerical_gradient: leaves the array changed (restore each element after perturbing it)")
    used = []

    def recording_relative_error(analytic, numeric):
        used.append(analytic.shape)
        return ns["relative_error"](analytic, numeric)

    out = printed(checks.mlp_gradients, *args, ns["numerical_gradient"], recording_relative_error)
    assert out[-1] == "All correct." and used[1:] == [(4, 8), (8,), (8, 2), (2,)]


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language must be one of"):
        checks.set_language("fr")


def test_the_builder_needs_the_checks_import_to_set_the_language(tmp_path, monkeypatch):
    from sitebuilder.generators import exercise_notebooks

    source = tmp_path / "ex09_no_import.py"
    source.write_text('# %% [markdown] lang="en"\n# # Title\n\n# %% tags=["exercise"]\nx = ...\n', encoding="utf-8")
    monkeypatch.setattr(exercise_notebooks, "HERE", tmp_path)
    with pytest.raises(ValueError, match="from snippets.exercises import checks"):
        exercise_notebooks.build("09-no-import", "en")
