"""Step-through computational graphs: a page's ``<!-- stepper: NAME -->`` becomes a figure.

For the example NAME of site-builder/sitebuilder/transforms/step_examples.py this hook traces the graph with
snippets.tracer at build time and writes, in the page's language:

* an SVG with every node's forward value and gradient and every connection
  labelled with both (inputs on the left); readable without JavaScript;
* the graph as JSON (nodes in topological order, edges, the order of steps and
  the wording of each local rule), from which docs/assets/javascripts/stepper.js
  adds Previous/Next, recomputes everything when the reader edits an input,
  and announces each step.

tests/test_stepper.py checks the data against the tracer, and
tests/browser/test_stepper.py checks what the browser shows against it.
"""

import html
import json
import re

from sitebuilder.pagemodel.site import language_of
from sitebuilder.transforms.step_examples import EXAMPLES

try:  # MkDocs is present when the site is built; the tests only need the functions.
    from mkdocs.exceptions import PluginError
except ImportError:  # pragma: no cover
    PluginError = RuntimeError

MARKER = re.compile(r"<!--\s*stepper:\s*([\w-]+)\s*-->")

# -- words --------------------------------------------------------------------
# Placeholders: {a} {b} inputs, {c} the folded constant, {y} the output (all
# written as operands, negatives in parentheses), {out} the output as a result;
# backward: {g} the node's gradient, {other} the other input, {r} the result.
NAMES = {
    "ko": {"add": "덧셈 노드", "sub": "뺄셈 노드", "mul": "곱셈 노드", "neg": "×(−1) 노드", "exp": "exp 노드",
           "log": "log 노드", "reciprocal": "1/x 노드", "sigmoid": "시그모이드 노드", "tanh": "tanh 노드",
           "relu": "ReLU 노드", "add_const": "{op} 노드", "mul_const": "{op} 노드", "pow": "{op} 노드"},
    "en": {"add": "add node", "sub": "subtract node", "mul": "multiply node", "neg": "×(−1) node",
           "exp": "exp node", "log": "log node", "reciprocal": "1/x node", "sigmoid": "sigmoid node",
           "tanh": "tanh node", "relu": "ReLU node", "add_const": "{op} node", "mul_const": "{op} node",
           "pow": "{op} node"},
}
FORWARD = {
    "add": "{a} + {b} = {out}", "sub": "{a} − {b} = {out}", "mul": "{a} × {b} = {out}",
    "neg": "−{a} = {out}", "exp": "exp({a}) = {out}", "log": "log({a}) = {out}",
    "reciprocal": "1 / {a} = {out}", "sigmoid": "σ({a}) = {out}", "tanh": "tanh({a}) = {out}",
    "relu": "max(0, {a}) = {out}", "add_const": "{a} + {c} = {out}", "mul_const": "{a} × {c} = {out}",
    "pow": "{a}^{c} = {out}",
}
# One rule per input position (the last one repeats).
BACKWARD = {
    "ko": {
        "add": ["기울기를 그대로 전달 = {r}"],
        "add_const": ["기울기를 그대로 전달 = {r}"],
        "sub": ["기울기를 그대로 전달 = {r}", "기울기 × (−1) = {g} × (−1) = {r}"],
        "mul": ["기울기 × 다른 입력 = {g} × {other} = {r}"],
        "mul_const": ["기울기 × 상수 = {g} × {c} = {r}"],
        "neg": ["기울기 × (−1) = {g} × (−1) = {r}"],
        "exp": ["기울기 × 출력 exp(x) = {g} × {y} = {r}"],
        "log": ["기울기 × 1/x = {g} × 1/{a} = {r}"],
        "reciprocal": ["기울기 × (−1/x²) = {g} × (−1/{a}²) = {r}"],
        "sigmoid": ["기울기 × y(1 − y) = {g} × {y} × (1 − {y}) = {r}"],
        "tanh": ["기울기 × (1 − y²) = {g} × (1 − {y}²) = {r}"],
        "relu": ["기울기 × (x > 0이면 1, 아니면 0) = {g} × {local} = {r}"],
        "pow": ["기울기 × n·xⁿ⁻¹ = {g} × {c} × {a}^({c} − 1) = {r}"],
    },
    "en": {
        "add": ["passes the gradient on unchanged = {r}"],
        "add_const": ["passes the gradient on unchanged = {r}"],
        "sub": ["passes the gradient on unchanged = {r}", "gradient × (−1) = {g} × (−1) = {r}"],
        "mul": ["gradient × the other input = {g} × {other} = {r}"],
        "mul_const": ["gradient × the constant = {g} × {c} = {r}"],
        "neg": ["gradient × (−1) = {g} × (−1) = {r}"],
        "exp": ["gradient × the output exp(x) = {g} × {y} = {r}"],
        "log": ["gradient × 1/x = {g} × 1/{a} = {r}"],
        "reciprocal": ["gradient × (−1/x²) = {g} × (−1/{a}²) = {r}"],
        "sigmoid": ["gradient × y(1 − y) = {g} × {y} × (1 − {y}) = {r}"],
        "tanh": ["gradient × (1 − y²) = {g} × (1 − {y}²) = {r}"],
        "relu": ["gradient × (1 if x > 0, else 0) = {g} × {local} = {r}"],
        "pow": ["gradient × n·xⁿ⁻¹ = {g} × {c} × {a}^({c} − 1) = {r}"],
    },
}
WORDS = {
    "ko": {
        "title": "한 단계씩 보는 계산 그래프",
        "legend": "∂가 없는 숫자는 순전파 값, 빨간 ∂ 숫자는 그 값에 대한 출력의 기울기입니다. "
                  "에지 위쪽에는 앞으로 전달되는 값이, 아래쪽에는 거꾸로 전달되는 기울기가 적혀 있습니다.",
        "scroll": "계산 그래프 (가로로 스크롤할 수 있습니다)",
        "previous": "이전", "next": "다음", "step": "단계 {i} / {n}",
        "inputs": "입력값 바꾸기", "reset": "원래 값으로",
        "invalid": "{label}: 수를 입력하십시오.",
        "failed": "이 입력으로는 계산할 수 없습니다: {reason}",
        "start": "입력값: {inputs}. 다음을 누르면 순전파가 왼쪽부터 시작합니다.",
        "forward": "순전파 {k}/{n}. ",
        "seed": "역전파 시작: 출력 {root}의 자기 자신에 대한 기울기는 1입니다.",
        "backward": "역전파 {k}/{n}. ",
        "to": "→ {label}: ",
        "done": "끝. 입력에 대한 기울기: {grads}.",
        "help": "이전/다음 버튼으로(키보드에서는 ←/→ 키로) 한 단계씩 움직입니다.",
    },
    "en": {
        "title": "A computational graph, one step at a time",
        "legend": "Plain numbers are forward values; red ∂ numbers are the gradient of the output with "
                  "respect to that value. Each edge shows the value sent forward above it and the gradient "
                  "sent back below it.",
        "scroll": "Computational graph (scrolls sideways)",
        "previous": "Previous", "next": "Next", "step": "Step {i} / {n}",
        "inputs": "Change the inputs", "reset": "Reset",
        "invalid": "{label}: enter a number.",
        "failed": "These inputs cannot be computed: {reason}",
        "start": "Inputs: {inputs}. Press Next to start the forward pass on the left.",
        "forward": "Forward {k}/{n}. ",
        "seed": "Backward pass starts: the gradient of the output {root} with respect to itself is 1.",
        "backward": "Backward {k}/{n}. ",
        "to": "→ {label}: ",
        "done": "Done. Gradients of the inputs: {grads}.",
        "help": "Move one step at a time with the Previous/Next buttons (on a keyboard, the ←/→ keys).",
    },
}

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


