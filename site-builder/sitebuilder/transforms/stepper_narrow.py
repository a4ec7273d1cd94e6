"""The narrow drawing of a step-through graph: inputs at the top, the result at the bottom.

stepper_drawing.layout() puts the steps in columns from left to right; a phone's
column holds two or three of them. Here the columns become rows, so the graph
grows downwards and fits the column's width: an input that joins later (a
weight, the tax factor, a target) gets a row of its own just above the
operation it feeds, half a column to its side, and a row with more boxes than
the width allows is split in two staggered rows.
"""

from sitebuilder.transforms.stepper_drawing import (
    BOX_HEIGHT,
    CAPTION,
    MARGIN,
    TOP,
    box_widths,
    columns,
    first_inputs,
    overlap,
)
from sitebuilder.transforms.stepper_routes import along, route

ROW_PITCH = 156     # box, caption above it, and room for two edge labels between rows
COLUMN_PITCH = 116  # between the centres of neighbouring boxes: room for a label beside a line
MIN_GAP = 30        # between two boxes side by side
LATE_OFFSET = 14    # a late input's box ends this far beside the centre of the box it feeds
LABEL = (40, 20)    # half the width and height of an edge's two labels (as stepper_drawing's)
# The widest drawing that still shows 13 px labels at 11 px or more in a 358 px column.
MAX_WIDTH = 416


def narrow_layout(data):
    """{node id: (x, y, width)}, SVG width, height; rows from the top, inputs first."""
    nodes = {n["id"]: n for n in data["nodes"]}
    column, late = columns(data)
    width_of = box_widths(data)
    consumer = {e["src"]: e for e in reversed(data["edges"])}  # an input's first consumer
    # Rows, top down: an operation (or a first input) in its column's row, a late input just above its consumer's.
    key = {i: 2 * column[i] if i not in late else 2 * column[consumer[i]["dst"]] - 1 for i in nodes}
    centre, row_of = {}, {}
    first = first_inputs(data, late)

    def wanted(node_id):
        placed = [centre[p] for p in nodes[node_id]["inputs"] if p not in late]
        return sum(placed) / len(placed)

    for k in sorted(set(key.values())):
        here = [i for i in nodes if key[i] == k]
        if k == 0:
            desired = {i: first.index(i) * COLUMN_PITCH for i in here}
        elif k % 2:
            desired = {i: wanted(consumer[i]["dst"]) + (width_of[i] / 2 + LATE_OFFSET)
                       * (-1 if consumer[i]["slot"] == 0 else 1) for i in here}
        else:
            desired = {i: wanted(i) for i in here}
        members = sorted(desired, key=desired.get)
        if sum(width_of[i] + MIN_GAP for i in members) - MIN_GAP > MAX_WIDTH - 2 * MARGIN:
            # Too many side by side: every other box moves half a row up, at half the spacing.
            if k == 0:
                desired = {i: n * COLUMN_PITCH / 2 for n, i in enumerate(members)}
            rows = [(k - 0.5, members[0::2]), (k, members[1::2])]
        else:
            rows = [(k, members)]
        for r, row in rows:
            for n, i in enumerate(row):
                before = row[n - 1] if n else None
                least = centre[before] + max(COLUMN_PITCH, (width_of[before] + width_of[i]) / 2 + MIN_GAP) \
                    if before else desired[i]
                centre[i], row_of[i] = max(desired[i], least), r
            # Pushed apart to the right only, the row drifts: centre it where its boxes wanted to be.
            shift = sum(desired[i] - centre[i] for i in row) / len(row)
            centre.update({i: centre[i] + shift for i in row})
    return _placed(nodes, centre, row_of, width_of)


def _placed(nodes, centre, row_of, width_of):
    rows = sorted(set(row_of.values()))
    left = min(centre[i] - width_of[i] / 2 for i in nodes)
    place = {i: (centre[i] - width_of[i] / 2 - left + MARGIN, TOP + rows.index(row_of[i]) * ROW_PITCH, width_of[i])
             for i in nodes}
    width = max(x + w for x, _, w in place.values()) + MARGIN
    height = TOP + (len(rows) - 1) * ROW_PITCH + BOX_HEIGHT + MARGIN
    return place, round(width), round(height)


def narrow_edges(data, place, width, room=(0, None)):
    """Per edge: the points of its line and where its two labels go, as stepper_drawing.edge_geometry.

    An arrow ends above its target's caption. Its labels sit beside the line,
    on the side it comes from where there is room, else on the other, as near
    the target as they cover no box and no other label; short edges are placed first.
    """
    nodes = {n["id"]: n for n in data["nodes"]}
    by_node = {i: (x, y - CAPTION, x + w, y + BOX_HEIGHT) for i, (x, y, w) in place.items()}
    boxes = list(by_node.values())
    lines = []
    for e in data["edges"]:
        sx, sy, sw = place[e["src"]]
        tx, ty, tw = place[e["dst"]]
        k = len(nodes[e["dst"]]["inputs"])
        others = [b for i, b in by_node.items() if i not in (e["src"], e["dst"])]
        lines.append(route((sx + sw / 2, sy + BOX_HEIGHT),
                           (tx + tw / 2 + (e["slot"] - (k - 1) / 2) * 16,
                            ty - (CAPTION if nodes[e["dst"]]["caption"] else 0)), others, flow=1))
    half_w, half_h = LABEL
    labels, out = [], [None] * len(lines)
    for index in sorted(range(len(lines)), key=lambda i: lines[i][-1][1] - lines[i][0][1]):
        points = lines[index]
        y1, (x2, y2) = points[0][1], points[-1]
        candidates = []
        for ly in range(int(y2 - half_h - 2), int(y1 + half_h) - 1, -4):
            at = along(points, ly, flow=1)
            for side in ((1, -1) if points[-2][0] >= x2 - 1 else (-1, 1)):  # first on the side the line comes from
                lx = at + side * (half_w + 6)
                candidates.append((lx, ly, (lx - half_w, ly - half_h, lx + half_w, ly + half_h)))
        low, high = room[0], width if room[1] is None else room[1]
        inside = [c for c in candidates if low <= c[2][0] and c[2][2] <= high]
        free = [c for c in inside if not any(overlap(c[2], b) for b in labels + boxes)]
        lx, ly, box = (free or inside or candidates)[0]
        labels.append(box)
        out[index] = (points, lx, ly)
    return out


def narrow_arrangement(data):
    """What stepper_drawing.svg draws: places, width, height and edge geometry, top to bottom.

    Labels may lie beside the outer boxes, as far as MAX_WIDTH allows; the drawing then widens.
    """
    place, width, height = narrow_layout(data)
    spare = max(0, MAX_WIDTH - width - MARGIN) / 2
    geometry = narrow_edges(data, place, width, (-spare, width + spare))
    left = min([0] + [lx - LABEL[0] - MARGIN / 2 for *_, lx, _ in geometry])
    right = max([width] + [lx + LABEL[0] + MARGIN / 2 for *_, lx, _ in geometry])
    place = {i: (x - left, y, w) for i, (x, y, w) in place.items()}
    geometry = [([(x - left, y) for x, y in points], lx - left, ly) for points, lx, ly in geometry]
    return place, round(right - left), height, geometry
