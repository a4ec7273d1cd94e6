"""The worked examples, run as scripts, give the published numbers."""

import runpy

import pytest


def run(module):
    return runpy.run_module(module, run_name="__main__")


def test_walnut_shopping():
    result = run("snippets.ch04.buy_walnuts")
    assert result["total"] == pytest.approx(220)
    assert result["dwalnut_price"] == pytest.approx(2.2)
    assert result["dwalnut_count"] == pytest.approx(110)
    assert result["dtax_factor"] == pytest.approx(200)


def test_walnuts_and_pistachios():
    result = run("snippets.ch04.buy_walnuts_and_pistachios")
    assert result["total"] == pytest.approx(715)
    gradients = [result[name] for name in (
        "dwalnut_price", "dpistachio_price", "dwalnut_count", "dpistachio_count", "dtax_factor")]
    assert gradients == pytest.approx([2.2, 3.3, 110, 165, 650])


def test_the_222_network_reproduces_the_published_walk_through():
    """Matt Mazur's step-by-step example (2015): its printed totals and updated weights."""
    result = run("snippets.recipes.network_222_one_step")
    assert result["E_total"] == pytest.approx(0.298371109, abs=5e-10)
    W1, W2 = result["W1"], result["W2"]
    assert [W2[0, 0], W2[1, 0], W2[0, 1], W2[1, 1]] == pytest.approx(
        [0.35891648, 0.408666186, 0.511301270, 0.561370121], abs=5e-9)
    assert [W1[0, 0], W1[1, 0], W1[0, 1], W1[1, 1]] == pytest.approx(
        [0.149780716, 0.19956143, 0.24975114, 0.29950229], abs=5e-9)


def test_the_single_neuron_reproduces_the_cs231n_notes():
    """f = 0.73, dx = (0.39, -0.59), dw = (-0.20, -0.39, 0.20) in the CS231n backpropagation notes."""
    result = run("snippets.recipes.single_sigmoid_neuron")
    assert result["f"][0] == pytest.approx(0.73, abs=5e-3)
    assert list(result["dx"]) == pytest.approx([0.39, -0.59], abs=5e-3)
    assert [*result["dW"].ravel(), *result["db"]] == pytest.approx([-0.20, -0.39, 0.20], abs=5e-3)
