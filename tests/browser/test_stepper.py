"""The step-through graphs in Chromium, both languages, against snippets.tracer.

* stepper.js's evaluator gives the tracer's values and gradients for the
  published inputs and for seeded random ones, and writes numbers as
  site-builder/sitebuilder/transforms/stepper.py does;
* stepping through every example to the end, each value and gradient shown is
  the tracer's, and only what is known at that step is shown; the announced
  text carries the step's numbers;
* after an input is edited, every number shown (first and last step) is the
  tracer's for the new input;
* the arrow keys move the steps from the Previous/Next buttons and leave the
  input fields alone (test_stepper_controls.py: the graph's box, touch, the
  description, inputs that cannot be computed).
"""

import random

import pytest

from sitebuilder.pagemodel.site import LANGUAGES
from sitebuilder.transforms.step_examples import EXAMPLES
from sitebuilder.transforms.stepper_data import graph_data, number
from snippets.tracer import Value
from tests.test_stepper import PLACES

pytestmark = pytest.mark.browser

CASES = [(name, lang) for name in PLACES for lang in LANGUAGES]
IDS = [f"{lang}:{name}" for name, lang in CASES]

# Every number the figure shows, with whether it is visible.
SHOWN = """
(figure) => {
  const read = (g) => Object.fromEntries(['stepper-v', 'stepper-g'].map((c) => {
    const t = g.querySelector('.' + c);
    return [c, { text: t.textContent, visible: !t.classList.contains('is-hidden') &&
                 getComputedStyle(t).visibility !== 'hidden' }];
  }));
  const nodes = {}, edges = {};
  figure.querySelectorAll('.stepper-node').forEach((g) => { nodes[g.dataset.node] = read(g); });
  figure.querySelectorAll('.stepper-edge').forEach((g) => { edges[g.dataset.edge] = read(g); });
  const current = figure.querySelector('.stepper-node.is-current');
  return {
    nodes, edges, current: current ? current.dataset.node : null,
    text: figure.querySelector('.stepper-text').textContent,
    count: figure.querySelector('.stepper-count').textContent,
  };
}
"""


def open_figure(page, site_url, lang, name):
    prefix = "" if lang == "ko" else "en/"
    page.goto(f"{site_url}{prefix}{PLACES[name]}/", wait_until="load")
    figure = page.locator(f"figure#stepper-{name}.is-interactive")
    figure.wait_for(state="attached")
    return figure


def traced(name, values=None):
    root = EXAMPLES[name].trace(values)
    return {n.id: n for n in root.topological_order()}


def known_after(graph, step):
    """(values known, gradients known, edge gradients known) after ``step``, from the step list."""
    steps = graph["steps"][: step + 1]
    done = any(s["phase"] == "done" for s in steps)
    computed = {s["node"] for s in steps if s["phase"] == "forward"}
    sent_back = {s["node"] for s in steps if s["phase"] in ("backward",)}
    seeded = any(s["phase"] == "seed" for s in steps)
    values = {n["id"] for n in graph["nodes"] if not n["inputs"] or n["id"] in computed}
    edge_grads = {i for i, e in enumerate(graph["edges"]) if e["dst"] in sent_back}
    consumers = {n["id"]: [i for i, e in enumerate(graph["edges"]) if e["src"] == n["id"]] for n in graph["nodes"]}
    grads = set()
    for n in graph["nodes"]:
        if done or (n["id"] == graph["root"] and seeded) or (
                consumers[n["id"]] and all(i in edge_grads for i in consumers[n["id"]])):
            grads.add(n["id"])
    return values, grads, edge_grads


def check_shown(shown, graph, nodes, step, where):
    values, grads, edge_grads = known_after(graph, step)
    problems = []
    for node_id, node in nodes.items():
        v, g = shown["nodes"][node_id]["stepper-v"], shown["nodes"][node_id]["stepper-g"]
        if v["visible"] != (node_id in values):
            problems.append(f"{node_id}: value visible is {v['visible']}")
        if g["visible"] != (node_id in grads):
            problems.append(f"{node_id}: gradient visible is {g['visible']}")
        if v["visible"] and v["text"] != number(node.data):
            problems.append(f"{node_id}: shows value {v['text']}, the tracer gives {node.data!r}")
        if g["visible"] and g["text"] != f"∂ {number(node.grad)}":
            problems.append(f"{node_id}: shows gradient {g['text']}, the tracer gives {node.grad!r}")
    for index, e in enumerate(graph["edges"]):
        label = shown["edges"][str(index)]
        dst = nodes[e["dst"]]
        sent = dst.grad * dst.local[e["slot"]]
        if label["stepper-v"]["visible"] and label["stepper-v"]["text"] != number(nodes[e["src"]].data):
            problems.append(f"edge {e['src']}->{e['dst']}: shows {label['stepper-v']['text']}")
        if label["stepper-g"]["visible"] != (index in edge_grads):
            problems.append(f"edge {e['src']}->{e['dst']}: gradient visible is {label['stepper-g']['visible']}")
        if label["stepper-g"]["visible"] and label["stepper-g"]["text"] != f"∂ {number(sent)}":
            problems.append(f"edge {e['src']}->{e['dst']}: shows {label['stepper-g']['text']}, tracer {sent!r}")
    assert not problems, f"{where}, step {step + 1}:\n" + "\n".join(problems)


