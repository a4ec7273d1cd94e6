"""Exercise 6's checks (snippets/exercises/relu_checks.py) name each way an answer goes wrong.

The solved answers come from the notebook's own cells (exercise, then solution);
each test then spoils one of them and reads the line the check prints, in both
languages. tests/test_exercise_checks.py runs the notebook blank, with a typical
mistake, and solved.
"""

import contextlib
import io

import numpy as np
import pytest

from snippets.exercises import checks
from tests.exercise_messages import printed
from tests.test_exercise_checks import cells

LANGUAGE_LINES = {
    "correct": {"en": "dead_mask: correct", "ko": "dead_mask: 맞습니다"},
    "count_wrong": {"en": "dead_count: not right yet, try again",
                    "ko": "dead_count: 아직 맞지 않습니다. 다시 해 보십시오"},
    "blank": {"en": "dead_mask: not answered yet (replace ... with your value)",
              "ko": "dead_mask: 아직 답하지 않았습니다(...를 값으로 바꾸십시오)"},
    "dtype": {"en": "dead_mask: got an array of dtype int64, expected a boolean mask (True for a dead neuron)",
              "ko": "dead_mask: dtype이 int64인 배열을 받았습니다. "
                    "필요한 것은 불리언 마스크입니다(죽은 뉴런이면 True)"},
    "zero": {"en": "dW, db of the 2 dead neurons: exactly 0", "ko": "죽은 뉴런 2개의 dW, db: 정확히 0입니다"},
}


@pytest.fixture(scope="module")
def solved():
    """The notebook's namespace after its exercise and solution cells (English build)."""
    namespace = {}
    notebook = cells("06-dead-relus", "en")
    with contextlib.redirect_stdout(io.StringIO()):
        for source in notebook["exercise"] + notebook["solution"]:
            exec(compile(source, "<cell>", "exec"), namespace)  # the notebook's own cells
    return namespace


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    checks.set_language("en")


def part1(ns, mask, count, language="en"):
    return printed(checks.dead_neurons, ns["x"], ns["W"], ns["b"], mask, count, language=language)


def part2(ns, dW, db, language="en"):
    return printed(checks.dead_neuron_gradients, ns["x"], ns["W"], ns["b"], ns["v"], ns["t"], dW, db,
                   language=language)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_right_answers_pass_and_the_dead_gradients_are_exactly_zero(solved, language):
    ns = solved
    assert part1(ns, ns["dead_mask"], ns["dead_count"], language)[0] == LANGUAGE_LINES["correct"][language]
    assert LANGUAGE_LINES["zero"][language] in part2(ns, ns["dW"], ns["db"], language)
    out = printed(checks.after_large_step, ns["x"], ns["W"], ns["b"], ns["v"], ns["t"], ns["LEARNING_RATE"],
                  ns["SLOPE"], ns["dead_after_step"], ns["leaky_db"], language=language)
    assert out[-1] == checks.message("all_correct")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_wrong_count_is_wrong_not_rounded(solved, language):
    for count in (solved["dead_count"] + 1, 10, 2.5):
        assert part1(solved, solved["dead_mask"], count, language)[1] == LANGUAGE_LINES["count_wrong"][language]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_blank_says_not_answered(solved, language):
    out = part1(solved, ..., ..., language)
    assert out[0] == LANGUAGE_LINES["blank"][language]
    assert out[-1] == checks.message("some_wrong")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_mask_of_numbers_is_named_by_its_dtype(solved, language):
    as_numbers = solved["dead_mask"].astype(np.int64)
    assert part1(solved, as_numbers, solved["dead_count"], language)[0] == LANGUAGE_LINES["dtype"][language]


def test_a_mask_per_input_and_a_wrong_shape_are_named(solved):
    per_input = solved["x"] @ solved["W"] + solved["b"] <= 0
    assert part1(solved, per_input, 2)[0] == (
        "dead_mask: got shape (200, 16), one entry per input and neuron; a neuron is dead when z <= 0 "
        "on every input, so reduce over the batch (axis=0) to shape (16,)")
    assert part1(solved, per_input, 2, "ko")[0] == (
        "dead_mask: 모양이 (200, 16)입니다. 입력과 뉴런마다 하나씩입니다. 뉴런은 모든 입력에서 z <= 0일 때 "
        "죽은 것이므로 배치 축(axis=0)으로 줄여 모양 (16,)로 만드십시오")
    assert part1(solved, solved["dead_mask"][:8], 2)[0] == (
        "dead_mask: got an array of shape (8,), expected shape (16,)")
    assert part1(solved, solved["dead_mask"], solved["dead_mask"])[1] == (
        "dead_count: got an array of shape (16,), expected a number (count its True entries with .sum())")
    assert part1(solved, solved["dead_mask"], solved["dead_mask"], "ko")[1] == (
        "dead_count: 모양이 (16,)인 배열을 받았습니다. 필요한 것은 숫자 하나입니다(.sum()으로 True의 개수를 세십시오)")


def test_gradients_that_are_merely_small_on_the_dead_neurons_are_named(solved):
    dW, db = solved["dW"].copy(), solved["db"].copy()
    dW[:, solved["dead_mask"]] = 1e-12  # within the tolerance, as a numerical gradient would give
    assert part2(solved, dW, db)[2] == ("dW, db of the 2 dead neurons: not exactly 0 (largest |value| 1.0e-12); "
                                        "take them from the layers' backward pass")
    assert part2(solved, dW, db, "ko")[2] == ("죽은 뉴런 2개의 dW, db: 정확히 0이 아닙니다(가장 큰 절댓값 1.0e-12). "
                                              "층의 역전파에서 얻은 값을 쓰십시오")
    assert part2(solved, solved["dW"].T, db)[0] == "dW: got an array of shape (16, 2), expected shape (2, 16)"