# -- layout ---------------------------------------------------------------------
BOX_HEIGHT = 58
ROW_PITCH = 96
GAP = 92          # between columns: room for the edge labels
MARGIN = 12
TOP = 24          # room for a caption above the first row


def _text_width(text):
    """Estimated width at 13px: Hangul is about twice as wide as Latin."""
    return sum(13 if ord(ch) > 0x1100 else 7.5 for ch in text)


def layout(data):
    """{node id: (x, y, width)}, SVG width, height. Columns by depth, inputs to the left."""
    nodes = {n["id"]: n for n in data["nodes"]}
    consumers = {i: [] for i in nodes}
    for e in data["edges"]:
        consumers[e["src"]].append(e["dst"])
    column = {}
    for n in data["nodes"]:  # topological order: inputs first
        column[n["id"]] = 1 + max((column[p] for p in n["inputs"]), default=-1)
    for n in data["nodes"]:  # an input sits just left of its first consumer
        if not n["inputs"] and consumers[n["id"]]:
            column[n["id"]] = min(column[c] for c in consumers[n["id"]]) - 1
    # Rows, one column at a time from the left: the first inputs in the order
    # a depth-first walk from the output meets them, every operation at the
    # mean row of its inputs, an input that joins later (a weight, the tax
    # factor, a target) just above or below the operation it feeds; then the
    # column's boxes are pushed apart in that order.
    late = {i for i, n in nodes.items() if not n["inputs"] and column[i] > 0}
    first_inputs, seen, walk = [], set(), [data["root"]]
    while walk:
        node_id = walk.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        if not nodes[node_id]["inputs"] and node_id not in late:
            first_inputs.append(node_id)
        walk.extend(reversed(nodes[node_id]["inputs"]))
    row = {i: float(k) for k, i in enumerate(first_inputs)}

    def wanted(node_id):
        placed = [row[p] for p in nodes[node_id]["inputs"] if p not in late]
        return sum(placed) / len(placed)

    for c in sorted(set(column.values()) - {0}):
        here = [i for i in nodes if column[i] == c]
        desired = {i: wanted(i) for i in here if i not in late}
        row.update(desired)  # provisional: a late input's operation may read them
        for i in here:
            if i in late:
                e = next(e for e in data["edges"] if e["src"] == i)
                desired[i] = wanted(e["dst"]) + (-0.5 if e["slot"] == 0 else 0.5)
        members = sorted(desired, key=desired.get)
        for k, i in enumerate(members):
            row[i] = desired[i] if k == 0 else max(desired[i], row[members[k - 1]] + 1)
    top_row = min(row.values())
    width_of = {i: max(84, _text_width(max(
        [nodes[i]["label"], "−0.00000", nodes[i]["caption"] or ""], key=_text_width)) + 18) for i in nodes}
    columns = sorted(set(column.values()))
    column_width = {c: max(width_of[i] for i in nodes if column[i] == c) for c in columns}
    left, x = {}, MARGIN
    for c in columns:
        left[c] = x
        x += column_width[c] + GAP
    place = {}
    for i in nodes:
        c = column[i]
        place[i] = (left[c] + (column_width[c] - width_of[i]) / 2,
                    TOP + (row[i] - top_row) * ROW_PITCH, width_of[i])
    width = x - GAP + MARGIN
    height = TOP + (max(row.values()) - top_row) * ROW_PITCH + BOX_HEIGHT + MARGIN
    return place, round(width), round(height)


