"""How much does backpropagation cost? Three measurements behind the pages' claims.

1. A backward pass costs about as much as a forward pass (a small multiple,
   not a multiple that grows with the number of parameters).
2. A numerical gradient needs two loss evaluations per parameter, so its cost
   grows with the parameter count while backpropagation's stays at one
   forward and one backward pass.
3. The NumPy network of the pages against the same network in PyTorch (CPU),
   one training step each.

Run ``python -m benchmarks.backprop_cost`` to print the tables, and add
``--write docs/assets/benchmarks/results.md`` to refresh the results file the
benchmark page includes. Every random number comes from a fixed seed; the
times are medians of repeated runs after warm-up calls (time.perf_counter).
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

from snippets.gradient import relative_error
from snippets.mlp import PARAM_NAMES, TwoLayerMLP

COMMAND = "python -m benchmarks.backprop_cost --write docs/assets/benchmarks/results.md"
LEARNING_RATE = 0.1
IMPLEMENTATIONS = ("NumPy (snippets.mlp), float64", "PyTorch CPU, float64", "PyTorch CPU, float32")
MACHINE_ITEMS = ("CPU", "Python", "NumPy", "PyTorch", "date", "run time", "command")
NO_TORCH = "PyTorch is not installed: the NumPy/PyTorch comparison was skipped."


@dataclass(frozen=True)
class Config:
    sizes: tuple = (784, 100, 10)      # measurements 1 and 3: input-hidden-output
    batch: int = 100
    numeric_sizes: tuple = (64, 10)    # measurement 2: inputs and outputs around the hidden layer
    numeric_batch: int = 32
    hidden_sizes: tuple = (5, 10, 20, 40, 80)
    repeats: int = 31                  # timed repeats of a fast call (median taken)
    number: int = 20                   # calls per timed repeat of a fast call
    numeric_repeats: int = 5           # timed repeats of a numerical gradient
    warmup: int = 3


DEFAULT = Config()
# For the smoke test: same code paths, tiny sizes, one repeat.
TINY = Config(sizes=(6, 5, 3), batch=4, numeric_sizes=(4, 3), numeric_batch=4,
              hidden_sizes=(2, 3), repeats=1, number=1, numeric_repeats=1, warmup=0)


@dataclass
class Table:
    name: str       # section name in the results file
    title: str
    columns: tuple  # (key, header, format spec)
    rows: list
    note: str = ""


# -- helpers ------------------------------------------------------------------
def make_batch(batch, inputs, classes, seed=0):
    """Inputs from a standard normal and one-hot targets, both from a fixed seed."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((batch, inputs))
    t = np.eye(classes)[rng.integers(0, classes, batch)]
    return x, t