def check_text(shown, graph, nodes, step, where):
    """The announced words carry the numbers of the step."""
    s = graph["steps"][step]
    text = shown["text"]
    if s["phase"] == "forward":
        expected = [f"= {number(nodes[s['node']].data)}"]
    elif s["phase"] == "backward":
        node = nodes[s["node"]]
        expected = [f"= {number(node.grad * local)}" for local in node.local]
    elif s["phase"] == "done":
        given = {n["id"] for n in graph["nodes"] if n["given"]}  # targets: no gradient listed
        expected = [f"= {number(nodes[i].grad)}" for i in graph["inputs"] if i not in given]
        expected += [f"= {number(nodes[c['target']].grad)}" for c in graph["checks"]]
        listed = [f"∂/∂{n['label']} =" for n in graph["nodes"] if n["id"] in given]
        assert not [w for w in listed if w in text], f"{where}: a target's gradient is listed in {text!r}"
    else:
        expected = [f"{number(nodes[i].data)}" for i in graph["inputs"]] if s["phase"] == "start" else ["1"]
    missing = [e for e in expected if e not in text]
    assert not missing, f"{where}, step {step + 1}: {missing} not in the announcement {text!r}"
    if s["phase"] in ("forward", "backward", "seed"):
        assert shown["current"] == s["node"], f"{where}, step {step + 1}: {shown['current']} is highlighted"


def step_through(figure, graph, nodes, where):
    """Press Next to the end, checking every step; then ← back to the start."""
    last = len(graph["steps"]) - 1
    for step in range(last + 1):
        shown = figure.evaluate(SHOWN)
        assert shown["count"].replace(" ", "").endswith(f"{step + 1}/{last + 1}"), (where, shown["count"])
        check_shown(shown, graph, nodes, step, where)
        check_text(shown, graph, nodes, step, where)
        if step < last:
            # A real click each time; Playwright's checks that the button can be
            # clicked (visible, still, not covered) once, on the first: they wait
            # two frames per click, and a covered button would not step anyway.
            figure.locator(".stepper-next").click(force=step > 0)
    assert figure.locator(".stepper-next").is_disabled()
    for _ in range(last):  # back with ← (focus is still on the Next button)
        figure.page.keyboard.press("ArrowLeft")
    check_shown(figure.evaluate(SHOWN), graph, nodes, 0, where)
    assert figure.locator(".stepper-previous").is_disabled()


# One edit per example: (input, new value).
EDITS = {
    "square_of_sum": ("y", -4),
    "walnuts": ("price", 150),
    "walnuts_and_pistachios": ("pc", 5),
    "staged_sigmoid": ("x", -2.5),
    "network_121": ("w1", -0.3),
    "softmax_with_loss": ("a1", 3.5),
}


@pytest.mark.parametrize("name, lang", CASES, ids=IDS)
def test_stepping_through_and_editing_show_the_tracers_numbers(page, page_log, site_url, name, lang):
    figure = open_figure(page, site_url, lang, name)
    graph = figure.evaluate("(f) => f.stepper.graph")
    assert graph["language"] == lang and page.locator("html").get_attribute("lang") == lang
    step_through(figure, graph, traced(name), f"{lang}:{name}")

    # Edit one input (the figure is back at the first step).
    input_id, value = EDITS[name]
    field = figure.locator(f'input[data-input="{input_id}"]')
    field.fill(str(value))
    nodes = traced(name, {input_id: value})
    where = f"{lang}:{name} with {input_id} = {value}"
    check_shown(figure.evaluate(SHOWN), graph, nodes, 0, where)
    figure.locator(".stepper-next").focus()
    last = len(graph["steps"]) - 1
    for _ in range(last):
        page.keyboard.press("ArrowRight")
    shown = figure.evaluate(SHOWN)
    check_shown(shown, graph, nodes, last, where)  # the last step shows every number
    check_text(shown, graph, nodes, last, where)
    # A field that is not a number is named, and no number is shown until it is one.
    field.fill("")
    assert figure.locator(".stepper-error").text_content().strip() != ""
    shown = figure.evaluate(SHOWN)
    assert not [i for i, n in shown["nodes"].items() if n["stepper-v"]["visible"] or n["stepper-g"]["visible"]]
    figure.locator(".stepper-reset").click()
    assert figure.locator(".stepper-error").text_content() == ""
    check_shown(figure.evaluate(SHOWN), graph, traced(name), last, f"{lang}:{name} after reset")
    assert not page_log.problems(), "\n".join(page_log.problems())


