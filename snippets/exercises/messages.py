"""The words of the exercises' check messages, in both languages, and the lines they make.

Every sentence a check prints is in MESSAGES; ``set_language`` picks the
language once per notebook (its first code cell calls it, through checks.py),
and every check module prints through ``message``, ``say`` and ``report``, so
the language is chosen in one place whichever module holds the check.
"""

from snippets.exercises.answers import judge

LANGUAGES = ("ko", "en")
TOLERANCE = 1e-6  # a computed answer agrees with the expected value to this relative error

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
    "count_hint": {"en": " (count its True entries with .sum())", "ko": "(.sum()으로 True의 개수를 세십시오)"},
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
    "mask_dtype": {"en": "{name}: got an array of dtype {dtype}, expected a boolean mask (True for a dead neuron)",
                   "ko": "{name}: dtype이 {dtype}인 배열을 받았습니다. "
                         "필요한 것은 불리언 마스크입니다(죽은 뉴런이면 True)"},
    "mask_per_input": {"en": "{name}: got shape {shape}, one entry per input and neuron; a neuron is dead when "
                             "z <= 0 on every input, so reduce over the batch (axis=0) to shape {expected}",
                       "ko": "{name}: 모양이 {shape}입니다. 입력과 뉴런마다 하나씩입니다. 뉴런은 모든 입력에서 "
                             "z <= 0일 때 죽은 것이므로 배치 축(axis=0)으로 줄여 모양 {expected}로 만드십시오"},
    "dead_gradients": {"en": "dW, db of the {count} dead neurons", "ko": "죽은 뉴런 {count}개의 dW, db"},
    "exactly_zero": {"en": "{name}: exactly 0", "ko": "{name}: 정확히 0입니다"},
    "not_exactly_zero": {"en": "{name}: not exactly 0 (largest |value| {largest:.1e}); take them from the layers' "
                               "backward pass",
                         "ko": "{name}: 정확히 0이 아닙니다(가장 큰 절댓값 {largest:.1e}). "
                               "층의 역전파에서 얻은 값을 쓰십시오"},
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


def say(name, verdict):
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


def report(name, answer, expected, tolerance=TOLERANCE):
    """Judge one answer and print its line; True when it is right."""
    return say(name, judge(answer, expected, tolerance))


def overall(results):
    """Print the overall verdict: correct only when every part is right."""
    print(message("all_correct" if all(results) else "some_wrong"))
