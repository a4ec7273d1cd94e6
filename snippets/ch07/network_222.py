"""A 2-2-2 sigmoid network, with each weight's gradient written out by the chain rule.

Weights are named w[i][j] from unit i of one layer to unit j of the next, so
every formula can be read off the figure. Each analytic gradient is checked
against a central difference.
"""

if __name__ == "__main__":
    # --8<-- [start:forward]
    import numpy as np

    from snippets.layers.sigmoid import sigmoid

    x1, x2 = 0.5, 1.0             # inputs
    t1, t2 = 0.2, 0.9             # targets
    v11, v21 = 0.1, 0.3           # into hidden unit 1 (from x1, from x2)
    v12, v22 = 0.2, 0.4           # into hidden unit 2
    u11, u21 = 0.5, 0.6           # into output 1 (from a1, from a2)
    u12, u22 = 0.7, 0.8           # into output 2
    b1, b2 = 0.1, 0.2             # one bias per layer, shared by its units

    z1 = v11 * x1 + v21 * x2 + b1
    z2 = v12 * x1 + v22 * x2 + b1
    a1, a2 = sigmoid(z1), sigmoid(z2)
    z3 = u11 * a1 + u21 * a2 + b2     # the output layer reads a1, a2 (not x1, x2)
    z4 = u12 * a1 + u22 * a2 + b2
    o1, o2 = sigmoid(z3), sigmoid(z4)
    E = 0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2

    print(f"a1 = {a1:.4f}, a2 = {a2:.4f}")
    print(f"o1 = {o1:.4f}, o2 = {o2:.4f}")
    print(f"E = {E:.4f}")
    # --8<-- [end:forward]

    # --8<-- [start:output_layer]
    delta3 = -(t1 - o1) * o1 * (1.0 - o1)   # dE/dz3: only E_o1 depends on o1
    delta4 = -(t2 - o2) * o2 * (1.0 - o2)   # dE/dz4
    dE_du11 = delta3 * a1                   # dz3/du11 = a1, not 1
    dE_du21 = delta3 * a2
    dE_du12 = delta4 * a1
    dE_du22 = delta4 * a2
    print(f"dE/dz3 = {delta3:.4f}, dE/dz4 = {delta4:.4f}")
    print(f"dE/du11 = {dE_du11:.4f}, dE/du21 = {dE_du21:.4f}")
    print(f"dE/du12 = {dE_du12:.4f}, dE/du22 = {dE_du22:.4f}")
    # --8<-- [end:output_layer]

    # --8<-- [start:hidden_layer]
    dE_da1 = delta3 * u11 + delta4 * u12    # a1 reaches E along two paths
    dE_da2 = delta3 * u21 + delta4 * u22
    delta1 = dE_da1 * a1 * (1.0 - a1)       # dE/dz1
    delta2 = dE_da2 * a2 * (1.0 - a2)       # dE/dz2
    dE_dv11, dE_dv21 = delta1 * x1, delta1 * x2
    dE_dv12, dE_dv22 = delta2 * x1, delta2 * x2
    print(f"dE/da1 = {dE_da1:.4f}, dE/da2 = {dE_da2:.4f}")
    print(f"dE/dv11 = {dE_dv11:.5f}, dE/dv21 = {dE_dv21:.5f}")
    print(f"dE/dv12 = {dE_dv12:.5f}, dE/dv22 = {dE_dv22:.5f}")
    # --8<-- [end:hidden_layer]

    # --8<-- [start:check]
    from snippets.gradient import numerical_gradient, relative_error


    def error_of(p):
        """E as a function of all eight weights, in the order printed above."""
        h1 = sigmoid(p[0] * x1 + p[1] * x2 + b1)
        h2 = sigmoid(p[2] * x1 + p[3] * x2 + b1)
        y1 = sigmoid(p[4] * h1 + p[5] * h2 + b2)
        y2 = sigmoid(p[6] * h1 + p[7] * h2 + b2)
        return 0.5 * (t1 - y1) ** 2 + 0.5 * (t2 - y2) ** 2


    weights = np.array([v11, v21, v12, v22, u11, u21, u12, u22])
    analytic = np.array([dE_dv11, dE_dv21, dE_dv12, dE_dv22, dE_du11, dE_du21, dE_du12, dE_du22])
    numeric = numerical_gradient(error_of, weights)
    print(f"relative error < 1e-7: {relative_error(analytic, numeric) < 1e-7}")

    learning_rate = 0.5
    updated = weights - learning_rate * analytic
    print(f"E before: {error_of(weights):.4f}, after one step: {error_of(updated):.4f}")
    # --8<-- [end:check]
