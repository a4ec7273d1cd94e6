"""Check cells of the exercises: say whether the learner's answer is right.

Each check computes the expected value its own way (a central difference, or
the reference module a chapter shows), never from the learner's code, and
prints one line per quantity in the notebook's language: the notebook's first
code cell calls ``set_language`` (the notebook builder writes that line). An
answer still left as ``...`` is reported as not answered rather than raising,
so a learner can run the notebook top to bottom before trying anything.
Judging a value (shape, rounding, tolerance) is answers.py's work; the words
of both languages are here, in MESSAGES.
"""

import numpy as np

from snippets.exercises.answers import judge
from snippets.gradient import numerical_gradient, relative_error
from snippets.gradient_flow import layer_gradient_norms
from snippets.layers import Affine, Sigmoid, SoftmaxWithLoss
from snippets.layers.sigmoid import sigmoid

LANGUAGES = ("ko", "en")
TOLERANCE = 1e-6

# Every sentence a check prints, in both languages (Korean in 합니다체).
MESSAGES = {
    "blank": {"en": "{name}: not answered yet (replace ... with your value)",
              "ko": "{name}: 아직 답하지 않았습니다(...를 값으로 바꾸십시오)"},
    "blank_code": {"en": "{name}: not answered yet (replace ... with your code)",
                   "ko": "{name}: 아직 답하지 않았습니다(...를 코드로 바꾸십시오)"},
    "correct": {"en": "{name}: correct", "ko": "{name}: 맞습니다"},
    "rounded_decimals": {"en": "{name}: correct (to {decimals} decimals)",
                         "ko": "{name}: 맞습니다(소수점 아래 {decimals}자리까지)"},
    "rounded_significant": {"en": "{name}: correct (to {significant} significant digits)",
                            "ko": "{name}: 맞습니다(유효숫자 {significant}자리까지)"},
    "too_rounded": {"en": "{name}: rounded too far: give at least {decimals} decimals "
                          "or {significant} significant digits",
                    "ko": "{name}: 너무 많이 반올림했습니다. 소수점 아래 {decimals}자리 이상이나 "
                          "유효숫자 {significant}자리 이상으로 쓰십시오"},
    "wrong": {"en": "{name}: not right yet, try again", "ko": "{name}: 아직 맞지 않습니다. 다시 해 보십시오"},
    "number_expected": {"en": "{name}: got an array of shape {shape}, expected a number{hint}",
                        "ko": "{name}: 모양이 {shape}인 배열을 받았습니다. 필요한 것은 숫자 하나입니다{hint}"},
    "one_element_hint": {"en": " (take it out with .item())", "ko": "(.item()으로 꺼내십시오)"},
    "array_expected": {"en": "{name}: got a number, expected an array of shape {expected}",
                       "ko": "{name}: 숫자 하나를 받았습니다. 필요한 것은 모양이 {expected}인 배열입니다"},
    "shape": {"en": "{name}: got an array of shape {shape}, expected shape {expected}",
              "ko": "{name}: 모양이 {shape}인 배열을 받았습니다. 필요한 모양은 {expected}입니다"},
    "not_a_number": {"en": "{name}: expected a number or an array, got a {type}",
                     "ko": "{name}: 숫자나 배열이 필요한데 {type} 값을 받았습니다"},
    "raised": {"en": "{name}: raised {error}", "ko": "{name}: 실행 중 오류가 났습니다: {error}"},
    "sum": {"en": "{name}: this is the sum over the batch; the exercise asks for the mean (divide by N)",
            "ko": "{name}: 배치 전체의 합입니다. 이 연습은 평균을 요구합니다(N으로 나누십시오)"},
    "not_a_dict": {"en": "gradients: expected a dict with {names}, got a {type}",
                   "ko": "gradients: {names}를 담은 딕셔너리가 필요한데 {type} 값을 받았습니다"},
    "gradient_line": {"en": "{name}: relative error {error:.1e} ({verdict})",
                      "ko": "{name}: 상대 오차 {error:.1e}({verdict})"},
    "ok": {"en": "ok", "ko": "통과"},
    "too_large": {"en": "too large: check this part of the backward pass",
                  "ko": "너무 큽니다. 역전파의 이 부분을 확인하십시오"},
    "batch_sum": {"en": "the sum over the batch; the exercise asks for the mean (divide by N)",
                  "ko": "배치 전체의 합입니다. 이 연습은 평균을 요구합니다(N으로 나누십시오)"},
    "numerical_gradient_test": {"en": "numerical_gradient (tried on sum(v**3), gradient 3 v**2)",
                                "ko": "numerical_gradient(sum(v**3)에서 시험, 기울기 3 v**2)"},
    "not_restored": {"en": "numerical_gradient: leaves the array changed (restore each element after perturbing it)",
                     "ko": "numerical_gradient: 배열을 바꾼 채로 둡니다(원소를 바꿨다가 다시 되돌리십시오)"},
    "relative_error_test": {"en": "relative_error (tried on [3, 0] and [0, 4]: 5/7)",
                            "ko": "relative_error([3, 0]과 [0, 4]에서 시험, 답 5/7)"},
    "fallback": {"en": "  (the gradients below are checked with the package's {function} instead)",
                 "ko": "  (아래 기울기는 대신 패키지의 {function}로 검사합니다)"},
    "reference_loss": {"en": "  (the gradients below are checked against the mean loss, since yours is not it yet)",
                       "ko": "  (loss가 아직 맞지 않으므로 아래 기울기는 평균 손실과 비교합니다)"},
    "norms": {"en": "{activation} norms", "ko": "{activation} 노름"},
    "x_grad_after": {"en": "x.grad after {calls} calls", "ko": "x.grad({calls}번 호출한 뒤)"},
    "all_correct": {"en": "All correct.", "ko": "모두 맞습니다."},
    "some_wrong": {"en": "Some parts are not right yet.", "ko": "아직 맞지 않은 부분이 있습니다."},
}

