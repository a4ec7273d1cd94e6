"""Ways a gradient check misleads or succeeds: the step h, float32, kinks, and a real bug."""

if __name__ == "__main__":
    # --8<-- [start:step_size]
    import numpy as np


    def central_difference(f, x, h):
        return (f(x + h) - f(x - h)) / (2 * h)


    x0 = 1.0  # d/dx exp(x) = exp(x): the exact answer is known
    for h in (1e-1, 1e-3, 1e-5, 1e-7, 1e-9, 1e-11):
        error = abs(central_difference(np.exp, x0, h) - np.exp(x0)) / np.exp(x0)
        # Only the order of magnitude: the digits of a rounding error differ between NumPy builds.
        print(f"h = {h:.0e}: relative error about {10.0 ** np.round(np.log10(error)):.0e}")
    # --8<-- [end:step_size]

    # --8<-- [start:float32]
    x32 = np.float32(x0)
    estimate32 = central_difference(np.exp, x32, np.float32(1e-5))
    print(f"float32, h = 1e-05: relative error {abs(estimate32 - np.exp(x0)) / np.exp(x0):.1e}")
    # --8<-- [end:float32]

    # --8<-- [start:kink]
    def relu(z):
        return max(z, 0.0)


    z0 = 3e-6  # just right of the kink at 0: the true derivative is 1
    print(f"relu at z = 3e-06, h = 1e-05: numerical {central_difference(relu, z0, 1e-5):.2f}, exact 1")
    # --8<-- [end:kink]

    # --8<-- [start:bug]
    from snippets.gradient import relative_error  # noqa: E402
    from snippets.mlp import TwoLayerMLP  # noqa: E402

    rng = np.random.default_rng(0)
    x = rng.standard_normal((5, 4))
    t = np.eye(3)[rng.integers(0, 3, 5)]
    net = TwoLayerMLP(input_size=4, hidden_size=6, output_size=3, seed=0)
    numeric = net.numerical_gradient(x, t)
    correct = net.gradient(x, t)

    # The bug: db2 averaged over the batch instead of summed (one .mean for a .sum).
    dz2 = net.last_layer.backward(1.0)
    buggy_db2 = dz2.mean(axis=0)
    correct_error = relative_error(correct['b2'], numeric['b2'])
    print(f"db2 correct: relative error < {max(correct_error, 1e-9):.0e}")  # below 1e-9: rounding noise
    print(f"db2 buggy:   relative error {relative_error(buggy_db2, numeric['b2']):.2f}")
    # --8<-- [end:bug]
