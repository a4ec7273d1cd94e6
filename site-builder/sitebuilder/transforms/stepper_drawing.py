"""The static drawing of a step-through graph: an SVG readable without JavaScript.

Every node shows its forward value and gradient, every edge the value sent
forward above it and the gradient sent back below it; inputs on the left.
"""

import html

from sitebuilder.transforms.stepper_data import number
from sitebuilder.transforms.stepper_routes import along, route

# -- layout ---------------------------------------------------------------------
BOX_HEIGHT = 58
ROW_PITCH = 96
GAP = 92          # between columns: room for the edge labels
MARGIN = 12
TOP = 24          # room for a caption above the first row
CAPTION = 16      # a caption's height above its box


def _text_width(text):
    """Estimated width at 13px: Hangul is about twice as wide as Latin."""
    return sum(13 if ord(ch) > 0x1100 else 7.5 for ch in text)


def columns(data):
    """{node id: column} counted from the inputs, and the inputs that join later (not in column 0)."""
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
    return column, {i for i, n in nodes.items() if not n["inputs"] and column[i] > 0}


def box_widths(data):
    """Each box fits its label, its caption and a long number."""
    return {n["id"]: max(84, _text_width(max(
        [n["label"], "−0.00000", n["caption"] or ""], key=_text_width)) + 18) for n in data["nodes"]}


def first_inputs(data, late):
    """The inputs of the first column, in the order a depth-first walk from the output meets them."""
    nodes = {n["id"]: n for n in data["nodes"]}
    found, seen, walk = [], set(), [data["root"]]
    while walk:
        node_id = walk.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        if not nodes[node_id]["inputs"] and node_id not in late:
            found.append(node_id)
        walk.extend(reversed(nodes[node_id]["inputs"]))
    return found


def layout(data):
    """{node id: (x, y, width)}, SVG width, height. Columns by depth, inputs to the left."""
    nodes = {n["id"]: n for n in data["nodes"]}
    column, late = columns(data)
    # Rows, one column at a time from the left: the first inputs in the order
    # a depth-first walk from the output meets them, every operation at the
    # mean row of its inputs, an input that joins later (a weight, the tax
    # factor, a target) just above or below the operation it feeds; then the
    # column's boxes are pushed apart in that order.
    row = {i: float(k) for k, i in enumerate(first_inputs(data, late))}

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
    width_of = box_widths(data)
    order = sorted(set(column.values()))
    column_width = {c: max(width_of[i] for i in nodes if column[i] == c) for c in order}
    left, x = {}, MARGIN
    for c in order:
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
    """Per edge: the points of its line (stepper_routes: around any box in its way)
    and where its two labels go.

    A label sits in the gap before the target unless it would cover another
    label or a box there; then it slides back along its line. Short edges are
    placed first, since they have the least room to move.
    """
    inputs_of = {n["id"]: len(n["inputs"]) for n in data["nodes"]}
    boxes = {i: (x, y - CAPTION, x + w, y + BOX_HEIGHT) for i, (x, y, w) in place.items()}  # with captions
    lines = []
    for e in data["edges"]:
        sx, sy, sw = place[e["src"]]
        tx, ty, _ = place[e["dst"]]
        k = inputs_of[e["dst"]]
        others = [b for i, b in boxes.items() if i not in (e["src"], e["dst"])]
        lines.append(route((sx + sw, sy + BOX_HEIGHT / 2),
                           (tx, ty + BOX_HEIGHT / 2 + (e["slot"] - (k - 1) / 2) * 16), others, flow=0))
    labels, out = [], [None] * len(lines)
    for index in sorted(range(len(lines)), key=lambda i: lines[i][-1][0] - lines[i][0][0]):
        points = lines[index]
        (x1, _), (x2, _) = points[0], points[-1]

        def at(lx, points=points):  # this line's points, bound now
            ly = along(points, lx, flow=0)
            return lx, ly, (lx - 40, ly - 20, lx + 40, ly + 20)

        candidates = [at(x2 - GAP / 2 - step) for step in range(0, int(x2 - x1 - GAP / 2), 23)]
        free = [c for c in candidates if not any(overlap(c[2], b) for b in labels + list(boxes.values()))]
        lx, ly, box = (free or candidates or [at((x1 + x2) / 2)])[0]
        labels.append(box)
        out[index] = (points, lx, ly)
    return out


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def wide_arrangement(data):
    """Places, width, height and edge geometry of the drawing across (inputs on the left)."""
    place, width, height = layout(data)
    return place, width, height, edge_geometry(data, place)


def svg(data, arrangement=wide_arrangement, kind="wide", head=""):
    """The drawing; ``kind`` names it (class and ids), as two drawings of one graph share a page;
    ``head`` goes first inside it."""
    place, width, height, geometry = arrangement(data)
    uid = f"stepper-{data['name']}" + ("" if kind == "wide" else f"-{kind}")
    esc = html.escape
    parts = [
        f'<svg class="stepper-graph stepper-{kind}" xmlns="http://www.w3.org/2000/svg" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{uid}-desc">',
        f'<desc id="{uid}-desc">{esc(describe(data))}</desc>{head}',
        f'<defs><marker id="{uid}-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="8" markerHeight="8" '
        'markerUnits="userSpaceOnUse" '
        'orient="auto-start-reverse"><path class="stepper-arrow" d="M0,0 L8,4 L0,8 z"/></marker></defs>',
        '<g class="stepper-edges">',
    ]
    values = {n["id"]: n for n in data["nodes"]}
    for index, (e, (points, lx, ly)) in enumerate(zip(data["edges"], geometry)):
        src, dst = values[e["src"]], values[e["dst"]]
        local = dst["local"][e["slot"]]
        parts.append(
            f'<g class="stepper-edge" data-edge="{index}" data-src="{e["src"]}" data-dst="{e["dst"]}">'
            f'<polyline points="{drawn(points, kind)}" marker-end="url(#{uid}-arrow)"/>'
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


def drawn(points, kind):
    """A polyline's points attribute; its end a pixel short of the box (behind the arrowhead's tip)."""
    *rest, (x, y) = points
    end = (x - 1, y) if kind == "wide" else (x, y - 1)
    return " ".join(f"{px:.1f},{py:.1f}" for px, py in [*rest, end])


def describe(data):
    """The figure in one sentence, for screen readers and the no-JavaScript page.

    stepper-words.js's summary() rewrites it from the same words when an input is edited.
    """
    nodes = {n["id"]: n for n in data["nodes"]}
    root = nodes[data["root"]]
    words = data["words"]
    leaves = [nodes[i] for i in data["inputs"]]
    inputs = ", ".join(f"{n['label']} = {number(n['value'])}" for n in leaves)
    grads = ", ".join(f"∂/∂{n['label']} = {number(n['grad'])}" for n in leaves if not n["given"])
    result = f"{root['caption'] or root['label']} = {number(root['value'])}"
    return words["summary"].format(title=words["title"], inputs=inputs, result=result, grads=grads)
