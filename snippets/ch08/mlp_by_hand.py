"""The two-layer backward pass written as bare matrix formulas.

The same numbers come out of TwoLayerMLP.gradient, which only chains the
layers' own backward methods; this file makes each transpose visible.
"""

if __name__ == "__main__":
    # --8<-- [start:forward]
    import numpy as np

    from snippets.layers.softmax import softmax
    from snippets.mlp import TwoLayerMLP

    N, D, H, C = 4, 3, 5, 2  # batch, inputs, hidden units, classes
    rng = np.random.default_rng(0)
    x = rng.standard_normal((N, D))
    t = np.eye(C)[rng.integers(0, C, N)]  # one-hot targets

    net = TwoLayerMLP(D, H, C, seed=0)
    W1, b1, W2, b2 = (net.params[k] for k in ("W1", "b1", "W2", "b2"))

    z1 = x @ W1 + b1         # (N, H)   cached for the backward pass
    a1 = np.maximum(z1, 0)   # (N, H)   cached as well
    z2 = a1 @ W2 + b2        # (N, C)
    y = softmax(z2)          # (N, C)
    L = -np.sum(t * np.log(y)) / N
    print(f"L = {L:.4f}  (TwoLayerMLP.loss gives {net.loss(x, t):.4f})")
    # --8<-- [end:forward]

    # --8<-- [start:backward]
    dz2 = (y - t) / N        # (N, C)   softmax + cross-entropy, averaged over the batch
    dW2 = a1.T @ dz2         # (H, N) @ (N, C) -> (H, C)
    db2 = dz2.sum(axis=0)    # (C,)     b2 was added to every row
    da1 = dz2 @ W2.T         # (N, C) @ (C, H) -> (N, H)
    dz1 = da1 * (z1 > 0)     # (N, H)   ReLU passes the gradient only where z1 > 0
    dW1 = x.T @ dz1          # (D, N) @ (N, H) -> (D, H)
    db1 = dz1.sum(axis=0)    # (H,)

    by_hand = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
    by_layers = net.gradient(x, t)
    for name, grad in by_hand.items():
        same = np.allclose(grad, by_layers[name], rtol=1e-12, atol=1e-15)
        print(f"d{name}: shape {grad.shape}, same as TwoLayerMLP.gradient: {same}")
    # --8<-- [end:backward]
