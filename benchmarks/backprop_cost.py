"""How much does backpropagation cost? Three measurements behind the pages' claims.

1. Backward pass against forward pass of TwoLayerMLP, at three sizes.
2. Numerical gradient (two loss evaluations per parameter) against
   backpropagation, at five sizes.
3. One training step: the NumPy network of the pages, the same step in plain
   NumPy doing only the work PyTorch does (no input checks, no gradient of the
   input), and the same network in PyTorch on the CPU, at three sizes.

How it is timed, so that a ratio means what it says:
* The thread count is pinned for both libraries (threadpoolctl for NumPy's
  BLAS, torch.set_num_threads for PyTorch) and written in the results.
* The calls a ratio compares are timed alternately in one loop (A B A B ...),
  and each ratio is the median of the per-round ratios, so a machine that
  slows down in the middle of the run slows both sides of a ratio alike.
* Each time is reported as min / median / max over the rounds.
* Times are CPU seconds of this process (time.process_time), not wall-clock
  seconds: on a shared machine, waiting for a core would otherwise be counted
  as work. With more than one thread they add up the threads' work.
* Every random number comes from a fixed seed; each timed round makes enough
  calls to last a few milliseconds, after warm-up calls.

Run ``python -m benchmarks.backprop_cost`` to print the tables, and add
``--write docs/assets/benchmarks/results.md`` to refresh the results file the
benchmark page includes (``make bench`` does both).
"""

import argparse
import datetime
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks.tables import Table, as_markdown, as_text
from benchmarks.timing import (
    CLOCK,
    CLOCK_NAME,
    alternate,
    calls_per_round,
    cpu_model,
    paired_ratio,
    pin_threads,
    spread,
)
from benchmarks.workloads import (
    LEARNING_RATE,
    backward_only,
    equal_work_gradient,
    make_batch,
    parameter_count,
    sgd_step,
    shape_label,
)
from snippets.gradient import relative_error
from snippets.mlp import PARAM_NAMES, TwoLayerMLP

COMMAND = "python -m benchmarks.backprop_cost --write docs/assets/benchmarks/results.md"
NUMPY = "NumPy, snippets.mlp"
NUMPY_EQUAL_WORK = "NumPy, equal work"
IMPLEMENTATIONS = (NUMPY, NUMPY_EQUAL_WORK, "PyTorch float64", "PyTorch float32")
MACHINE_ITEMS = ("CPU", "Python", "NumPy", "PyTorch", "threads", "clock", "rounds", "date", "run time", "command")
NO_TORCH = "PyTorch is not installed: the PyTorch rows were skipped."


@dataclass(frozen=True)
class Config:
    inputs: int = 784                    # measurements 1 and 3: inputs-hidden-classes
    classes: int = 10
    hidden_sizes: tuple = (20, 100, 500)
    batch: int = 100
    numeric_sizes: tuple = (64, 10)      # measurement 2: inputs and classes around the hidden layer
    numeric_hidden_sizes: tuple = (5, 10, 20, 40, 80)
    numeric_batch: int = 32
    rounds: int = 21                     # timed rounds of each compared call
    numeric_rounds: int = 5
    round_seconds: float = 0.005         # a round of a fast call repeats it for about this long
    warmup: int = 3
    threads: int = 1


DEFAULT = Config()
# For the smoke test: same code paths, tiny sizes, few rounds.
TINY = Config(inputs=6, classes=3, hidden_sizes=(2, 5), batch=4, numeric_sizes=(4, 3),
              numeric_hidden_sizes=(2, 3), numeric_batch=4, rounds=3, numeric_rounds=2,
              round_seconds=0.0, warmup=1)


