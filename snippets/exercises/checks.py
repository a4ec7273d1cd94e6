"""Check cells of the exercises: say whether the learner's answer is right.

Each check computes the expected value its own way (a central difference, or
the reference module a chapter shows), never from the learner's code, and
prints one line per quantity in the notebook's language: the notebook's first
code cell calls ``set_language`` (the notebook builder writes that line). An
answer still left as ``...`` is reported as not answered rather than raising,
so a learner can run the notebook top to bottom before trying anything.
Judging a value (shape, rounding, tolerance) is answers.py's work; the words
of both languages are messages.py's (MESSAGES). Exercise 6's checks live in
relu_checks.py and are re-exported here, since a notebook imports only this module.
"""

import numpy as np

from snippets.exercises.answers import judge

# The notebooks call checks.set_language and checks.<check>, and tests read checks.MESSAGES.
from snippets.exercises.messages import LANGUAGES, MESSAGES, message, overall, report, say, set_language  # noqa: F401
from snippets.exercises.relu_checks import after_large_step, dead_neuron_gradients, dead_neurons  # noqa: F401
from snippets.gradient import numerical_gradient, relative_error
from snippets.gradient_flow import layer_gradient_norms
from snippets.layers import Affine, Sigmoid, SoftmaxWithLoss
from snippets.layers.sigmoid import sigmoid


def chain_rule_by_hand(x, dL_da, da_dz, dz_dx, dL_dx, h=1e-5):
    """Exercise 1: x -> z = 3x + 1 -> a = relu(z) -> L = a^2."""
    def loss(v):
        return max(3.0 * v + 1.0, 0.0) ** 2

    z = 3.0 * x + 1.0
    a = max(z, 0.0)
    numeric = (loss(x + h) - loss(x - h)) / (2 * h)
    overall([
        report("dL/da", dL_da, 2.0 * a),
        report("da/dz", da_dz, 1.0 if z > 0 else 0.0),
        report("dz/dx", dz_dx, (3.0 * (x + h) - 3.0 * (x - h)) / (2 * h)),
        report("dL/dx", dL_dx, numeric, tolerance=1e-5),
    ])


def single_neuron(w, b, x, t, dL_dw, dL_db):
    """Exercise 2: L = (sigmoid(wx + b) - t)^2, checked by a central difference."""
    params = np.array([w, b], dtype=float)
    numeric = numerical_gradient(lambda p: (sigmoid(p[0] * x + p[1]) - t) ** 2, params)
    overall([
        report("dL/dw", dL_dw, numeric[0], tolerance=1e-5),
        report("dL/db", dL_db, numeric[1], tolerance=1e-5),
    ])


def gradient_norms(norms, activation, depth):
    """Exercise 4: per-layer norms against snippets.gradient_flow (chapter 9)."""
    expected = layer_gradient_norms(activation, depth=depth, seed=0)
    return report(message("norms", activation=activation), norms, expected, tolerance=1e-9)


def accumulated_gradient(x_grad, x_value, calls):
    """Exercise 5: after `calls` backward passes of z = x^2 + y^2, x.grad = calls * 2x."""
    return report(message("x_grad_after", calls=calls), x_grad, calls * 2.0 * x_value)


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
    return "right" if report(name, result, 3.0 * before**2) else "wrong"


def _try_relative_error(function):
    """Run the learner's relative_error on ||(3, -4)|| / (3 + 4) = 5/7."""
    name = message("relative_error_test")
    result, status = _attempt(name, function, np.array([3.0, 0.0]), np.array([0.0, 4.0]))
    if status != "ran":
        return status
    return "right" if report(name, result, 5.0 / 7.0, tolerance=1e-9) else "wrong"


def _gradient_line(name, analytic, numeric, error_of, batch, tolerance):
    """One array's relative error and what it means; True when below the tolerance."""
    verdict = judge(analytic, numeric, np.inf)  # shapes only: the values are judged below
    if verdict.kind != "correct":
        return say(name, verdict)
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
        report("loss", value, expected, tolerance=1e-7)
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
        overall([False])
        return
    for name in params:
        numeric = numeric_of(lambda: loss(params, x, t), params[name])
        results.append(_gradient_line(name, analytic.get(name), numeric, error_of, batch, tolerance))
    overall(results)
