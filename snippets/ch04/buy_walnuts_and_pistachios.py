"""Two walnuts and three pistachios plus sales tax: an add node joins two branches."""

if __name__ == "__main__":
    # --8<-- [start:forward]
    from snippets.layers import AddLayer, MulLayer

    walnut_price, walnut_count = 100, 2
    pistachio_price, pistachio_count = 150, 3
    tax_factor = 1.1  # 1 + the 10% sales tax

    walnut_node = MulLayer()
    pistachio_node = MulLayer()
    sum_node = AddLayer()
    tax_node = MulLayer()

    walnut_cost = walnut_node.forward(walnut_price, walnut_count)
    pistachio_cost = pistachio_node.forward(pistachio_price, pistachio_count)
    subtotal = sum_node.forward(walnut_cost, pistachio_cost)
    total = tax_node.forward(subtotal, tax_factor)
    print(f"walnuts = {walnut_cost:g}, pistachios = {pistachio_cost:g}")
    print(f"subtotal = {subtotal:g}, total = {total:g}")
    # --8<-- [end:forward]

    # --8<-- [start:backward]
    dsubtotal, dtax_factor = tax_node.backward(1)
    dwalnut_cost, dpistachio_cost = sum_node.backward(dsubtotal)
    dwalnut_price, dwalnut_count = walnut_node.backward(dwalnut_cost)
    dpistachio_price, dpistachio_count = pistachio_node.backward(dpistachio_cost)

    print(f"d total / d walnut_price    = {dwalnut_price:g}")
    print(f"d total / d pistachio_price = {dpistachio_price:g}")
    print(f"d total / d walnut_count    = {dwalnut_count:g}")
    print(f"d total / d pistachio_count = {dpistachio_count:g}")
    print(f"d total / d tax_factor      = {dtax_factor:g}")
    # --8<-- [end:backward]

    # --8<-- [start:swapped_counts]
    swapped_total = (walnut_price * 3 + pistachio_price * 2) * tax_factor  # counts mixed up
    print(f"swapped_total = {swapped_total:g}")
    # --8<-- [end:swapped_counts]
