"""One neuron, one sample: the chain rule written out factor by factor.

z = w x + b, a = sigmoid(z), L = (a - t)^2 for the target t. Each local derivative is computed
on its own line, then multiplied together, then checked by central differences.
"""

if __name__ == "__main__":
    # --8<-- [start:forward]
    from snippets.layers.sigmoid import sigmoid

    x, t = 2.0, 1.0   # input and target
    w, b = 0.5, -0.5  # weight and bias

    z = w * x + b
    a = float(sigmoid(z))
    L = (a - t) ** 2
    print(f"z = {z:.4f}, a = {a:.4f}, L = {L:.4f}")
    # --8<-- [end:forward]

    # --8<-- [start:backward]
    dL_da = 2 * (a - t)       # from L = (a - t)^2
    da_dz = a * (1 - a)       # sigmoid'(z) = a (1 - a)
    dz_dw, dz_db = x, 1.0     # from z = w x + b

    dL_dz = dL_da * da_dz     # shared by both parameters: compute it once
    dL_dw = dL_dz * dz_dw
    dL_db = dL_dz * dz_db
    print(f"dL/da = {dL_da:.4f}, da/dz = {da_dz:.4f}, dL/dz = {dL_dz:.4f}")
    print(f"dL/dw = {dL_dw:.4f}, dL/db = {dL_db:.4f}")
    # --8<-- [end:backward]

    # --8<-- [start:check]
    h = 1e-5


    def loss(w, b):
        return (float(sigmoid(w * x + b)) - t) ** 2


    print(f"numerical dL/dw = {(loss(w + h, b) - loss(w - h, b)) / (2 * h):.4f}")
    print(f"numerical dL/db = {(loss(w, b + h) - loss(w, b - h)) / (2 * h):.4f}")
    # --8<-- [end:check]
