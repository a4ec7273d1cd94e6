"""A computational graph evaluated left to right, one local step per node.

Plain arithmetic, no layer classes: each line is one node, and every
intermediate result stays available afterwards.
"""

if __name__ == "__main__":
    # --8<-- [start:one_item]
    walnut_price = 100
    after_count = walnut_price * 2  # node "x 2"
    total = after_count * 1.1       # node "x 1.1"
    print(f"{walnut_price} -> {after_count} -> {total:g}")
    # --8<-- [end:one_item]

    # --8<-- [start:two_items]
    walnuts = 100 * 2       # multiply node
    pistachios = 150 * 3    # multiply node
    subtotal = walnuts + pistachios  # add node: it only sees its two inputs
    total = subtotal * 1.1           # multiply node
    print(f"walnuts = {walnuts}, pistachios = {pistachios}")
    print(f"subtotal = {subtotal}, total = {total:g}")
    # --8<-- [end:two_items]
