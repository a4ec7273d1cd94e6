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
from threadpoolctl import threadpool_info, threadpool_limits

from snippets.gradient import relative_error
from snippets.mlp import PARAM_NAMES, TwoLayerMLP

COMMAND = "python -m benchmarks.backprop_cost --write docs/assets/benchmarks/results.md"
LEARNING_RATE = 0.1
NUMPY = "NumPy, snippets.mlp"
NUMPY_EQUAL_WORK = "NumPy, equal work"
IMPLEMENTATIONS = (NUMPY, NUMPY_EQUAL_WORK, "PyTorch float64", "PyTorch float32")
MACHINE_ITEMS = ("CPU", "Python", "NumPy", "PyTorch", "threads", "clock", "rounds", "date", "run time", "command")
NO_TORCH = "PyTorch is not installed: the PyTorch rows were skipped."
CLOCK = time.process_time
CLOCK_NAME = "CPU time of the process (time.process_time)"


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


@dataclass
class Table:
    name: str       # section name in the results file
    title: str
    columns: tuple  # (key, header, format spec); a list value is shown as min / median / max
    rows: list
    note: str = ""


# -- timing -------------------------------------------------------------------
def calls_per_round(fn, round_seconds):
    """How many calls make a round last about round_seconds (at least one)."""
    start = CLOCK()
    fn()
    once = CLOCK() - start
    return max(1, round(round_seconds / once)) if once > 0 else 1


def alternate(functions, rounds, round_seconds, warmup):
    """Seconds per call of each function, timed in turn in every round.

    Returns {name: [seconds per call in round 1, round 2, ...]}.
    """
    for fn in functions.values():
        for _ in range(warmup):
            fn()
    number = {name: calls_per_round(fn, round_seconds) for name, fn in functions.items()}
    times = {name: [] for name in functions}
    for _ in range(rounds):
        for name, fn in functions.items():
            start = CLOCK()
            for _ in range(number[name]):
                fn()
            times[name].append((CLOCK() - start) / number[name])
    return times


def spread(seconds, scale=1e3):
    """[min, median, max] of a list of seconds, in milliseconds by default."""
    return [scale * min(seconds), scale * statistics.median(seconds), scale * max(seconds)]


def paired_ratio(numerators, denominators):
    """Median over rounds of numerator / denominator measured in the same round."""
    return statistics.median(n / d for n, d in zip(numerators, denominators, strict=True))


# -- helpers ------------------------------------------------------------------
def make_batch(batch, inputs, classes, seed=0):
    """Inputs from a standard normal and one-hot targets, both from a fixed seed."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((batch, inputs))
    t = np.eye(classes)[rng.integers(0, classes, batch)]
    return x, t


def parameter_count(net):
    return sum(p.size for p in net.params.values())


def shape_label(sizes):
    return "-".join(str(s) for s in sizes)


def backward_only(net):
    """The backward half of TwoLayerMLP.gradient, after a forward pass has run."""
    dout = net.last_layer.backward(1.0)
    for layer in reversed(net.layers):
        dout = layer.backward(dout)
    return dout


def equal_work_gradient(params, x, t):
    """TwoLayerMLP.gradient's arithmetic with only what a training step needs.

    What PyTorch's step does and snippets.mlp does on top: no input checks
    (finite values, shapes), no gradient with respect to the input x, and the
    softmax computed once (snippets.layers computes softmax and log-softmax
    separately).
    """
    W1, b1, W2, b2 = (params[name] for name in PARAM_NAMES)
    hidden = x @ W1 + b1
    active = hidden > 0
    relu = hidden * active
    scores = relu @ W2 + b2
    shifted = scores - scores.max(axis=1, keepdims=True)
    y = np.exp(shifted)
    y /= y.sum(axis=1, keepdims=True)
    dscores = (y - t) / x.shape[0]
    dhidden = (dscores @ W2.T) * active
    return {"W1": x.T @ dhidden, "b1": dhidden.sum(axis=0), "W2": relu.T @ dscores, "b2": dscores.sum(axis=0)}


def sgd_step(params, grads):
    for name in PARAM_NAMES:
        params[name] -= LEARNING_RATE * grads[name]  # in place: the layers see it


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
def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def pin_threads(threads):
    """Pin NumPy's BLAS (and any OpenMP pool) and PyTorch to `threads` threads.

    Returns the threadpoolctl limiter (keep it alive while timing) and a
    sentence saying what each library reports it uses.
    """
    limiter = threadpool_limits(limits=threads)
    try:
        import torch
    except ImportError:
        torch_threads = "PyTorch not installed"
    else:
        torch.set_num_threads(threads)
        torch_threads = f"PyTorch {torch.get_num_threads()} (torch.get_num_threads)"
    pools = [f"{pool['internal_api']} {pool['num_threads']}" for pool in threadpool_info()
             if pool["user_api"] == "blas" and "numpy" in pool["filepath"]]
    numpy_threads = "NumPy BLAS " + (", ".join(pools) or "not found by threadpoolctl")
    return limiter, f"{numpy_threads}; {torch_threads}"


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
    return Table("machine", "Machine", (("item", "", ""), ("value", "", "")), rows)


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


def cell(value, spec):
    if isinstance(value, list):
        return " / ".join(format(v, spec) for v in value)
    return format(value, spec)


def cells(table):
    return [[cell(row[key], spec) for key, _, spec in table.columns] for row in table.rows]


def as_text(tables):
    out = []
    for table in tables:
        headers = [header for _, header, _ in table.columns]
        body = cells(table)
        widths = [max(len(r[i]) for r in [headers] + body) for i in range(len(headers))]
        out.append(table.title)
        if any(headers):
            out.append("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
            out.append("  ".join("-" * w for w in widths))
        out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
        if table.note:
            out.append(table.note)
        out.append("")
    out.append("Times: min / median / max over the rounds; ratios: median of the per-round ratios.")
    return "\n".join(out)


def as_markdown(tables):
    """One section per table, marked so a page can include each on its own."""
    out = ["<!-- Written by benchmarks/backprop_cost.py; do not edit by hand. -->", ""]
    for table in tables:
        out.append(f"<!-- --8<-- [start:{table.name}] -->")
        headers = [header for _, header, _ in table.columns]
        out.append("| " + " | ".join(headers) + " |")
        out.append("|" + "|".join("---" if spec == "" else "--:" for _, _, spec in table.columns) + "|")
        out += ["| " + " | ".join(row) + " |" for row in cells(table)]
        if table.note:
            out += ["", table.note]
        out += [f"<!-- --8<-- [end:{table.name}] -->", ""]
    return "\n".join(out)


def structure(markdown):
    """What a results file must keep: per section, the table header and row labels."""
    sections = []
    for line in markdown.split("\n"):
        if "--8<-- [start:" in line:
            name = line.split("[start:")[1].split("]")[0]
            sections.append({"section": name, "header": None, "rows": [], "note": False})
        elif "--8<-- [end:" in line or not sections or not line.strip():
            continue
        elif line.startswith("|"):
            row = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(cell and set(cell) <= set("-:") for cell in row):
                continue  # the alignment row
            if sections[-1]["header"] is None:
                sections[-1]["header"] = row
            else:
                sections[-1]["rows"].append(row[0])
        else:
            sections[-1]["note"] = True
    return sections


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
