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