# -- the static figure ----------------------------------------------------------
def edge_geometry(data, place):
    """Per edge: the line's end points and where its two labels go.

    A label sits in the gap before the target unless it would cover another
    label or a box there; then it slides back along its line. Short edges are
    placed first, since they have the least room to move.
    """
    inputs_of = {n["id"]: len(n["inputs"]) for n in data["nodes"]}
    boxes = [(x, y - 16, x + w, y + BOX_HEIGHT) for x, y, w in place.values()]  # with captions
    lines = []
    for e in data["edges"]:
        sx, sy, sw = place[e["src"]]
        tx, ty, _ = place[e["dst"]]
        k = inputs_of[e["dst"]]
        lines.append((sx + sw, sy + BOX_HEIGHT / 2, tx, ty + BOX_HEIGHT / 2 + (e["slot"] - (k - 1) / 2) * 16))
    labels, out = [], [None] * len(lines)
    for index in sorted(range(len(lines)), key=lambda i: lines[i][2] - lines[i][0]):
        x1, y1, x2, y2 = lines[index]

        def at(lx, x1=x1, y1=y1, x2=x2, y2=y2):  # this line's ends, bound now
            ly = y1 + (y2 - y1) * (lx - x1) / (x2 - x1) if x2 != x1 else y2
            return lx, ly, (lx - 40, ly - 20, lx + 40, ly + 20)

        candidates = [at(x2 - GAP / 2 - step) for step in range(0, int(x2 - x1 - GAP / 2), 23)]
        free = [c for c in candidates if not any(overlap(c[2], b) for b in labels + boxes)]
        lx, ly, box = (free or candidates or [at((x1 + x2) / 2)])[0]
        labels.append(box)
        out[index] = (x1, y1, x2, y2, lx, ly)
    return out


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def svg(data):
    place, width, height = layout(data)
    uid = f"stepper-{data['name']}"
    esc = html.escape
    parts = [
        f'<svg class="stepper-graph" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{uid}-desc">',
        f'<desc id="{uid}-desc">{esc(describe(data))}</desc>',
        f'<defs><marker id="{uid}-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="8" markerHeight="8" '
        'markerUnits="userSpaceOnUse" '
        'orient="auto-start-reverse"><path class="stepper-arrow" d="M0,0 L8,4 L0,8 z"/></marker></defs>',
        '<g class="stepper-edges">',
    ]
    values = {n["id"]: n for n in data["nodes"]}
    for index, (e, (x1, y1, x2, y2, lx, ly)) in enumerate(zip(data["edges"], edge_geometry(data, place))):
        src, dst = values[e["src"]], values[e["dst"]]
        local = dst["local"][e["slot"]]
        parts.append(
            f'<g class="stepper-edge" data-edge="{index}" data-src="{e["src"]}" data-dst="{e["dst"]}">'
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2 - 1:.1f}" y2="{y2:.1f}" marker-end="url(#{uid}-arrow)"/>'
            f'<text class="stepper-v" x="{lx:.1f}" y="{ly - 6:.1f}">{number(src["value"])}</text>'
            f'<text class="stepper-g" x="{lx:.1f}" y="{ly + 16:.1f}">∂ {number(dst["grad"] * local)}</text>'
            "</g>"
        )
    parts.append('</g><g class="stepper-nodes">')
    for n in data["nodes"]:
        x, y, w = place[n["id"]]
        cx = x + w / 2
        kind = "stepper-input" if not n["inputs"] else "stepper-op"
        parts.append(
            f'<g class="stepper-node {kind}" data-node="{esc(n["id"])}">'
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{BOX_HEIGHT}" rx="{8 if n["inputs"] else 3}"/>'
            + (f'<text class="stepper-caption" x="{cx:.1f}" y="{y - 6:.1f}">{esc(n["caption"])}</text>'
               if n["caption"] else "")
            + f'<text class="stepper-label" x="{cx:.1f}" y="{y + 17:.1f}">{esc(n["label"])}</text>'
            f'<text class="stepper-v" x="{cx:.1f}" y="{y + 34:.1f}">{number(n["value"])}</text>'
            f'<text class="stepper-g" x="{cx:.1f}" y="{y + 51:.1f}">∂ {number(n["grad"])}</text>'
            "</g>"
        )
    parts.append("</g></svg>")
    return "".join(parts)


