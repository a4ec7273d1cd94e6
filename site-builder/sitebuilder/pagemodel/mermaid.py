"""The one reading of the site's mermaid flowcharts.

A diagram is read into its structure: statements (``flowchart LR``,
``linkStyle``, ``style``, ``class``, ``subgraph``/``end``), node ids with
their shapes, and edges with arrow style and label. Node *text* is left out:
it is the part a translation may change. The language parity check compares
two diagrams with it, and the diagram check compares a page's edges with a
traced computation (forward ``-->`` and backward ``-.->`` edges).
"""

import re
from dataclasses import dataclass, field

NODE_ID = re.compile(r"[A-Za-z0-9_]+")
# Opening bracket of a node shape -> its closing bracket, longest first.
SHAPES = [
    ("(((", ")))"), ("([", "])"), ("[[", "]]"), ("[(", ")]"), ("((", "))"), ("{{", "}}"),
    ("[/", "/]"), ("[\\", "\\]"), ("[/", "\\]"), ("[\\", "/]"),
    ("[", "]"), ("(", ")"), ("{", "}"), (">", "]"),
]
# An edge: optional text form "-- text -->" / "-. text .->" / "== text ==>",
# then the arrow, then an optional |label|.
ARROW = re.compile(
    r"\s*(?:(?P<pre>--|-\.|==)\s+(?P<text>[^|>\-=.][^>]*?)\s+)?"
    r"(?P<arrow><?(?:-{2,}|-\.+-|\.+-|={2,}|~{3,})[>xo]?)"
    r"(?:\s*\|(?P<label>[^|]*)\|)?\s*"
)
STATEMENT = re.compile(r"^\s*(flowchart|graph|linkStyle|style|classDef|class|click|direction)\b(.*)$")
LINK_STYLE = re.compile(r"^\s*([\d,\s]+?)\s+(.*)$")


@dataclass(frozen=True)
class Item:
    """One comparable thing of a diagram, with the page line it came from."""

    key: object
    line: int
    shown: str  # how to print it in a message


@dataclass(frozen=True)
class Edge:
    source: str
    arrow: str  # as written: "-->", "-.->", "==>", ...
    label: str | None
    target: str
    line: int

    @property
    def kind(self):
        """The site's convention: solid arrows carry values forward, dotted
        lines carry gradients back."""
        return "backward" if "." in self.arrow else "forward"

    @property
    def flow(self):
        """(from, to) of what the edge carries.

        A gradient is best drawn as an open dotted line written from the input
        it reaches, labelled with a leading arrow: ``x -.-|"← 6.5"| mul``.
        mermaid ranks nodes by the written direction of every edge, so an
        arrow written ``mul -.-> x`` may put the input x to the right of its
        operator; written from x, every input stays on the left. An arrowed
        dotted edge (``L -.-> y``) carries from its source as written.
        """
        if self.kind == "backward" and not self.arrow.endswith(">"):
            return self.target, self.source
        return self.source, self.target

    @property
    def value(self):
        """The label without the leading ← of an open gradient line."""
        if self.label is not None and self.kind == "backward" and not self.arrow.endswith(">"):
            return self.label.removeprefix("←").strip()
        return self.label


@dataclass
class Diagram:
    statements: list = field(default_factory=list)  # Items
    nodes: list = field(default_factory=list)  # Items: first appearance of each node id, with its shape
    edges: list = field(default_factory=list)  # Edges, in the order mermaid numbers them

    @property
    def edge_items(self):
        return [
            Item((e.source, e.arrow, e.label, e.target), e.line,
                 f"{e.source} {e.arrow}" + (f'|"{e.label}"|' if e.label is not None else "") + f" {e.target}")
            for e in self.edges
        ]

    @property
    def node_ids(self):
        return {n.key[0] for n in self.nodes}

    def link_styles(self):
        """{edge index: style} from the linkStyle lines."""
        styles = {}
        for statement in self.statements:
            if statement.key[0] == "linkStyle":
                match = LINK_STYLE.match(statement.key[1])
                if match:
                    for index in match.group(1).split(","):
                        if index.strip():
                            styles[int(index)] = match.group(2).strip()
        return styles

    def link_style_problems(self):
        """Why the red linkStyle does not list exactly the backward edges ([] if it does)."""
        backward = {i for i, e in enumerate(self.edges) if e.kind == "backward"}
        red = {i for i, style in self.link_styles().items() if "stroke:red" in style.replace(" ", "")}
        problems = [f"backward edge {i} {self.edges[i].source} {self.edges[i].arrow} {self.edges[i].target} is not red"
                    for i in sorted(backward - red)]
        problems += [
            f"linkStyle makes edge {i} red, but it is not a backward edge"
            + (f" ({self.edges[i].source} --> {self.edges[i].target})" if i < len(self.edges) else " (no such edge)")
            for i in sorted(red - backward)
        ]
        return problems


