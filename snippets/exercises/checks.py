"""Check cells of the exercises: say whether the learner's answer is right.

Each check computes the expected value its own way (a central difference, or
the reference module a chapter shows), never from the learner's code, and
prints one line per quantity. An answer still left as ``...`` is reported as
"not answered yet" rather than raising, so a learner can run the notebook
top to bottom before trying anything.
"""

import numpy as np

from snippets.gradient import numerical_gradient, relative_error
from snippets.gradient_flow import layer_gradient_norms
from snippets.layers.sigmoid import sigmoid

TOLERANCE = 1e-6


def _report(name, answer, expected, tolerance=TOLERANCE):
    """One line: not answered, right, or wrong (without giving the answer away)."""
    if answer is Ellipsis or answer is None:
        print(f"{name}: not answered yet (replace ... with your value)")
        return False
    error = relative_error(answer, expected)
    if np.shape(answer) != np.shape(expected) or not error <= tolerance:
        print(f"{name}: not right yet, try again")
        return False
    print(f"{name}: correct")
    return True


def _all(results):
    """Print the overall verdict: correct only when every part is right."""
    print("All correct." if all(results) else "Some parts are not right yet.")


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


def mlp_gradients(loss, gradients, params, x, t, tolerance=1e-5):
    """Exercise 3: the learner's backward pass against a central difference of
    the learner's own loss, with the relative error printed for every array."""
    if loss(params, x, t) is Ellipsis or gradients(params, x, t) is Ellipsis:
        print("loss / gradients: not answered yet (replace ... with your code)")
        return
    analytic = gradients(params, x, t)
    results = []
    for name in params:
        numeric = numerical_gradient(lambda _: loss(params, x, t), params[name])
        if np.shape(analytic.get(name)) != np.shape(numeric):
            print(f"{name}: gradient has shape {np.shape(analytic.get(name))}, expected {numeric.shape}")
            results.append(False)
            continue
        error = relative_error(analytic[name], numeric)
        verdict = "ok" if error < tolerance else "too large: check this part of the backward pass"
        print(f"{name}: relative error {error:.1e} ({verdict})")
        results.append(error < tolerance)
    _all(results)


def gradient_norms(norms, activation, depth):
    """Exercise 4: per-layer norms against snippets.gradient_flow (chapter 9)."""
    expected = layer_gradient_norms(activation, depth=depth, seed=0)
    if norms is Ellipsis or norms is None:
        _report(f"{activation} norms", norms, expected)
        return
    _report(f"{activation} norms", np.asarray(norms, dtype=float), np.asarray(expected), tolerance=1e-9)


def accumulated_gradient(x_grad, x_value, calls):
    """Exercise 5: after `calls` backward passes of z = x^2 + y^2, x.grad = calls * 2x."""
    _report(f"x.grad after {calls} calls", x_grad, calls * 2.0 * x_value)
