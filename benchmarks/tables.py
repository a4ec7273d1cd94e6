"""The benchmark's tables, as text for the terminal and as the Markdown the page includes."""

from dataclasses import dataclass


@dataclass
class Table:
    name: str       # section name in the results file
    title: str
    columns: tuple  # (key, header, format spec); a list value is shown as min / median / max
    rows: list
    note: str = ""

def cell(value, spec):
    if isinstance(value, list):
        return " / ".join(format(v, spec) for v in value)
    return format(value, spec)


def cells(table):
    return [[cell(row[key], spec) for key, _, spec in table.columns] for row in table.rows]


def as_text(tables):
    out = []
    for table in tables:
        headers = [header for _, header, _ in table.columns]
        body = cells(table)
        widths = [max(len(r[i]) for r in [headers] + body) for i in range(len(headers))]
        out.append(table.title)
        if any(headers):
            out.append("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
            out.append("  ".join("-" * w for w in widths))
        out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
        if table.note:
            out.append(table.note)
        out.append("")
    out.append("Times: min / median / max over the rounds; ratios: median of the per-round ratios.")
    return "\n".join(out)


def as_markdown(tables):
    """One section per table, marked so a page can include each on its own."""
    out = ["<!-- Written by benchmarks/backprop_cost.py; do not edit by hand. -->", ""]
    for table in tables:
        out.append(f"<!-- --8<-- [start:{table.name}] -->")
        headers = [header for _, header, _ in table.columns]
        out.append("| " + " | ".join(headers) + " |")
        out.append("|" + "|".join("---" if spec == "" else "--:" for _, _, spec in table.columns) + "|")
        out += ["| " + " | ".join(row) + " |" for row in cells(table)]
        if table.note:
            out += ["", table.note]
        out += [f"<!-- --8<-- [end:{table.name}] -->", ""]
    return "\n".join(out)


def structure(markdown):
    """What a results file must keep: per section, the table header and row labels."""
    sections = []
    for line in markdown.split("\n"):
        if "--8<-- [start:" in line:
            name = line.split("[start:")[1].split("]")[0]
            sections.append({"section": name, "header": None, "rows": [], "note": False})
        elif "--8<-- [end:" in line or not sections or not line.strip():
            continue
        elif line.startswith("|"):
            row = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(cell and set(cell) <= set("-:") for cell in row):
                continue  # the alignment row
            if sections[-1]["header"] is None:
                sections[-1]["header"] = row
            else:
                sections[-1]["rows"].append(row[0])
        else:
            sections[-1]["note"] = True
    return sections