_language = "en"


def set_language(language):
    """Print every later message in this language ("ko" or "en")."""
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, got {language!r}")
    _language = language


def message(key, **values):
    """The sentence `key` in the current language, filled in."""
    return MESSAGES[key][_language].format(**values)


def _say(name, verdict):
    """Print the one line a Verdict gives; True when the answer is right."""
    details = dict(verdict.details)
    if verdict.kind == "rounded":
        key = "rounded_decimals" if "decimals" in details else "rounded_significant"
    elif verdict.kind == "number_expected":
        key, details["hint"] = "number_expected", message("one_element_hint") if details["size"] == 1 else ""
    else:
        key = verdict.kind
    print(message(key, name=name, **details))
    return verdict.right


def _report(name, answer, expected, tolerance=TOLERANCE):
    """Judge one answer and print its line; True when it is right."""
    return _say(name, judge(answer, expected, tolerance))


def _all(results):
    """Print the overall verdict: correct only when every part is right."""
    print(message("all_correct" if all(results) else "some_wrong"))


def chain_rule_by_hand(x, dL_da, da_dz, dz_dx, dL_dx, h=1e-5):
    """Exercise 1: x -> z = 3x + 1 -> a = relu(z) -> L = a^2."""
    def loss(v):
        return max(3.0 * v + 1.0, 0.0) ** 2

    z = 3.0 * x + 1.0
    a = max(z, 0.0)
    numeric = (loss(x + h) - loss(x - h)) / (2 * h)
    _all([
        _report("dL/da", dL_da, 2.0 * a),
        _report("da/dz", da_dz, 1.0 if z > 0 else 0.0),
        _report("dz/dx", dz_dx, (3.0 * (x + h) - 3.0 * (x - h)) / (2 * h)),
        _report("dL/dx", dL_dx, numeric, tolerance=1e-5),
    ])


def single_neuron(w, b, x, t, dL_dw, dL_db):
    """Exercise 2: L = (sigmoid(wx + b) - t)^2, checked by a central difference."""
    params = np.array([w, b], dtype=float)
    numeric = numerical_gradient(lambda p: (sigmoid(p[0] * x + p[1]) - t) ** 2, params)
    _all([
        _report("dL/dw", dL_dw, numeric[0], tolerance=1e-5),
        _report("dL/db", dL_db, numeric[1], tolerance=1e-5),
    ])


def gradient_norms(norms, activation, depth):
    """Exercise 4: per-layer norms against snippets.gradient_flow (chapter 9)."""
    expected = layer_gradient_norms(activation, depth=depth, seed=0)
    return _report(message("norms", activation=activation), norms, expected, tolerance=1e-9)


def accumulated_gradient(x_grad, x_value, calls):
    """Exercise 5: after `calls` backward passes of z = x^2 + y^2, x.grad = calls * 2x."""
    return _report(message("x_grad_after", calls=calls), x_grad, calls * 2.0 * x_value)


