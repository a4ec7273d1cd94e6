"""Shapes through an Affine layer: every gradient has the shape of what it is the gradient of.

That rule alone decides where the transposes go in dX = dY W^T and dW = X^T dY.
"""

if __name__ == "__main__":
    # --8<-- [start:single]
    import numpy as np

    from snippets.layers import Affine

    rng = np.random.default_rng(0)
    X = rng.standard_normal(2)          # one input with 2 features
    W = rng.standard_normal((2, 3))     # 2 inputs -> 3 outputs
    B = rng.standard_normal(3)

    layer = Affine(W, B)
    Y = layer.forward(X)
    dY = np.ones_like(Y)                # some upstream gradient of Y's shape
    dX = layer.backward(dY)
    print(f"X {X.shape}  W {W.shape}  B {B.shape}  ->  Y {Y.shape}")
    print(f"dX {dX.shape}  dW {layer.dW.shape}  db {layer.db.shape}")
    # --8<-- [end:single]

    # --8<-- [start:batch]
    from snippets.gradient import numerical_gradient, relative_error

    X = rng.standard_normal((4, 2))     # a batch of N = 4 inputs
    layer = Affine(W, B)
    Y = layer.forward(X)
    dY = rng.standard_normal(Y.shape)   # upstream gradient, (N, 3)
    dX = layer.backward(dY)
    print(f"X {X.shape} -> Y {Y.shape};  dX {dX.shape}  dW {layer.dW.shape}  db {layer.db.shape}")


    def weighted_output(_):
        """L = sum(Y * dY) has dL/dY = dY, so its gradients are the layer's."""
        return np.sum((X @ W + B) * dY)


    for name, analytic, param in (("W", layer.dW, W), ("B", layer.db, B), ("X", dX, X)):
        numeric = numerical_gradient(weighted_output, param)
        print(f"d{name}: relative error < 1e-7: {relative_error(analytic, numeric) < 1e-7}")
    # --8<-- [end:batch]

    # --8<-- [start:digits]
    image = np.zeros((28, 28))          # one grey-scale digit
    x = image.reshape(1, -1)            # flattened to a row of 784 values
    W = np.zeros((784, 50))             # 784 inputs, each wired to all 50 outputs
    b = np.zeros(50)                    # one bias per output: shape (50,)
    print(f"x {x.shape} . W {W.shape} + b {b.shape} = {(x @ W + b).shape}")
    # --8<-- [end:digits]
