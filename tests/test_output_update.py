"""``pytest --update-outputs`` rewrites stale output blocks; the default run fails on them."""

import json

import pytest

PAGE = '''# A page

```python
total = 100 * 2
print(f"total = {total}")
```

```output
total = 201
```

!!! note "Inside an admonition"
    ```{.python continuation}
    print(total / 4)
    ```

    ```output
    50.0
    ```
'''

OPTIONS = ("--markdown-docs", "--markdown-docs-syntax=superfences", "-q", "-p", "no:randomly")


@pytest.fixture(autouse=True)
def page_plugin(pytester):
    # Registered from a conftest (as in the project), after pytest-markdown-docs itself.
    pytester.makeconftest('pytest_plugins = ["tests.docs_plugin"]\n')


def test_default_run_fails_with_file_and_line(pytester):
    pytester.makefile(".md", page=PAGE)
    result = pytester.runpytest_inprocess(*OPTIONS)
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*page.md:3: the code printed something other than the output block at *page.md:8*"])


def test_update_rewrites_only_what_changed(pytester):
    path = pytester.makefile(".md", page=PAGE)
    before = path.read_text(encoding="utf-8")
    result = pytester.runpytest_inprocess("--update-outputs", "-s", *OPTIONS)
    result.stdout.fnmatch_lines(["*page.md: rewrote 1 output block(s)"])
    assert path.read_text(encoding="utf-8") == before.replace("total = 201", "total = 200")
    fixed = pytester.makefile(".md", fixed=path.read_text(encoding="utf-8"))
    assert fixed.exists()
    pytester.runpytest_inprocess(*OPTIONS, str(fixed)).assert_outcomes(passed=2)


def test_a_block_with_output_changes_inside_a_container(pytester):
    path = pytester.makefile(".md", page=PAGE.replace("total = 201", "total = 200").replace("    50.0", "    51.0"))
    pytester.runpytest_inprocess("--update-outputs", *OPTIONS)
    assert "    50.0\n" in path.read_text(encoding="utf-8")


def test_nothing_is_rewritten_when_a_block_fails(pytester):
    path = pytester.makefile(".md", page=PAGE + '\n```python\nraise ValueError("broken")\n```\n')
    before = path.read_text(encoding="utf-8")
    result = pytester.runpytest_inprocess("--update-outputs", "-s", *OPTIONS)
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*the run did not pass (1 failed): no output block was rewritten"])
    assert path.read_text(encoding="utf-8") == before


def test_the_plan_holds_the_rewritten_page_and_the_page_is_left_alone(pytester):
    path = pytester.makefile(".md", page=PAGE)
    before = path.read_text(encoding="utf-8")
    plan = pytester.path / "plan.json"
    pytester.runpytest_inprocess(f"--outputs-plan={plan}", *OPTIONS).assert_outcomes(passed=2)
    assert path.read_text(encoding="utf-8") == before
    assert json.loads(plan.read_text(encoding="utf-8")) == {str(path.resolve()): before.replace("= 201", "= 200")}