def random_inputs(name, rng):
    return {i.id: round(rng.uniform(i.low, i.high), 3) if i.editable else i.value for i in EXAMPLES[name].inputs}


def test_the_browser_evaluator_and_number_format_agree_with_the_build(page, site_url):
    open_figure(page, site_url, "en", "walnuts")  # any page with stepper.js
    for name in PLACES:
        rng = random.Random(f"stepper-{name}")
        cases = [EXAMPLES[name].published()] + [random_inputs(name, rng) for _ in range(25)]
        results = page.evaluate(
            "([graph, cases]) => cases.map((c) => window.backpropStepper.evaluate(graph, c))",
            [graph_data(name, "en"), cases])
        for inputs, result in zip(cases, results):
            for node_id, node in traced(name, inputs).items():
                where = f"{name} at {inputs}: {node_id}"
                assert result["value"][node_id] == pytest.approx(node.data, rel=1e-12, abs=1e-14), where
                assert result["grad"][node_id] == pytest.approx(node.grad, rel=1e-10, abs=1e-13), where
    # Operations no published example uses (tanh, relu on both sides of 0), with the rest.
    rng = random.Random(11)
    for _ in range(25):
        a, b = Value(rng.uniform(-2, 2), "a"), Value(rng.uniform(0.1, 2), "b")
        root = ((a * b).tanh() + (a - b).relu() * 3 + (-a).relu() + b.log() / (b ** 1.5 + 1)
                - (a + 0.5).sigmoid().exp()).named("out")
        root.backward()
        order = root.topological_order()
        graph = {"root": root.id, "nodes": [
            {"id": n.id, "label": n.id, "kind": n.kind, "const": n.const, "inputs": [q.id for q in n.inputs],
             "value": n.data} for n in order]}
        result = page.evaluate("([graph, inputs]) => window.backpropStepper.evaluate(graph, inputs)",
                               [graph, {"a": a.data, "b": b.data}])
        for n in order:
            assert result["value"][n.id] == pytest.approx(n.data, rel=1e-12, abs=1e-14), (n.kind, a, b)
            assert result["grad"][n.id] == pytest.approx(n.grad, rel=1e-10, abs=1e-13), (n.kind, a, b)
    rng = random.Random(7)
    values = [0.0, -0.0, 220.00000000000003, 1e-7, -123456.0, 0.0001234, 9999.5, -0.016540]
    values += [rng.uniform(-1, 1) * 10 ** rng.randint(-6, 6) for _ in range(200)]
    written = page.evaluate("(values) => values.map(window.backpropStepper.number)", values)
    assert written == [number(v) for v in values]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_arrows_on_the_buttons_move_the_steps_and_each_step_is_announced(page, site_url, lang):
    figure = open_figure(page, site_url, lang, "walnuts")
    live = figure.locator(".stepper-text")
    assert live.get_attribute("aria-live") == "polite"
    figure.locator(".stepper-next").focus()
    announced = [live.text_content()]
    for _ in range(3):
        page.keyboard.press("ArrowRight")
        announced.append(live.text_content())
    assert figure.evaluate(SHOWN)["count"].replace(" ", "").endswith("4/7")
    assert len(set(announced)) == 4, announced
    multiply = "곱셈 노드" if lang == "ko" else "multiply node"
    assert f"{multiply}: 100 × 2 = 200" in announced[1] and f"{multiply}: 200 × 1.1 = 220" in announced[2]
    page.keyboard.press("ArrowLeft")
    assert live.text_content() == announced[2]
    # Enter on Next steps, and the arrows still work from there.
    page.keyboard.press("Enter")
    assert live.text_content() == announced[3]
    page.keyboard.press("ArrowRight")
    text = live.text_content()
    assert "1 × 1.1 = 1.1" in text and "1 × 200 = 200" in text, text
    # Inside an input field the arrows move the caret, not the steps.
    before = live.text_content()
    figure.locator('input[data-input="price"]').focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    assert live.text_content() == before


def test_without_javascript_the_figure_shows_every_number(new_context, site_url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site_url + "chapters/04-simple-layers/", wait_until="load")
    figure = page.locator("figure#stepper-walnuts")
    shown = figure.locator("svg:visible").text_content()  # the drawing that fits
    for node in traced("walnuts").values():
        assert number(node.data) in shown and f"∂ {number(node.grad)}" in shown
    assert figure.locator(".stepper-next").count() == 0
