"""A step-through example as the data stepper.js reads: traced by snippets.tracer.

Nodes in topological order, edges, the order of steps, and the words of each
local rule (stepper_words.py); tests/test_stepper.py checks it against the tracer.
"""

from sitebuilder.transforms.step_examples import EXAMPLES
from sitebuilder.transforms.stepper_words import BACKWARD, FORWARD, NAMES, WORDS


def number(value):
    """4 significant digits, as stepper.js's number() writes them (−, not -)."""
    text = f"{value:.4g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}"
    if text in ("-0", "0"):
        return "0"
    return text.replace("-", "−")


# -- the graph as data ----------------------------------------------------------
def _label(node, language, inputs):
    if node.id in inputs:
        return inputs[node.id].label[language]
    return node.op


def graph_data(name, language, values=None):
    """Everything stepper.js needs, traced by snippets.tracer."""
    example = EXAMPLES[name]
    inputs = {i.id: i for i in example.inputs}
    root = example.trace(values)
    order = root.topological_order()
    ids = [n.id for n in order]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{name}: two nodes share an id")
    nodes = []
    for n in order:
        caption = example.captions.get(n.id)
        nodes.append({
            "id": n.id,
            "label": _label(n, language, inputs),
            "caption": caption[language] if caption else None,
            "kind": n.kind,
            "const": n.const,
            "inputs": [p.id for p in n.inputs],
            "value": n.data,
            "grad": n.grad,
            "local": list(n.local),  # d node / d inputs[k], as the tracer recorded them
            "editable": n.id in inputs and inputs[n.id].editable,
            "given": n.id in inputs and inputs[n.id].given,
        })
    edges = [{"src": p.id, "dst": n.id, "slot": k} for n in order for k, p in enumerate(n.inputs)]
    operations = [n.id for n in order if n.op is not None]
    steps = (
        [{"phase": "start"}]
        + [{"phase": "forward", "node": i} for i in operations]
        + [{"phase": "seed", "node": root.id}]
        + [{"phase": "backward", "node": i} for i in reversed(operations)]
        + [{"phase": "done"}]
    )
    return {
        "name": name,
        "language": language,
        "root": root.id,
        "inputs": [i.id for i in example.inputs],  # the order readers meet them in
        "nodes": nodes,
        "edges": edges,
        "steps": steps,
        "checks": [vars(c) for c in example.checks],
        "words": WORDS[language],
        "names": NAMES[language],
        "forward": FORWARD,
        "backward": BACKWARD[language],
    }
