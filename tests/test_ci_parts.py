"""Nothing runs only on GitHub: each step of the workflow that runs something is
`make <part>` for a part of `make ci` (the Makefile's CI_PARTS), each part has its job,
and .ci/run runs every part."""

import re

import yaml

from sitebuilder.pagemodel.site import REPO

WORKFLOW = REPO / ".github" / "workflows" / "ci.yml"


def ci_parts():
    found = re.search(r"^CI_PARTS\s*:=\s*(.+)$", (REPO / "Makefile").read_text(encoding="utf-8"), re.M)
    assert found, "the Makefile defines no CI_PARTS (the parts `make ci` runs)"
    return found.group(1).split()


def workflow_commands():
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    return {name: step["run"].strip() for name, job in jobs.items() for step in job["steps"] if "run" in step}


def test_every_workflow_command_is_a_part_of_make_ci():
    parts = ci_parts()
    strays = {job: run for job, run in workflow_commands().items() if run not in {f"make {p}" for p in parts}}
    assert not strays, f"jobs running something other than `make <part of make ci>` ({parts}): {strays}"


def test_every_part_of_make_ci_has_its_job():
    run = set(workflow_commands().values())
    assert [part for part in ci_parts() if f"make {part}" not in run] == []


def test_ci_run_names_every_part_in_the_makefiles_order():
    found = re.search(r'^make ci CI_PARTS="([^"]+)"$', (REPO / ".ci" / "run").read_text(encoding="utf-8"), re.M)
    assert found, ".ci/run must run `make ci CI_PARTS=\"...\"`, naming each part"
    assert found.group(1).split() == ci_parts(), "the parts .ci/run names differ from the Makefile's CI_PARTS"