# -- 1. backward against forward ---------------------------------------------
def forward_backward(config=DEFAULT):
    rows = []
    x, t = make_batch(config.batch, config.inputs, config.classes)
    for hidden in config.hidden_sizes:
        net = TwoLayerMLP(config.inputs, hidden, config.classes, seed=0)
        net.loss(x, t)  # the backward pass reads what the forward pass cached
        times = alternate({"forward": lambda net=net: net.loss(x, t),
                           "backward": lambda net=net: backward_only(net)},
                          config.rounds, config.round_seconds, config.warmup)
        rows.append({
            "model": shape_label((config.inputs, hidden, config.classes)), "batch": config.batch,
            "parameters": parameter_count(net),
            "forward_ms": spread(times["forward"]), "backward_ms": spread(times["backward"]),
            "ratio": paired_ratio(times["backward"], times["forward"]),
        })
    return Table(
        "forward-backward", f"1. Backward pass against forward pass (TwoLayerMLP, batch of {config.batch})",
        (("model", "model", ""), ("batch", "batch", "d"), ("parameters", "parameters", "d"),
         ("forward_ms", "forward (ms)", ".3f"), ("backward_ms", "backward (ms)", ".3f"),
         ("ratio", "backward / forward", ".2f")),
        rows,
    )


# -- 2. numerical gradient against backpropagation ---------------------------
def numerical_cost(config=DEFAULT):
    inputs, outputs = config.numeric_sizes
    x, t = make_batch(config.numeric_batch, inputs, outputs, seed=1)
    rows = []
    for hidden in config.numeric_hidden_sizes:
        net = TwoLayerMLP(inputs, hidden, outputs, seed=0)
        # One numerical gradient lasts long enough to be its own round; backprop
        # repeats for round_seconds. Both alternate in the same loop.
        times = {"backprop": [], "numerical": []}
        number = calls_per_round(lambda net=net: net.gradient(x, t), config.round_seconds)
        for _ in range(config.numeric_rounds):
            start = CLOCK()
            for _ in range(number):
                net.gradient(x, t)
            times["backprop"].append((CLOCK() - start) / number)
            start = CLOCK()
            net.numerical_gradient(x, t)
            times["numerical"].append(CLOCK() - start)
        analytic, numeric = net.gradient(x, t), net.numerical_gradient(x, t)
        error = max(relative_error(analytic[n], numeric[n]) for n in PARAM_NAMES)
        evaluations = 2 * parameter_count(net)
        rows.append({
            "model": shape_label((inputs, hidden, outputs)), "batch": config.numeric_batch,
            "parameters": parameter_count(net), "evaluations": evaluations,
            "backprop_ms": spread(times["backprop"]), "numerical_ms": spread(times["numerical"]),
            "per_evaluation_us": 1e6 * statistics.median(times["numerical"]) / evaluations,
            "ratio": paired_ratio(times["numerical"], times["backprop"]), "error": error,
        })
    return Table(
        "numerical",
        f"2. Numerical gradient against backpropagation (TwoLayerMLP, batch of {config.numeric_batch})",
        (("model", "model", ""), ("batch", "batch", "d"), ("parameters", "parameters", "d"),
         ("evaluations", "loss evaluations (numerical)", "d"),
         ("backprop_ms", "backprop (ms)", ".3f"), ("numerical_ms", "numerical (ms)", ".1f"),
         ("per_evaluation_us", "numerical per evaluation (µs)", ".1f"),
         ("ratio", "numerical / backprop", ".0f"), ("error", "relative error", ".1e")),
        rows,
    )


# -- 3. NumPy against PyTorch ------------------------------------------------
def torch_step_for(torch, sizes, x, t, dtype):
    """A PyTorch training step of the same network, from NumPy's starting weights."""
    from snippets.ch09.torch_twin import torch_twin  # the page's twin: one NumPy-to-PyTorch copy

    model = torch_twin(TwoLayerMLP(*sizes, seed=0), dtype)
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
    inputs = torch.from_numpy(x).to(dtype)
    labels = torch.from_numpy(t.argmax(axis=1))

    def step():
        optimizer.zero_grad()
        torch.nn.functional.cross_entropy(model(inputs), labels).backward()
        optimizer.step()

    return step