# --- exercise 3: the learner's MLP and gradient-check tools --------------------------


def reference_loss(params, x, t):
    """The exercise's loss from the chapters' layers: Affine -> Sigmoid -> Affine -> softmax
    cross-entropy, mean over the batch (the layers copy the arrays, so nudges are seen)."""
    hidden = Sigmoid().forward(Affine(params["W1"], params["b1"]).forward(x))
    return SoftmaxWithLoss().forward(Affine(params["W2"], params["b2"]).forward(hidden), t)


def _attempt(name, function, *args):
    """(value, "ran") from function(*args), or (None, "blank" or "raised") after saying why not."""
    try:
        value = function(*args)
    except Exception as error:  # a learner's code may raise anything; the check says what
        print(message("raised", name=name, error=f"{type(error).__name__}: {error}"))
        return None, "raised"
    if value is Ellipsis:
        print(message("blank_code", name=name))
        return None, "blank"
    return value, "ran"


def _try_numerical_gradient(function):
    """Run the learner's numerical_gradient on sum(v**3), whose gradient is 3 v**2."""
    v = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = v.copy()
    name = message("numerical_gradient_test")
    result, status = _attempt(name, function, lambda *_: np.sum(v**3), v)
    if status != "ran":
        return status
    if not np.array_equal(v, before):
        print(message("not_restored"))
        return "wrong"
    return "right" if _report(name, result, 3.0 * before**2) else "wrong"


def _try_relative_error(function):
    """Run the learner's relative_error on ||(3, -4)|| / (3 + 4) = 5/7."""
    name = message("relative_error_test")
    result, status = _attempt(name, function, np.array([3.0, 0.0]), np.array([0.0, 4.0]))
    if status != "ran":
        return status
    return "right" if _report(name, result, 5.0 / 7.0, tolerance=1e-9) else "wrong"


def _gradient_line(name, analytic, numeric, error_of, batch, tolerance):
    """One array's relative error and what it means; True when below the tolerance."""
    verdict = judge(analytic, numeric, np.inf)  # shapes only: the values are judged below
    if verdict.kind != "correct":
        return _say(name, verdict)
    error = error_of(analytic, numeric)
    if error < tolerance:
        words = message("ok")
    elif relative_error(analytic, batch * numeric) < tolerance:
        words = message("batch_sum")
    else:
        words = message("too_large")
    print(message("gradient_line", name=name, error=error, verdict=words))
    return error < tolerance


def mlp_gradients(loss, gradients, params, x, t, numerical_gradient_fn=None, relative_error_fn=None,
                  tolerance=1e-5):
    """Exercise 3: the learner's gradient-check tools on known functions, then the learner's
    loss against the mean loss, then every gradient against a central difference."""
    results, batch = [], len(x)
    numeric_of = lambda f, array: numerical_gradient(lambda _: f(), array)  # noqa: E731
    error_of = relative_error
    for function, tried, name in ((numerical_gradient_fn, _try_numerical_gradient, "numerical_gradient"),
                                  (relative_error_fn, _try_relative_error, "relative_error")):
        if function is None:
            continue
        status = tried(function)
        results.append(status == "right")
        if status == "right" and name == "numerical_gradient":
            numeric_of = lambda f, array, learner=function: learner(lambda *_: f(), array)  # noqa: E731
        elif status == "right":
            error_of = function
        elif status != "blank":
            print(message("fallback", function=name))

    value, status = _attempt("loss", loss, params, x, t)
    ran = status == "ran"
    expected = reference_loss(params, x, t)
    loss_right = ran and judge(value, expected, 1e-7).right
    if ran and not loss_right and judge(value, batch * expected, 1e-7).right:
        print(message("sum", name="loss"))
    elif ran:
        _report("loss", value, expected, tolerance=1e-7)
    results.append(loss_right)
    if not loss_right:
        loss = reference_loss
        if ran:
            print(message("reference_loss"))

    analytic, status = _attempt("gradients", gradients, params, x, t)
    ran = status == "ran"
    if ran and not isinstance(analytic, dict):
        print(message("not_a_dict", names=", ".join(params), type=type(analytic).__name__))
        ran = False
    if not ran:
        _all([False])
        return
    for name in params:
        numeric = numeric_of(lambda: loss(params, x, t), params[name])
        results.append(_gradient_line(name, analytic.get(name), numeric, error_of, batch, tolerance))
    _all(results)
