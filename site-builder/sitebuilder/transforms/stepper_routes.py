"""Edges of a step-through drawing that go around boxes instead of through them.

An edge is drawn straight from its source to its target. One that spans
several columns (or rows, top to bottom) can pass behind a box in between:
the softmax graph's e₂ → y₂ ran through S and 1/S. Such an edge gets a
detour: it leaves its source, runs along a channel just beside the boxes in
its way, and comes back to its target, on the side nearer the straight line
where that side is clear.
"""

PAD = 8  # between a detour and the boxes it passes


def crosses(a, b, box):
    """Whether the segment a-b passes through the rectangle (left, top, right, bottom)."""
    (x1, y1), (x2, y2) = a, b
    start, end = 0.0, 1.0
    for p, q in ((x1 - x2, x1 - box[0]), (x2 - x1, box[2] - x1), (y1 - y2, y1 - box[1]), (y2 - y1, box[3] - y1)):
        if p == 0:
            if q < 0:
                return False
        elif p < 0:
            start = max(start, q / p)
        else:
            end = min(end, q / p)
    return start < end


def crossed(points, boxes):
    """The boxes a polyline passes through."""
    return [b for b in boxes if any(crosses(p, q, b) for p, q in zip(points, points[1:]))]


def route(start, end, boxes, flow):
    """The points of an edge from start to end avoiding ``boxes`` (not its own two);
    ``flow`` is the axis the graph grows along: 0 across, 1 top to bottom."""
    hit = crossed([start, end], boxes)
    if not hit:
        return [start, end]
    side = 1 - flow

    def point(along, beside):
        return (along, beside) if flow == 0 else (beside, along)

    first = min(b[flow] for b in hit) - PAD
    last = max(b[flow + 2] for b in hit) + PAD
    straight = (start[side] + end[side]) / 2
    routes = [[start, point(first, channel), point(last, channel), end]
              for channel in (min(b[side] for b in hit) - PAD, max(b[side + 2] for b in hit) + PAD)]
    routes.sort(key=lambda r: abs(r[1][side] - straight))
    return next((r for r in routes if not crossed(r, boxes)), routes[0])


def along(points, at, flow):
    """The polyline's coordinate across ``flow`` where its coordinate along ``flow`` is ``at``."""
    side = 1 - flow
    for p, q in zip(points, points[1:]):
        if min(p[flow], q[flow]) <= at <= max(p[flow], q[flow]) and p[flow] != q[flow]:
            return p[side] + (q[side] - p[side]) * (at - p[flow]) / (q[flow] - p[flow])
    return points[-1][side]
