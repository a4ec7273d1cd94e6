"""Gradient check: backpropagation against central differences, parameter by parameter."""

if __name__ == "__main__":
    # --8<-- [start:check]
    import numpy as np

    from snippets.gradient import relative_error
    from snippets.mlp import TwoLayerMLP

    rng = np.random.default_rng(0)
    x = rng.standard_normal((5, 4))          # 5 samples, 4 features
    t = np.eye(3)[rng.integers(0, 3, 5)]     # 3 classes, one-hot

    net = TwoLayerMLP(input_size=4, hidden_size=6, output_size=3, seed=0)
    analytic = net.gradient(x, t)
    numeric = net.numerical_gradient(x, t)
    for name in ("W1", "b1", "W2", "b2"):
        error = relative_error(analytic[name], numeric[name])
        # The power of ten just above it; below 1e-9 the digits are rounding noise that differs between NumPy builds.
        bound = max(10.0 ** np.ceil(np.log10(error)), 1e-9)
        print(f"{name}: relative error < {bound:.0e}")
    # --8<-- [end:check]
