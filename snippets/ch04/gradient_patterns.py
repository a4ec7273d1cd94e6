"""The four patterns of gradient flow in one small graph: f = x * y + relu(x + z).

x feeds two branches, so its gradient is the sum of what comes back along each.
"""

if __name__ == "__main__":
    # --8<-- [start:fan_out]
    from snippets.layers import AddLayer, MulLayer, ReLU

    x, y, z = 3.0, 4.0, -1.0

    mul, add_inner, relu, add_outer = MulLayer(), AddLayer(), ReLU(), AddLayer()
    q = mul.forward(x, y)                  # x is used here ...
    r = add_inner.forward(x, z)            # ... and here: a fan-out
    s = float(relu.forward(r))
    f = add_outer.forward(q, s)
    print(f"forward:  q = {q:g}, r = {r:g}, relu(r) = {s:g}, f = {f:g}")

    df = 1.0
    dq, ds = add_outer.backward(df)        # add: copies 1 to both inputs
    dr = float(relu.backward(ds))          # relu: r > 0, so the gradient passes
    dx_from_r, dz = add_inner.backward(dr)  # add: copies again
    dx_from_q, dy = mul.backward(dq)       # multiply: each input gets the other one
    dx = dx_from_q + dx_from_r             # fan-out: the two branches add up
    print(f"backward: dq = {dq:g}, ds = {ds:g}, dr = {dr:g}")
    print(f"          dx = {dx_from_q:g} + {dx_from_r:g} = {dx:g}, dy = {dy:g}, dz = {dz:g}")


    def f_of(x, y, z):
        return x * y + max(x + z, 0.0)


    h = 1e-6
    numerical_dx = (f_of(x + h, y, z) - f_of(x - h, y, z)) / (2 * h)
    print(f"numerical dx = {numerical_dx:.6f}")
    # --8<-- [end:fan_out]
