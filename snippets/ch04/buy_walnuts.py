"""Two walnuts at 100 won each, plus 10% sales tax, as a graph of two multiply nodes."""

if __name__ == "__main__":
    # --8<-- [start:forward]
    from snippets.layers import MulLayer

    walnut_price = 100
    walnut_count = 2
    tax_factor = 1.1  # 1 + the 10% sales tax

    walnut_node = MulLayer()  # walnut_price x walnut_count
    tax_node = MulLayer()     # subtotal x tax_factor

    subtotal = walnut_node.forward(walnut_price, walnut_count)
    total = tax_node.forward(subtotal, tax_factor)
    print(f"total = {total:g}")
    # --8<-- [end:forward]

    # --8<-- [start:backward]
    dtotal = 1  # d(total)/d(total)
    dsubtotal, dtax_factor = tax_node.backward(dtotal)  # reverse order of forward
    dwalnut_price, dwalnut_count = walnut_node.backward(dsubtotal)

    print(f"d total / d walnut_price = {dwalnut_price:g}")
    print(f"d total / d walnut_count = {dwalnut_count:g}")
    print(f"d total / d tax_factor   = {dtax_factor:g}")
    # --8<-- [end:backward]