def median_time(fn, repeats, number=1, warmup=1):
    """Median over repeats of the seconds per call (each repeat makes `number` calls)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times)


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


# -- 1. backward against forward ---------------------------------------------
def forward_backward(config=DEFAULT):
    net = TwoLayerMLP(*config.sizes, seed=0)
    x, t = make_batch(config.batch, config.sizes[0], config.sizes[-1])
    net.loss(x, t)  # the backward pass reads what the forward pass cached
    timing = dict(repeats=config.repeats, number=config.number, warmup=config.warmup)
    forward = median_time(lambda: net.loss(x, t), **timing)
    net.loss(x, t)
    backward = median_time(lambda: backward_only(net), **timing)
    row = {
        "model": shape_label(config.sizes), "batch": config.batch,
        "parameters": parameter_count(net),
        "forward_ms": forward * 1e3, "backward_ms": backward * 1e3,
        "ratio": backward / forward,
    }
    return Table(
        "forward-backward", "1. Backward pass against forward pass (TwoLayerMLP)",
        (("model", "model", ""), ("batch", "batch", "d"), ("parameters", "parameters", "d"),
         ("forward_ms", "forward (ms)", ".3f"), ("backward_ms", "backward (ms)", ".3f"),
         ("ratio", "backward / forward", ".2f")),
        [row],
    )


# -- 2. numerical gradient against backpropagation ---------------------------
def numerical_cost(config=DEFAULT):
    inputs, outputs = config.numeric_sizes
    x, t = make_batch(config.numeric_batch, inputs, outputs, seed=1)
    rows = []
    for hidden in config.hidden_sizes:
        net = TwoLayerMLP(inputs, hidden, outputs, seed=0)
        backprop = median_time(lambda: net.gradient(x, t), config.repeats, config.number, config.warmup)
        numerical = median_time(lambda: net.numerical_gradient(x, t), config.numeric_repeats,
                                warmup=min(config.warmup, 1))
        analytic, numeric = net.gradient(x, t), net.numerical_gradient(x, t)
        error = max(relative_error(analytic[n], numeric[n]) for n in PARAM_NAMES)
        rows.append({
            "model": shape_label((inputs, hidden, outputs)), "batch": config.numeric_batch,
            "parameters": parameter_count(net),
            "evaluations": 2 * parameter_count(net),
            "backprop_ms": backprop * 1e3, "numerical_ms": numerical * 1e3,
            "ratio": numerical / backprop, "error": error,
        })
    return Table(
        "numerical", "2. Numerical gradient against backpropagation (TwoLayerMLP.gradient)",
        (("model", "model", ""), ("batch", "batch", "d"), ("parameters", "parameters", "d"),
         ("evaluations", "loss evaluations (numerical)", "d"),
         ("backprop_ms", "backprop (ms)", ".3f"), ("numerical_ms", "numerical (ms)", ".1f"),
         ("ratio", "numerical / backprop", ".0f"), ("error", "relative error", ".1e")),
        rows,
    )


# -- 3. NumPy against PyTorch ------------------------------------------------
def training_steps(config=DEFAULT):
    x, t = make_batch(config.batch, config.sizes[0], config.sizes[-1], seed=2)
    timing = dict(repeats=config.repeats, number=config.number, warmup=config.warmup)
    net = TwoLayerMLP(*config.sizes, seed=0)

    def numpy_step():
        grads = net.gradient(x, t)
        for name in PARAM_NAMES:
            net.params[name] -= LEARNING_RATE * grads[name]  # in place: the layers see it

    numpy_time = median_time(numpy_step, **timing)
    rows = [{"implementation": IMPLEMENTATIONS[0], "step_ms": numpy_time * 1e3, "ratio": 1.0}]
    columns = (("implementation", "implementation", ""), ("step_ms", "training step (ms)", ".3f"),
               ("ratio", "time / NumPy time", ".2f"))
    title = f"3. One training step, {shape_label(config.sizes)}, batch {config.batch}"
    step = f"Each step: gradient, then a gradient descent update with learning rate {LEARNING_RATE}."
    try:
        import torch

        from snippets.ch09.torch_twin import torch_twin
    except ImportError:
        return Table("numpy-torch", title, columns, rows, note=f"{step} {NO_TORCH}")

    for dtype, name in ((torch.float64, "float64"), (torch.float32, "float32")):
        model = torch_twin(TwoLayerMLP(*config.sizes, seed=0), dtype)  # NumPy's starting weights
        optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
        inputs = torch.from_numpy(x).to(dtype)
        labels = torch.from_numpy(t.argmax(axis=1))

        def torch_step():
            optimizer.zero_grad()
            torch.nn.functional.cross_entropy(model(inputs), labels).backward()
            optimizer.step()

        seconds = median_time(torch_step, **timing)
        rows.append({"implementation": f"PyTorch CPU, {name}", "step_ms": seconds * 1e3,
                     "ratio": seconds / numpy_time})
    note = f"{step} PyTorch {torch.__version__} used {torch.get_num_threads()} threads."
    return Table("numpy-torch", title, columns, rows, note=note)


# -- report ---------------------------------------------------------------------
def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine(seconds):
    try:
        import torch
        torch_version = torch.__version__
    except ImportError:
        torch_version = "not installed"
    values = (
        f"{cpu_model()} ({os.cpu_count()} logical CPUs)", platform.python_version(),
        np.__version__, torch_version, datetime.date.today().isoformat(),
        f"{seconds:.0f} s", f"`{COMMAND}`",
    )
    rows = [{"item": item, "value": value} for item, value in zip(MACHINE_ITEMS, values)]
    return Table("machine", "Machine", (("item", "", ""), ("value", "", "")), rows)


def expected_rows(config=DEFAULT, with_torch=True):
    """The row labels, section by section, that run(config) writes."""
    inputs, outputs = config.numeric_sizes
    return {
        "machine": list(MACHINE_ITEMS),
        "forward-backward": [shape_label(config.sizes)],
        "numerical": [shape_label((inputs, h, outputs)) for h in config.hidden_sizes],
        "numpy-torch": list(IMPLEMENTATIONS if with_torch else IMPLEMENTATIONS[:1]),
    }


def run(config=DEFAULT):
    start = time.perf_counter()
    tables = [forward_backward(config), numerical_cost(config), training_steps(config)]
    return [machine(time.perf_counter() - start)] + tables


def cells(table):
    return [[format(row[key], spec) for key, _, spec in table.columns] for row in table.rows]


def as_text(tables):
    out = []
    for table in tables:
        headers = [header for _, header, _ in table.columns]
        body = cells(table)
        widths = [max(len(r[i]) for r in [headers] + body) for i in range(len(headers))]
        out.append(table.title)
        if any(headers):
            out.append("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
            out.append("  ".join("-" * w for w in widths))
        out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in body]
        if table.note:
            out.append(table.note)
        out.append("")
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
    parser.add_argument("--tiny", action="store_true", help="tiny sizes and one repeat (a quick check)")
    args = parser.parse_args(argv)
    tables = run(TINY if args.tiny else DEFAULT)
    print(as_text(tables))
    if args.write:
        Path(args.write).parent.mkdir(parents=True, exist_ok=True)
        Path(args.write).write_text(as_markdown(tables), encoding="utf-8")
        print(f"wrote {args.write}")


if __name__ == "__main__":
    sys.exit(main())
