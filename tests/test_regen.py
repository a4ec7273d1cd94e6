"""`make regen` (sitebuilder.regen): a missing tool or a failing kind writes nothing,
the message names what to install, and a rerun changes no file."""

import dataclasses

import pytest

from sitebuilder import regen


@pytest.fixture
def computed(monkeypatch):
    """Every kind replaced by one that records that it ran and plans no file."""
    ran = []
    for name, kind in regen.KINDS.items():
        fake = dataclasses.replace(kind, compute=lambda options, name=name: ran.append(name) or {})
        monkeypatch.setitem(regen.KINDS, name, fake)
    return ran


@pytest.fixture
def written(monkeypatch):
    calls = []
    monkeypatch.setattr(regen, "write", lambda planned: calls.append(planned) or (0, 0))
    return calls


def missing(monkeypatch, *names):
    for name in names:
        monkeypatch.setitem(regen.TOOLS, name, dataclasses.replace(regen.TOOLS[name], present=lambda: False))


def test_a_missing_tool_stops_before_anything_is_computed_or_written(monkeypatch, computed, written):
    missing(monkeypatch, "torch", "chromium")
    with pytest.raises(SystemExit) as stop:
        regen.main([])
    message = str(stop.value.code)
    assert message.startswith("make regen wrote nothing; missing:")
    assert "PyTorch" in message and "run `make torch`" in message
    assert f"Chromium at {regen.CHROMIUM}" in message and "run `make browser-deps`" in message
    assert message.count("make torch") == 1  # outputs and notebooks both need it: named once
    assert computed == [] and written == []


def test_only_the_chosen_kinds_need_their_tools(monkeypatch, computed, written):
    missing(monkeypatch, "torch", "chromium", "mermaid", "katex", "kernel")
    assert regen.main(["--only", "plots"]) == 0
    assert computed == ["plots"] and len(written) == 1
    with pytest.raises(SystemExit, match="run `make torch`"):
        regen.main(["--only", "plots,notebooks"])


def test_a_failing_kind_writes_nothing(monkeypatch, tmp_path):
    first = tmp_path / "first.svg"

    def fails(options):
        raise RuntimeError("a page's code block failed")

    monkeypatch.setattr(regen, "missing_tools", lambda kinds: [])
    monkeypatch.setattr(regen, "KINDS", {
        "plots": regen.Kind((), lambda options: {first: b"<svg/>"}),
        "outputs": regen.Kind((), fails),
    })
    with pytest.raises(SystemExit, match="wrote nothing: outputs failed: a page's code block failed"):
        regen.main([])
    assert not first.exists()


def test_a_second_write_changes_nothing(tmp_path):
    kept, left_over = tmp_path / "a" / "kept.svg", tmp_path / "left-over.svg"
    left_over.write_bytes(b"old")
    planned = {kept: b"<svg/>", left_over: None}
    assert regen.write(planned) == (2, 0)
    mtime = kept.stat().st_mtime_ns
    assert regen.write(planned) == (0, 2)
    assert kept.read_bytes() == b"<svg/>" and kept.stat().st_mtime_ns == mtime and not left_over.exists()


def test_kinds_run_in_dependency_order_and_unknown_ones_are_named():
    assert regen.parse_kinds("notebooks, vendor") == ["vendor", "notebooks"]
    assert regen.parse_kinds(None) == ["vendor", "plots", "diagrams", "outputs", "notebooks"]
    with pytest.raises(SystemExit, match="unknown kind notebook: ONLY takes .*vendor, plots"):
        regen.parse_kinds("notebook")