def describe(data):
    """The figure in one sentence, for screen readers and the no-JavaScript page."""
    nodes = {n["id"]: n for n in data["nodes"]}
    root = nodes[data["root"]]
    words = data["words"]
    leaves = [nodes[i] for i in data["inputs"]]
    inputs = ", ".join(f"{n['label']} = {number(n['value'])}" for n in leaves)
    grads = ", ".join(f"∂/∂{n['label']} = {number(n['grad'])}" for n in leaves if not n["given"])
    result = f"{root['caption'] or root['label']} = {number(root['value'])}"
    return f"{words['title']}: {inputs}; {result}; {grads}."


def figure(name, language):
    if name not in EXAMPLES:
        raise KeyError(f"no step-through example named {name!r} (known: {', '.join(sorted(EXAMPLES))})")
    data = graph_data(name, language)
    words = data["words"]
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    nodes = {n["id"]: n for n in data["nodes"]}
    # Named after its inputs: two figures on one page need two different region names.
    region = f'{words["scroll"]}: {", ".join(nodes[i]["label"] for i in data["inputs"])}'
    return (
        f'<figure class="stepper" id="stepper-{name}" data-stepper="{name}">'
        f'<p class="stepper-legend">{html.escape(words["legend"])}</p>'
        f'<div class="stepper-scroll" tabindex="0" role="region" aria-label="{html.escape(region)}">'
        f"{svg(data)}</div>"
        f'<script type="application/json" class="stepper-data">{payload}</script>'
        "</figure>"
    )


# -- MkDocs hook ----------------------------------------------------------------
def step_through_figures(html_text, page, build):
    """Each ``<!-- stepper: NAME -->`` marker becomes its figure, in the page's language."""
    language = language_of(page.file.src_uri)

    def replace(match):
        try:
            return figure(match.group(1), language)
        except KeyError as error:
            raise PluginError(f"docs/{page.file.src_uri}: {error.args[0]}") from None

    return MARKER.sub(replace, html_text)
