"""A dead ReLU: a neuron whose input is never positive gets no gradient, so it never learns."""

if __name__ == "__main__":
    # --8<-- [start:dead]
    import numpy as np

    from snippets.layers import Affine, ReLU

    rng = np.random.default_rng(0)
    x = rng.standard_normal((100, 3))          # 100 inputs with 3 features
    W = rng.standard_normal((3, 2))
    b = np.array([0.0, -20.0])                 # neuron 2 starts with a large negative bias
    affine, relu = Affine(W, b), ReLU()
    h = relu.forward(affine.forward(x))
    print("active inputs per neuron:", (h > 0).sum(axis=0))

    affine.backward(relu.backward(np.ones_like(h)))  # any upstream gradient
    print("dW column norms:", np.round(np.linalg.norm(affine.dW, axis=0), 4))
    print("db:", affine.db)
    # --8<-- [end:dead]
