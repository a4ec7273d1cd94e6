"""Lighthouse over one page, several times: the median and spread of its performance score.

Lighthouse's performance score varies from run to run on one machine (its
documentation advises the median of several runs); on a loaded machine the
phone score of one chapter moved by up to 35 points between runs of one
build, mostly through its largest paint. So performance, main-thread work
and DOM size are the medians of `runs` runs, and the score's min and max are
kept to show the spread; the other categories do not vary and come from the
first run."""

import json
import os
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LIGHTHOUSE = REPO / "tools" / "audit" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MAIN_THREAD = "mainthread-work-breakdown"  # total main-thread time, ms
DOM_SIZE = "dom-size-insight"  # Lighthouse 13's element count (it replaced "dom-size")


@dataclass
class Scores:
    categories: dict  # category -> 0-100; performance is the median
    performance_runs: list  # every run's performance score
    main_thread_ms: float  # median over the runs
    dom_elements: int  # median over the runs


def lighthouse(url, size, runs=1, keep=None):
    """Scores of `url` at `size` ("phone": Lighthouse's mobile preset; "desktop").
    With `keep` (a folder), each run's JSON report is also written there, to see
    what the main-thread time went to."""
    reports = [_run(url, size, CATEGORIES)] + [_run(url, size, ("performance",)) for _ in range(runs - 1)]
    if keep:
        name = url.split("/", 3)[-1].strip("/").replace("/", "_") or "home"
        Path(keep).mkdir(parents=True, exist_ok=True)
        for number, report in enumerate(reports, 1):
            (Path(keep) / f"{name}.{size}.{number}.json").write_text(json.dumps(report), encoding="utf-8")
    first = reports[0]
    performance = [_score(r, "performance") for r in reports]
    categories = {name: _score(first, name) for name in CATEGORIES}
    categories["performance"] = round(statistics.median(performance))
    return Scores(
        categories=categories,
        performance_runs=performance,
        main_thread_ms=statistics.median(r["audits"][MAIN_THREAD]["numericValue"] for r in reports),
        dom_elements=round(statistics.median(r["audits"][DOM_SIZE].get("numericValue", 0) for r in reports)),
    )


def _score(report, category):
    return round(100 * (report["categories"][category]["score"] or 0))


def _run(url, size, categories):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={path}",
            "--only-categories=" + ",".join(categories),
            f"--chrome-flags=--headless=new --no-sandbox --disable-gpu {OFFLINE}",
        ]
        if size == "desktop":
            command.append("--preset=desktop")
        result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
        if result.returncode != 0 or not path.is_file():
            raise RuntimeError(f"lighthouse failed on {url} ({size}):\n{result.stderr[-2000:]}")
        return json.loads(path.read_text(encoding="utf-8"))
