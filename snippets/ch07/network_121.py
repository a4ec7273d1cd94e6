"""The 1-2-1 sigmoid network computed by hand, one node at a time.

One input, two sigmoid hidden units, one sigmoid output and the loss
L = 1/2 (t - y_hat)^2 for the target t. Every value is kept at full precision; only printing
rounds, which is why the gradients below agree with the numerical check.
"""

if __name__ == "__main__":
    # --8<-- [start:forward]
    import numpy as np

    from snippets.layers.sigmoid import sigmoid

    x, t = 2.0, 1.0                       # input and target
    w1, w2, w3, w4 = 0.5, 0.6, 0.8, 0.9   # x->h1, x->h2, h1->out, h2->out
    b1, b2, b3 = 0.1, 0.2, 0.3
    learning_rate = 0.5

    z_h1 = w1 * x + b1
    a_h1 = sigmoid(z_h1)
    z_h2 = w2 * x + b2
    a_h2 = sigmoid(z_h2)
    z_out = w3 * a_h1 + w4 * a_h2 + b3
    y_hat = sigmoid(z_out)
    loss = 0.5 * (t - y_hat) ** 2

    print(f"z_h1 = {z_h1:.1f}, a_h1 = {a_h1:.4f}")
    print(f"z_h2 = {z_h2:.1f}, a_h2 = {a_h2:.4f}")
    print(f"z_out = {z_out:.4f}, y_hat = {y_hat:.4f}")
    print(f"L = {loss:.4f}")
    # --8<-- [end:forward]

    # --8<-- [start:output_weight]
    dL_dyhat = -(t - y_hat)               # derivative of 1/2 (t - y_hat)^2
    dyhat_dz = y_hat * (1.0 - y_hat)      # sigmoid'(z_out), from the output alone
    dL_dzout = dL_dyhat * dyhat_dz
    dL_dw3 = dL_dzout * a_h1              # dz_out/dw3 = a_h1

    print(f"dL/dy_hat = {dL_dyhat:.4f}")
    print(f"dy_hat/dz_out = {dyhat_dz:.4f}")
    print(f"dL/dz_out = {dL_dzout:.4f}")
    print(f"dL/dw3 = {dL_dw3:.4f}")
    # --8<-- [end:output_weight]

    # --8<-- [start:hidden_weight]
    dL_dah1 = dL_dzout * w3               # error signal handed back to h1
    dah1_dz = a_h1 * (1.0 - a_h1)         # sigmoid'(z_h1)
    dL_dw1 = dL_dah1 * dah1_dz * x        # dz_h1/dw1 = x
    dL_dah2 = dL_dzout * w4               # and to h2

    print(f"dL/da_h1 = {dL_dah1:.4f}, da_h1/dz_h1 = {dah1_dz:.4f}")
    print(f"dL/dw1 = {dL_dw1:.4f}")
    print(f"dL/da_h2 = {dL_dah2:.4f}")
    # --8<-- [end:hidden_weight]

    # --8<-- [start:update]
    w3_new = w3 - learning_rate * dL_dw3
    w1_new = w1 - learning_rate * dL_dw1
    print(f"w3: {w3} -> {w3_new:.4f}")
    print(f"w1: {w1} -> {w1_new:.4f}")
    # --8<-- [end:update]

    # --8<-- [start:check]
    from snippets.gradient import numerical_gradient


    def loss_of(weights):
        v1, _, v3, _ = weights
        h1 = sigmoid(v1 * x + b1)
        h2 = sigmoid(w2 * x + b2)
        return 0.5 * (t - sigmoid(v3 * h1 + w4 * h2 + b3)) ** 2


    numeric = numerical_gradient(loss_of, np.array([w1, w2, w3, w4]))
    print(f"numerical: dL/dw1 = {numeric[0]:.4f}, dL/dw3 = {numeric[2]:.4f}")
    # --8<-- [end:check]

    # --8<-- [start:rounding]
    rounded = -0.165 * round(0.835 * (1 - 0.835), 3) * 0.750
    product = 0.835 * 0.165
    print(f"0.835 x 0.165 = {product:.6f}: rounded {product:.3f}, cut off {int(product * 1000) / 1000}")
    print(f"dL/dw3 from rounded factors: {rounded:.5f}; exact: {dL_dw3:.5f}")
    # --8<-- [end:rounding]
