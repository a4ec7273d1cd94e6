"""The fixed words of the exercises' check messages, for tests that read check output."""

import contextlib
import io
import re

from snippets.exercises import checks

# Messages that say an answer is not right (yet).
FAILING = ("blank", "blank_code", "wrong", "too_rounded", "number_expected", "array_expected", "shape",
           "not_a_number", "raised", "sum", "not_restored", "mask_dtype", "mask_per_input", "not_exactly_zero",
           "some_wrong")


def check_words(key, language):
    """The words of a message without its fill-ins: "not answered yet", "맞습니다", ..."""
    return re.split(r"[({]", checks.MESSAGES[key][language].split("{name}: ")[-1])[0].strip()


def failing_words(output, language):
    """The FAILING messages whose words appear in a check's output."""
    return [key for key in FAILING if check_words(key, language) in output]


def printed(check, *args, language="en"):
    """The lines a check prints, in the given language."""
    checks.set_language(language)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        check(*args)
    return out.getvalue().splitlines()
