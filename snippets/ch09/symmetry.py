"""Why weights start random: hidden neurons that start equal stay equal."""

if __name__ == "__main__":
    # --8<-- [start:symmetry]
    import numpy as np

    from snippets.mlp import TwoLayerMLP
    from snippets.toy_data import three_blobs

    x, t = three_blobs(points_per_class=20, seed=0)
    net = TwoLayerMLP(input_size=2, hidden_size=4, output_size=3, seed=0)
    for name in net.params:
        net.params[name][...] = 0.5  # every weight the same number

    for _ in range(100):  # 100 steps of gradient descent
        grads = net.gradient(x, t)
        for name in net.params:
            net.params[name] -= 0.1 * grads[name]

    W1 = net.params["W1"]  # one column per hidden neuron
    print("hidden neurons still identical:", bool(np.allclose(W1, W1[:, :1])))
    print("first row of W1:", np.round(W1[0], 4))
    # --8<-- [end:symmetry]

    # --8<-- [start:variance]
    rng = np.random.default_rng(0)
    n_in = 256
    h = rng.standard_normal((1000, n_in))
    for name, std in [("std 1", 1.0), ("LeCun 1/sqrt(n)", (1 / n_in) ** 0.5), ("He sqrt(2/n)", (2 / n_in) ** 0.5)]:
        W = std * rng.standard_normal((n_in, n_in))
        z = h @ W
        relu = np.maximum(z, 0.0)
        print(f"{name:17s} Var(z) = {z.var():8.3f}, E[relu(z)^2] = {np.mean(relu**2):8.3f}")
    # --8<-- [end:variance]
