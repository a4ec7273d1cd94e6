"""Exercise 6's checks: dead ReLU neurons of one hidden layer, their zero gradients,
and what one over-large step does.

The network is x -> Affine(W, b) -> ReLU (or Leaky ReLU) -> h v -> mean squared
error against t. The expected values are written out here with plain NumPy
(the chain rule by hand), not with the layers the learner uses, so a mistake
in either cannot hide in both. The words are messages.py's.
"""

import numpy as np

from snippets.exercises.answers import Verdict, judge
from snippets.exercises.messages import message, overall, report, say

GRADIENT_TOLERANCE = 1e-9  # the layers and the formulas below differ only by float rounding


def dead_by_formula(x, W, b):
    """(D_out,) bool: True for a neuron whose pre-activation is <= 0 on every input
    (its largest pre-activation over the batch is not positive)."""
    return np.max(np.asarray(x) @ W + b, axis=0) <= 0


def gradients_by_formula(x, W, b, v, t, slope=0.0):
    """(dL/dW, dL/db) of L = mean((h v - t)^2), h = z where z > 0 else slope * z."""
    z = x @ W + b
    local = np.where(z > 0, 1.0, slope)  # the activation's derivative; 0 on the negative side for ReLU
    y = (z * local) @ v
    dz = (2.0 * (y - t) / y.size) @ v.T * local
    return x.T @ dz, dz.sum(axis=0)


def _report_mask(name, answer, expected):
    """One line on a boolean mask: blank, not a boolean array, wrong shape (one entry per
    input and neuron is named as such), wrong or right; True when right."""
    if answer is Ellipsis or answer is None:
        return say(name, judge(answer, expected, 0.0))  # the "not answered" line
    array = np.asarray(answer)
    if array.dtype != bool:
        print(message("mask_dtype", name=name, dtype=array.dtype))
        return False
    if array.shape != expected.shape:
        per_input = array.ndim == 2 and array.shape[1:] == expected.shape
        print(message("mask_per_input" if per_input else "shape", name=name, shape=array.shape,
                      expected=expected.shape))
        return False
    right = bool(np.array_equal(array, expected))
    print(message("correct" if right else "wrong", name=name))
    return right


def _report_count(name, answer, expected):
    """One line on a count: a whole number is right or wrong, never "rounded"; a boolean
    array (the mask itself) is told to count its True entries."""
    if isinstance(answer, np.ndarray) and answer.dtype == bool and answer.ndim > 0:
        print(message("number_expected", name=name, shape=answer.shape, hint=message("count_hint")))
        return False
    verdict = judge(answer, expected, 0.0)
    return say(name, Verdict("wrong") if verdict.kind in ("rounded", "too_rounded") else verdict)


def dead_neurons(x, W, b, dead_mask, dead_count):
    """Part 1: the mask of neurons dead on the whole batch, and how many there are."""
    expected = dead_by_formula(x, W, b)
    overall([
        _report_mask("dead_mask", dead_mask, expected),
        _report_count("dead_count", dead_count, int(expected.sum())),
    ])


def dead_neuron_gradients(x, W, b, v, t, dW, db):
    """Part 2: the hidden layer's gradients; then, when they are right, whether the dead
    neurons' columns of dW and entries of db are exactly 0 (not merely small)."""
    expected_dW, expected_db = gradients_by_formula(x, W, b, v, t)
    results = [report("dW", dW, expected_dW, GRADIENT_TOLERANCE), report("db", db, expected_db, GRADIENT_TOLERANCE)]
    if all(results):
        dead = dead_by_formula(x, W, b)
        largest = max(np.max(np.abs(np.asarray(dW)[:, dead]), initial=0.0),
                      np.max(np.abs(np.asarray(db)[dead]), initial=0.0))
        key = "exactly_zero" if largest == 0 else "not_exactly_zero"
        print(message(key, name=message("dead_gradients", count=int(dead.sum())), largest=largest))
        results.append(largest == 0)
    overall(results)


def after_large_step(x, W, b, v, t, learning_rate, slope, dead_after_step, leaky_db):
    """Part 3: dead neurons after one step W - lr dW, b - lr db, and db with Leaky ReLU there."""
    dW, db = gradients_by_formula(x, W, b, v, t)
    W_step, b_step = W - learning_rate * dW, b - learning_rate * db
    overall([
        _report_count("dead_after_step", dead_after_step, int(dead_by_formula(x, W_step, b_step).sum())),
        report("leaky_db", leaky_db, gradients_by_formula(x, W_step, b_step, v, t, slope)[1], GRADIENT_TOLERANCE),
    ])
