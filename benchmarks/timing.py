"""Timing that compares like with like: calls timed in turn, in CPU seconds.

The calls a ratio compares are timed alternately in one loop (A B A B ...), so
a machine that slows down in the middle of the run slows both sides alike;
CPU seconds of the process, so waiting for a core is not counted as work.
"""

import platform
import statistics
import time
from pathlib import Path

from threadpoolctl import threadpool_info, threadpool_limits

CLOCK = time.process_time
CLOCK_NAME = "CPU time of the process (time.process_time)"


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
