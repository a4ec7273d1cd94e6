"""Autograd in miniature: snippets.autograd.Value records every operation, then backpropagates.

The hand-written layers of chapters 4-8 needed backward() called in reverse
order by hand. A Value remembers its inputs and local derivatives as it is
computed, so backward() can find that order itself (a topological sort).
"""

if __name__ == "__main__":
    # --8<-- [start:walnuts]
    from snippets.autograd import Value

    walnut_price, walnut_count, tax_factor = Value(100), Value(2), Value(1.1)
    total = walnut_price * walnut_count * tax_factor  # every * records a node and its local derivatives
    total.backward()                                # visits the nodes in reverse order by itself
    print(f"total = {total.data:g}")
    print(f"d total / d price = {walnut_price.grad:g}, count = {walnut_count.grad:g}, tax = {tax_factor.grad:g}")
    # --8<-- [end:walnuts]

    # --8<-- [start:network]
    from snippets.autograd import Value

    x, t = Value(2.0), 1.0  # input and target
    w1, w2, w3, w4 = Value(0.5), Value(0.6), Value(0.8), Value(0.9)
    b1, b2, b3 = Value(0.1), Value(0.2), Value(0.3)

    h1 = (w1 * x + b1).sigmoid()
    h2 = (w2 * x + b2).sigmoid()
    y_hat = (w3 * h1 + w4 * h2 + b3).sigmoid()
    loss = 0.5 * (t - y_hat) ** 2
    loss.backward()

    print(f"y_hat = {y_hat.data:.4f}, L = {loss.data:.4f}")
    print(f"dL/dw3 = {w3.grad:.4f}, dL/dw1 = {w1.grad:.4f}")
    print(f"nodes recorded: {len(loss.topological_order())}")
    # --8<-- [end:network]