def training_steps(config=DEFAULT):
    x, t = make_batch(config.batch, config.inputs, config.classes, seed=2)
    try:
        import torch
    except ImportError:
        torch = None
    rows = []
    for hidden in config.hidden_sizes:
        sizes = (config.inputs, hidden, config.classes)
        net = TwoLayerMLP(*sizes, seed=0)
        lean = TwoLayerMLP(*sizes, seed=0).params
        steps = {
            NUMPY: lambda net=net: sgd_step(net.params, net.gradient(x, t)),
            NUMPY_EQUAL_WORK: lambda lean=lean: sgd_step(lean, equal_work_gradient(lean, x, t)),
        }
        if torch is not None:
            steps["PyTorch float64"] = torch_step_for(torch, sizes, x, t, torch.float64)
            steps["PyTorch float32"] = torch_step_for(torch, sizes, x, t, torch.float32)
        times = alternate(steps, config.rounds, config.round_seconds, config.warmup)
        for name, seconds in times.items():
            rows.append({
                "model": shape_label(sizes), "implementation": name, "parameters": parameter_count(net),
                "step_ms": spread(seconds),
                "ratio": paired_ratio(seconds, times[NUMPY]),
                "ratio_equal": paired_ratio(seconds, times[NUMPY_EQUAL_WORK]),
            })
    step = (f"Each step, on a batch of {config.batch}: the gradient, then a gradient descent update "
            f"with learning rate {LEARNING_RATE}.")
    note = step if torch is not None else f"{step} {NO_TORCH}"
    return Table(
        "numpy-torch", f"3. One training step (batch of {config.batch})",
        (("model", "model", ""), ("implementation", "implementation", ""), ("parameters", "parameters", "d"),
         ("step_ms", "training step (ms)", ".3f"), ("ratio", "time / NumPy snippets.mlp", ".2f"),
         ("ratio_equal", "time / NumPy equal work", ".2f")),
        rows, note=note,
    )


# -- report ---------------------------------------------------------------------
def machine(seconds, threads, config):
    try:
        import torch
        torch_version = torch.__version__
    except ImportError:
        torch_version = "not installed"
    values = (
        f"{cpu_model()} ({os.cpu_count()} logical CPUs)", platform.python_version(),
        np.__version__, torch_version, threads, CLOCK_NAME,
        f"{config.rounds} per timing ({config.numeric_rounds} for numerical gradients)",
        datetime.date.today().isoformat(), f"{seconds:.0f} s", f"`{COMMAND}`",
    )
    rows = [{"item": item, "value": value} for item, value in zip(MACHINE_ITEMS, values, strict=True)]
    # Named headers: a table whose header cells are empty is announced badly by screen readers.
    return Table("machine", "Machine", (("item", "item", ""), ("value", "value", "")), rows)


def expected_rows(config=DEFAULT, with_torch=True):
    """The row labels (first column), section by section, that run(config) writes."""
    inputs, outputs = config.numeric_sizes
    models = [shape_label((config.inputs, h, config.classes)) for h in config.hidden_sizes]
    per_model = len(IMPLEMENTATIONS) if with_torch else 2
    return {
        "machine": list(MACHINE_ITEMS),
        "forward-backward": models,
        "numerical": [shape_label((inputs, h, outputs)) for h in config.numeric_hidden_sizes],
        "numpy-torch": [model for model in models for _ in range(per_model)],
    }


def run(config=DEFAULT):
    start = time.perf_counter()
    limiter, threads = pin_threads(config.threads)
    try:
        tables = [forward_backward(config), numerical_cost(config), training_steps(config)]
    finally:
        limiter.restore_original_limits()
    return [machine(time.perf_counter() - start, threads, config)] + tables



def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", metavar="PATH", help="also write the results as markdown to PATH")
    parser.add_argument("--tiny", action="store_true", help="tiny sizes and few rounds (a quick check)")
    parser.add_argument("--threads", type=int, default=DEFAULT.threads,
                        help=f"threads for NumPy's BLAS and PyTorch (default {DEFAULT.threads})")
    args = parser.parse_args(argv)
    base = TINY if args.tiny else DEFAULT
    tables = run(Config(**{**base.__dict__, "threads": args.threads}))
    print(as_text(tables))
    if args.write:
        Path(args.write).parent.mkdir(parents=True, exist_ok=True)
        Path(args.write).write_text(as_markdown(tables), encoding="utf-8")
        print(f"wrote {args.write}")


if __name__ == "__main__":
    sys.exit(main())
