"""Shows that the suite catches each kind of wrong-but-plausible edit.

Each mutation below is applied to a copy of the repository (the working tree
is never touched); the checks that read pages then run in the copy, and the
table says which tests failed. A mutation nobody catches is printed as
MISSED and the script exits with status 1.

    python tools/mutate.py            # every mutation
    python tools/mutate.py sign       # those whose name contains "sign"

Not part of the default test run: it runs the page checks once per mutation
(about a minute in all).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGE_CHECKS = [
    "tests/test_page_numbers.py", "tests/test_language_parity.py",
    "tests/test_identities.py", "tests/test_diagrams.py",
]
BUILD = "mkdocs build --strict"


@dataclass
class Mutation:
    name: str
    edits: list  # (page under docs/ or a repo path starting "./", old text, new text); old must occur
    run: str = "tests"  # "tests": the page checks; "build": the strict site build
    new_files: tuple = ()  # (path, text) to create
    checks: tuple = ()  # test selections run besides the page checks


def both(page, old, new):
    return [(f"ko/{page}", old, new), (f"en/{page}", old, new)]


CH02, CH04, CH05 = "chapters/02-chain-rule.md", "chapters/04-simple-layers.md", "chapters/05-activation-layers.md"
CH06, CH07, CH08 = "chapters/06-affine-softmax.md", "chapters/07-worked-examples.md", "chapters/08-mlp-numpy.md"

MUTATIONS = [
    Mutation("sign: -0.017 -> 0.017 (both languages)",
             both(CH07, r"{\partial w_3} \approx -0.017\)", r"{\partial w_3} \approx 0.017\)")),
    Mutation("sign: -0.0068 -> 0.0068 (both languages)",
             both(CH07, r"{\partial w_1} \approx -0.0068\)", r"{\partial w_1} \approx 0.0068\)")),
    Mutation("named value: L 0.0136 -> 0.0182 (both)", both(CH07, r"\(L \approx 0.0136\)", r"\(L \approx 0.0182\)")),
    Mutation("named value: dy/dx 200 -> 67 (both)", both(CH02, r"\(\frac{dy}{dx} = 200\)", r"\(\frac{dy}{dx} = 67\)")),
    Mutation("named value: total 715 -> 660 (both)", both(CH04, r"\(\text{total} = 715\)", r"\(\text{total} = 660\)")),
    Mutation("named value: 0.138 -> 0.137, the truncation (both)",
             both(CH07, r"\hat{y}(1 - \hat{y}) \approx 0.138\)", r"\hat{y}(1 - \hat{y}) \approx 0.137\)")),
    Mutation("named value: w2 0.6 -> 0.7 (both)", both(CH07, r"\(w_2 = 0.6\)", r"\(w_2 = 0.7\)")),
    Mutation("parity: 110 and 200 swapped in a sentence (en)",
             [(f"en/{CH04}", "walnut count is 110, and with respect to the tax factor 200",
               "walnut count is 200, and with respect to the tax factor 110")]),
    Mutation("parity: 'divided by 2' -> 'divided by 4' (en)",
             [(f"en/{CH06}", r"that \(y - t\) divided by 2.", r"that \(y - t\) divided by 4.")]),
    Mutation("parity: 'divided by 2' -> 'divided by 4' (ko)",
             [(f"ko/{CH06}", r"\(y - t\)를 2로 나눈", r"\(y - t\)를 4로 나눈")]),
    Mutation("formula: y - t -> t - y (both)", both(CH06, "&= y_k - t_k", "&= t_k - y_k")),
    Mutation("formula: 1/N dropped (both)", both(CH08, r"\tfrac{1}{N}\,(y - t)", r"(y - t)")),
    Mutation("formula: y(1 - y) -> y(1 + y) (both)", both(CH05, r"\, y\,(1 - y)", r"\, y\,(1 + y)")),
    Mutation("diagram: an edge label changed (both)", both(CH07, 'h2 -.-|"← -0.0204"| y', 'h2 -.-|"← -0.0240"| y')),
    Mutation("output: a printed number edited (both)", both(CH07, "L = 0.0136\n", "L = 0.0137\n")),
    Mutation("notebook prose: exercise 1's 42 -> 48 (both)",
             [("ko/exercises/01-chain-rule-by-hand.ipynb", "기울기는 42입니다", "기울기는 48입니다"),
              ("en/exercises/01-chain-rule-by-hand.ipynb", "the gradient is 42.", "the gradient is 48.")],
             checks=("tests/test_notebooks.py::test_stated_numbers_are_computed",)),
    Mutation("layer: ReLU mask x <= 0 -> x < 0 (gradient at exactly 0)",
             [("./snippets/layers/relu.py", "self.mask = x <= 0", "self.mask = x < 0")],
             checks=("tests/test_layer_contracts.py", "tests/test_layers.py")),
    Mutation("build: a page missing from the nav", [], run="build",
             new_files=(("docs/ko/orphan.md", "# 고아\n"), ("docs/en/orphan.md", "# Orphan\n"))),
    Mutation("build: a link to a missing anchor", both("chapters/10-summary.md", "(08-mlp-numpy.md)",
                                                       "(08-mlp-numpy.md#no-such-section)"), run="build"),
]


# --- Formulas and wording: derivatives, arithmetic and formulas no code computes,
# and a synonym the glossary does not allow (tests/test_formulas.py, tests/test_glossary.py).
CH09 = "chapters/09-autograd-gradient-flow.md"
FORMULA_CHECKS = ("tests/test_formulas.py",)
MUTATIONS += [
    Mutation("formula: inline σ′ = σ(1 - σ) -> σ(1 + σ) in ch07 (both)",
             both(CH07, r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", r"\sigma'(z) = \sigma(z)(1 + \sigma(z))"),
             checks=FORMULA_CHECKS),
    Mutation("formula: arithmetic sqrt(32/2) = 4 -> 5 in ch09 (both)",
             both(CH09, r"\sqrt{32/2} = 4", r"\sqrt{32/2} = 5"), checks=FORMULA_CHECKS),
    Mutation("formula: MSE gradient 2/n -> 1/n, a section without code (both)",
             both(CH08, r"= \frac{2}{n}\,(y_i - t_i)", r"= \frac{1}{n}\,(y_i - t_i)"), checks=FORMULA_CHECKS),
    Mutation("glossary: unlisted synonym 그래디언트 for 기울기 (ko)",
             [(f"ko/{CH02}", "경로별 기울기를 더할", "경로별 그래디언트를 더할")], checks=("tests/test_glossary.py",)),
]


# --- Numbers bound to the quantity they name (tests/quantity_check.py) ----------
# Each edit is made the same way in docs/ko and docs/en, as a careful editor
# would, so the parity checks see nothing; before the binding, each number
# still occurred somewhere on its page and passed.
BINDING = ("tests/test_quantity_binding.py",)
MUTATIONS += [
    Mutation("bound number (a): ratio 'about two' -> 'three' / '2 정도' -> '3 정도' (both)",
             [("en/benchmarks.md", "a ratio of about two for large layers", "a ratio of about three for large layers"),
              ("ko/benchmarks.md", "큰 층에서 비가 2 정도인", "큰 층에서 비가 3 정도인")], checks=BINDING),
    Mutation("bound number (b): walnut count 110 and tax factor 200 swapped (both)",
             [(f"en/{CH04}", "walnut count is 110, and with respect to the tax factor 200",
               "walnut count is 200, and with respect to the tax factor 110"),
              (f"ko/{CH04}", "호두 개수에 대한 미분은 110, 세금 배율에 대한 미분은 200",
               "호두 개수에 대한 미분은 200, 세금 배율에 대한 미분은 110")], checks=BINDING),
    Mutation("bound number (c): learning rate 0.1 -> 0.5, a value elsewhere on the page (both)",
             [(f"en/{CH08}", "learning rate of 0.1", "learning rate of 0.5"),
              (f"ko/{CH08}", "학습률 0.1을", "학습률 0.5를")], checks=BINDING),
]


# --- Numbers placed in a row, at the ends of a column, or after \approx --------
# (tests/position_check.py, tests/math_numbers.py): each new value is printed
# elsewhere in the same section, so the section and page-wide checks pass it.
PLACES = ("tests/test_number_positions.py",)
MUTATIONS += [
    Mutation("placed number: relu row's 4.64 -> relu He's 1.16, one of several (both)",
             [(f"en/{CH09}", "about 4.64 times per layer. With", "about 1.16 times per layer. With"),
              (f"ko/{CH09}", "층마다 약 4.64배씩", "층마다 약 1.16배씩")], checks=PLACES),
    Mutation("range end: loss 'from 1.129 to 0.0551' -> 'to 0.0862' (both)",
             [(f"en/{CH08}", "from 1.129 to 0.0551", "from 1.129 to 0.0862"),
              (f"ko/{CH08}", "1.129에서 0.0551로", "1.129에서 0.0862로")], checks=PLACES),
    Mutation("number in math: ln 3 ≈ 1.0986 -> 1.1290, the first loss (both)",
             both(CH08, r"\(\ln 3 \approx 1.0986\)", r"\(\ln 3 \approx 1.1290\)"), checks=PLACES),
    Mutation("expression with the section's values: y(1 - y) ≈ 0.1966 -> 0.7311, the value of y (both)",
             both(CH05, r"\(y(1 - y) \approx 0.1966\)", r"\(y(1 - y) \approx 0.7311\)"), checks=PLACES),
    Mutation("prose value of a symbol: w5 and w1 swapped in 'w5 becomes ...' (both)",
             [("en/recipes/classic-examples.md", r"\(w_5\) becomes 0.35891648 and \(w_1\) becomes 0.14978072",
               r"\(w_5\) becomes 0.14978072 and \(w_1\) becomes 0.35891648"),
              ("ko/recipes/classic-examples.md", r"\(w_5\)는 0.35891648, \(w_1\)은 0.14978072",
               r"\(w_5\)는 0.14978072, \(w_1\)은 0.35891648")]),
]


# --- A sentence dropped from one language (tests/sentence_parity.py) ------------
MUTATIONS += [
    Mutation("sentence: one dropped from the Korean page only (ch01)",
             [("ko/chapters/01-why-backprop.md",
               " 그러려면 매개변수 하나하나가 손실에 얼마나 영향을 주었는지 알아야 합니다.", "")]),
]

def copy_repository(target):
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in tracked.decode().split("\0"):
        if name and (REPO / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target / name)


def apply(mutation, root):
    """Apply the edits; return {path: original text} to restore."""
    saved = {}
    for page, old, new in mutation.edits:
        path = root / page[2:] if page.startswith("./") else root / "docs" / page
        text = saved.get(path) or path.read_text(encoding="utf-8")
        saved.setdefault(path, text)
        current = path.read_text(encoding="utf-8")
        if old not in current:
            raise SystemExit(f"{mutation.name!r}: {old!r} is no longer in docs/{page}; update tools/mutate.py")
        path.write_text(current.replace(old, new, 1), encoding="utf-8")
    for name, text in mutation.new_files:
        (root / name).write_text(text, encoding="utf-8")
        saved[root / name] = None
    return saved


def restore(saved):
    for path, text in saved.items():
        if text is None:
            path.unlink()
        else:
            path.write_text(text, encoding="utf-8")


def copy_environment(root, **settings):
    """The environment for a run in the copy. sitebuilder and snippets are
    editable installs of the working tree; PYTHONPATH puts the copy's packages
    ahead of them, so the checks read the copy's pages (pagemodel.site finds the
    repository from where sitebuilder lives)."""
    paths = [str(root / "site-builder"), str(root), os.environ.get("PYTHONPATH", "")]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in paths if p), **settings)


def failed_tests(root, pages, checks=()):
    """The ids of the tests that fail in the copy."""
    targets = PAGE_CHECKS + list(checks) + sorted({f"docs/{p}" for p in pages if p.endswith(".md")})
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-o", "addopts=--markdown-docs "
         "--markdown-docs-syntax=superfences -p no:cacheprovider", "-rfE", *targets],
        cwd=root, capture_output=True, text=True, env=copy_environment(root, PYTHONDONTWRITEBYTECODE="1"),
    )
    errors = sorted(set(re.findall(r"^ERROR (\S+)", result.stdout, re.M)))
    if errors:  # a check that cannot even be collected catches nothing: say so, do not count it
        broken = ", ".join(errors)
        raise SystemExit(f"the checks themselves are broken in the copy ({broken}):\n{result.stdout[-3000:]}")
    return sorted({m.group(1) for m in re.finditer(r"^FAILED (\S+)", result.stdout, re.M)})


def build_fails(root):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root / "site")],
        cwd=root, capture_output=True, text=True, env=copy_environment(root, NO_MKDOCS_2_WARNING="1"),
    )
    warnings = [line for line in result.stderr.split("\n") if line.startswith("WARNING")]
    return result.returncode != 0, warnings


def shorten(test_id):
    test_id = re.sub(r"^tests/test_(\w+)\.py::", r"\1::", test_id)
    return re.sub(r"\[(?:docs/)?(ko|en)/(?:chapters/)?([^\]]+?)(?:\.md)?\]", r"[\1/\2]", test_id)


def main(selector=""):
    chosen = [m for m in MUTATIONS if selector in m.name]
    missed = 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="mutate-") as tmp:
        root = Path(tmp)
        copy_repository(root)
        for mutation in chosen:
            saved = apply(mutation, root)
            try:
                if mutation.run == "build":
                    failed, warnings = build_fails(root)
                    caught = [f"{BUILD}: {w.split(' -  ', 1)[-1][:70]}" for w in warnings[:1]] if failed else []
                else:
                    pages = [p for p, _, _ in mutation.edits]
                    caught = [shorten(t) for t in failed_tests(root, pages, mutation.checks)]
            finally:
                restore(saved)
            missed += not caught
            rows.append((mutation.name, caught))
            print(f"{mutation.name:55} {'caught by ' + ', '.join(caught[:3]) if caught else 'MISSED'}"
                  + (f" (+{len(caught) - 3} more)" if len(caught) > 3 else ""), flush=True)
    print(f"\n{len(rows) - missed} of {len(rows)} mutations caught")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
