"""The pages' graph diagrams, drawn from a real computation with snippets.autograd.Value.

``to_mermaid`` draws a Value's graph in the site's style after ``backward()``,
so a diagram's numbers can be compared with a real computation instead of
being typed by hand (pagemodel.mermaid reads a page's diagram back for that
comparison). ``Value`` itself lives in snippets.autograd; it is importable
from here too, as the diagram code always imported it.
"""

from dataclasses import dataclass

from snippets.autograd import Value

__all__ = ["Edge", "Value", "edges", "to_mermaid"]


@dataclass(frozen=True)
class Edge:
    """One arrow of a diagram: forward carries a node's value, backward the gradient sent along."""

    src: str
    dst: str
    kind: str      # "forward" or "backward"
    value: float   # forward: the source's value; backward: the gradient sent along


def edges(root, output=None, keep=None, hide_grads_of=()):
    """The diagram's edges, forward ones first, after ``root.backward()``.

    ``output`` adds a terminal node (``root -> output`` and back with root.grad).
    ``keep`` (ids) draws only those nodes: a hidden chain between two kept nodes
    becomes one edge whose backward value sums the chain's gradients.
    ``hide_grads_of`` (ids) gets no backward edge, as for an input whose gradient
    nobody needs.
    """
    order = root.topological_order()
    shown = [n for n in order if keep is None or n.id in keep]
    shown_ids = {id(n) for n in shown}

    def reach(node):  # {kept ancestor: d node / d ancestor through hidden nodes}
        through = {}
        for parent, local in zip(node.inputs, node.local):
            if id(parent) in shown_ids:
                through[parent] = through.get(parent, 0.0) + local
            else:
                for ancestor, d in reach(parent).items():
                    through[ancestor] = through.get(ancestor, 0.0) + local * d
        return through

    links = [(node, reach(node)) for node in shown]
    forward = [Edge(a.id, b.id, "forward", a.data) for b, r in links for a in r]
    backward = [Edge(b.id, a.id, "backward", b.grad * d)
                for b, r in reversed(links) for a, d in r.items() if a.id not in hide_grads_of]
    if output is not None:
        forward.append(Edge(root.id, output, "forward", root.data))
        backward.insert(0, Edge(output, root.id, "backward", root.grad))
    return forward + backward


def to_mermaid(root, fmt="g", output=None, output_label=None, keep=None, hide_grads_of=()):
    """A ``flowchart LR`` in the site's style; fmt is a format spec or a function."""
    number = fmt if callable(fmt) else (lambda v: format(v, fmt))
    nodes = {n.id: n for n in root.topological_order()}
    declared, lines = set(), ["flowchart LR"]

    def ref(node_id):
        if node_id in declared:
            return node_id
        declared.add(node_id)
        node = nodes.get(node_id)
        if node is None:
            return f'{node_id}["{output_label or node_id}"]'
        return f'{node_id}(("{node.label}"))' if node.op else f'{node_id}["{node.label}"]'

    all_edges = edges(root, output, keep, hide_grads_of)
    for e in all_edges:
        if e.kind == "forward":
            lines.append(f'    {ref(e.src)} -->|"{number(e.value)}"| {ref(e.dst)}')
        else:  # written from the input it reaches, so mermaid keeps inputs on the left
            lines.append(f'    {ref(e.dst)} -.-|"← {number(e.value)}"| {ref(e.src)}')
    red = [str(i) for i, e in enumerate(all_edges) if e.kind == "backward"]
    if red:
        lines.append(f"    linkStyle {','.join(red)} stroke:red,color:red")
    return "\n".join(lines) + "\n"
