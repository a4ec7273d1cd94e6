"""Smoke test of benchmarks/backprop_cost.py: it runs, it measures correct code,
and the committed results file has the structure the script writes now."""

import numpy as np
import pytest

from benchmarks import backprop_cost as bench
from benchmarks import tables, timing, workloads
from sitebuilder.pagemodel.site import DOCS, LANGUAGES
from snippets.gradient import relative_error
from snippets.mlp import PARAM_NAMES, TwoLayerMLP
from tests.optional_torch import torch_available

RESULTS = DOCS / "assets" / "benchmarks" / "results.md"
INCLUDE = '--8<-- "docs/assets/benchmarks/results.md'


@pytest.fixture(scope="module")
def tiny_tables():
    return bench.run(bench.TINY)


def test_tables_have_the_expected_rows_and_columns(tiny_tables):
    names = [t.name for t in tiny_tables]
    assert names == ["machine", "forward-backward", "numerical", "numpy-torch"]
    expected = bench.expected_rows(bench.TINY, with_torch=torch_available())
    for table in tiny_tables:
        keys = {key for key, _, _ in table.columns}
        assert all(set(row) == keys for row in table.rows), table.name
        assert [row[table.columns[0][0]] for row in table.rows] == expected[table.name]
    timed = [t for t in tiny_tables if t.name != "machine"]
    for table in timed:
        for row in table.rows:
            for key, value in row.items():
                if key.endswith("_ms"):  # min / median / max
                    assert len(value) == 3 and 0 < value[0] <= value[1] <= value[2], (table.name, key)


def test_numerical_rows_count_two_evaluations_per_parameter(tiny_tables):
    numerical = next(t for t in tiny_tables if t.name == "numerical")
    for row, hidden in zip(numerical.rows, bench.TINY.numeric_hidden_sizes, strict=True):
        inputs, outputs = bench.TINY.numeric_sizes
        assert row["parameters"] == inputs * hidden + hidden + hidden * outputs + outputs
        assert row["evaluations"] == 2 * row["parameters"]
        assert row["error"] < 1e-7  # the benchmark times gradients that agree


def test_missing_torch_is_reported(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_torch(name, *args, **kwargs):
        if name == "torch" or name.startswith("torch."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_torch)
    table = bench.training_steps(bench.TINY)
    per_model = [bench.NUMPY, bench.NUMPY_EQUAL_WORK]
    assert [r["implementation"] for r in table.rows] == per_model * len(bench.TINY.hidden_sizes)
    assert [r["model"] for r in table.rows] == bench.expected_rows(bench.TINY, with_torch=False)["numpy-torch"]
    assert bench.NO_TORCH in table.note


def test_the_compared_calls_alternate_round_by_round():
    calls = []
    times = timing.alternate({"a": lambda: calls.append("a"), "b": lambda: calls.append("b")},
                            rounds=3, round_seconds=0.0, warmup=1)
    assert {name: len(seconds) for name, seconds in times.items()} == {"a": 3, "b": 3}
    # warm-up a, b; one call each to size a round; then a b a b a b
    assert calls == ["a", "b"] * 5


def test_ratios_pair_the_rounds():
    assert timing.paired_ratio([2.0, 9.0, 4.0], [1.0, 3.0, 1.0]) == 3.0  # not 4.0 / 1.0
    assert timing.spread([0.003, 0.001, 0.002]) == pytest.approx([1.0, 2.0, 3.0])


def test_threads_are_pinned_for_numpy_and_reported():
    from threadpoolctl import threadpool_info

    limiter, report = timing.pin_threads(1)
    try:
        blas = [p for p in threadpool_info() if p["user_api"] == "blas" and "numpy" in p["filepath"]]
        assert blas and all(p["num_threads"] == 1 for p in blas)
        assert f"{blas[0]['internal_api']} 1" in report
        if torch_available():
            import torch

            assert torch.get_num_threads() == 1 and "PyTorch 1" in report
    finally:
        limiter.restore_original_limits()


def test_equal_work_step_computes_the_same_gradient():
    """The equal-work row times the same arithmetic as snippets.mlp, minus checks and dx."""
    sizes = bench.TINY.inputs, 5, bench.TINY.classes
    net = TwoLayerMLP(*sizes, seed=0)
    x, t = workloads.make_batch(7, sizes[0], sizes[-1], seed=3)
    expected = net.gradient(x, t)
    got = workloads.equal_work_gradient(net.params, x, t)
    for name in PARAM_NAMES:
        np.testing.assert_allclose(got[name], expected[name], rtol=1e-12, atol=1e-15)


def test_backward_only_is_the_backward_half_of_gradient():
    sizes = bench.TINY.inputs, bench.TINY.hidden_sizes[0], bench.TINY.classes
    net = TwoLayerMLP(*sizes, seed=0)
    x, t = workloads.make_batch(5, sizes[0], sizes[-1])
    expected = {k: v.copy() for k, v in net.gradient(x, t).items()}
    net.loss(x, t)
    workloads.backward_only(net)
    got = {"W1": net.layers[0].dW, "b1": net.layers[0].db, "W2": net.layers[2].dW, "b2": net.layers[2].db}
    for name in PARAM_NAMES:
        np.testing.assert_array_equal(got[name], expected[name])


def test_the_benchmarked_model_has_correct_gradients():
    """Analytic and numerical gradients agree for the models the benchmark times."""
    inputs, outputs = bench.DEFAULT.numeric_sizes
    x, t = workloads.make_batch(bench.DEFAULT.numeric_batch, inputs, outputs, seed=1)
    net = TwoLayerMLP(inputs, bench.DEFAULT.numeric_hidden_sizes[0], outputs, seed=0)
    analytic, numeric = net.gradient(x, t), net.numerical_gradient(x, t)
    for name in PARAM_NAMES:
        assert relative_error(analytic[name], numeric[name]) < 1e-7, name


def test_markdown_and_text_show_every_row(tiny_tables):
    markdown = tables.as_markdown(tiny_tables)
    text = tables.as_text(tiny_tables)
    for table in tiny_tables:
        for row in tables.cells(table):
            assert "| " + " | ".join(row) + " |" in markdown
            assert row[0] in text


def test_committed_results_have_the_structure_the_script_writes(tiny_tables):
    """Regenerate docs/assets/benchmarks/results.md (see bench.COMMAND) when this fails."""
    assert RESULTS.is_file(), f"missing {RESULTS}; run {bench.COMMAND}"
    committed = tables.structure(RESULTS.read_text(encoding="utf-8"))
    written_now = tables.structure(tables.as_markdown(tiny_tables))
    rows = bench.expected_rows(bench.DEFAULT, with_torch=True)
    assert [s["section"] for s in committed] == [s["section"] for s in written_now]
    for old, new in zip(committed, written_now, strict=True):
        assert old["header"] == new["header"], f"{old['section']}: columns changed; run {bench.COMMAND}"
        assert old["rows"] == rows[old["section"]], f"{old['section']}: rows changed; run {bench.COMMAND}"
    assert tables.structure(tables.as_markdown(tiny_tables))  # the parser reads what the writer writes


@pytest.mark.parametrize("lang", LANGUAGES)
def test_both_languages_show_the_committed_results(lang):
    page = (DOCS / lang / "benchmarks.md").read_text(encoding="utf-8")
    sections = [s["section"] for s in tables.structure(RESULTS.read_text(encoding="utf-8"))]
    for section in sections:
        assert f'{INCLUDE}:{section}"' in page, f"docs/{lang}/benchmarks.md does not include {section}"
