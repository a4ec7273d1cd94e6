"""The sigmoid taken apart into four nodes, x(-1), exp, +1 and 1/x, run forwards and backwards.

Each stage's backward pass uses only its own local derivative. Multiplied
together they collapse to y (1 - y), which is what the Sigmoid layer uses.
"""

if __name__ == "__main__":
    # --8<-- [start:staged]
    import numpy as np

    x = 1.0

    # forward pass, one node at a time
    neg = -x            # node x(-1)
    e = np.exp(neg)     # node exp
    s = 1.0 + e         # node +1
    y = 1.0 / s         # node 1/x
    print(f"forward:  -x = {neg:.4f}, exp = {e:.4f}, 1 + exp = {s:.4f}, y = {y:.4f}")

    # backward pass, last node first, starting from dL/dy = 1
    dy = 1.0
    ds = dy * (-1.0 / s**2)  # d(1/s)/ds = -1/s^2 = -y^2
    de = ds * 1.0            # the +1 node passes the gradient on
    dneg = de * e            # d exp(u)/du = exp(u), the forward output
    dx = dneg * -1.0         # the x(-1) node multiplies by -1
    print(f"backward: {ds:.4f} -> {de:.4f} -> {dneg:.4f} -> {dx:.4f}")
    print(f"y (1 - y) = {y * (1.0 - y):.4f}")
    # --8<-- [end:staged]

    # --8<-- [start:check]
    import numpy as np

    from snippets.gradient import numerical_gradient
    from snippets.layers import Sigmoid
    from snippets.layers.sigmoid import sigmoid

    x = 1.0
    layer = Sigmoid()
    layer.forward(np.array([x]))
    from_layer = layer.backward(np.array([1.0]))[0]
    numeric = numerical_gradient(lambda v: sigmoid(v).sum(), np.array([x]))[0]
    print(f"Sigmoid layer: {from_layer:.6f}, numerical: {numeric:.6f}")

    top = sigmoid(0.0)
    print(f"largest slope, at x = 0: {top * (1.0 - top):.2f}")
    print(f"sigmoid(-1000) = {sigmoid(-1000.0):g}, without an overflow warning")
    # --8<-- [end:check]