def _read_shape(line, pos):
    """If a node shape starts at pos, return (shape name, end position)."""
    for opening, closing in SHAPES:
        if line.startswith(opening, pos):
            i, quoted = pos + len(opening), False
            while i < len(line):
                if line[i] == '"':
                    quoted = not quoted
                elif not quoted and line.startswith(closing, i):
                    return opening + closing, i + len(closing)
                i += 1
            raise ValueError(f"unclosed node shape {opening!r}")
    return None, pos


def _read_node(line, pos):
    match = NODE_ID.match(line, pos)
    if not match:
        raise ValueError(f"expected a node id at column {pos + 1}")
    shape, end = _read_shape(line, match.end())
    if line.startswith(":::", end):
        cls = NODE_ID.match(line, end + 3)
        end = cls.end() if cls else end + 3
    return match.group(), shape, end


def _read_group(line, pos):
    """``A`` or ``A & B["..."]``: a list of (id, shape)."""
    nodes = []
    while True:
        pos = len(line) - len(line[pos:].lstrip())
        node_id, shape, pos = _read_node(line, pos)
        nodes.append((node_id, shape))
        if line[pos:].lstrip().startswith("&"):
            pos = line.index("&", pos) + 1
            continue
        return nodes, pos


def _label(text):
    return None if text is None else text.strip().strip('"').strip()


def parse_mermaid(content, first_line=0):
    """The structure of one mermaid fence; line numbers count from first_line
    (the opening fence), so the first line of content is first_line + 1."""
    diagram = Diagram()
    shapes, order = {}, []

    def seen(node_id, shape, line):
        if node_id not in shapes:
            order.append((node_id, line))
            shapes[node_id] = None
        if shape:
            shapes[node_id] = shape

    for offset, raw in enumerate(content.split("\n"), start=1):
        line_number = first_line + offset
        line = raw.split("%%", 1)[0].rstrip().rstrip(";")
        if not line.strip():
            continue
        statement = STATEMENT.match(line)
        if statement:
            key = (statement.group(1), " ".join(statement.group(2).split()))
            diagram.statements.append(Item(key, line_number, line.strip()))
            continue
        if re.match(r"^\s*subgraph\b", line):
            sub = re.match(r"^\s*subgraph\s+([A-Za-z0-9_]+)", line)
            diagram.statements.append(Item(("subgraph", sub.group(1) if sub else ""), line_number, line.strip()))
            continue
        if line.strip() == "end":
            diagram.statements.append(Item(("end",), line_number, "end"))
            continue
        try:
            sources, pos = _read_group(line, 0)
            for node_id, shape in sources:
                seen(node_id, shape, line_number)
            while pos < len(line):
                arrow = ARROW.match(line, pos)
                if not arrow or not arrow.group("arrow"):
                    raise ValueError(f"cannot read {line[pos:]!r}")
                label = _label(arrow.group("label") if arrow.group("label") is not None else arrow.group("text"))
                style = (arrow.group("pre") or "") + arrow.group("arrow")
                targets, pos = _read_group(line, arrow.end())
                for node_id, shape in targets:
                    seen(node_id, shape, line_number)
                for s, _ in sources:
                    for t, _ in targets:
                        diagram.edges.append(Edge(s, style, label, t, line_number))
                sources = targets
        except ValueError as error:
            diagram.statements.append(
                Item(("unreadable", line.strip()), line_number, f"{line.strip()} ({error})")
            )
    diagram.nodes = [Item((n, shapes[n]), line, f"{n} {shapes[n] or ''}".strip()) for n, line in order]
    return diagram
