"""The multivariate chain rule on z = (x + y)^2, split as u = x + y, z = u^2."""

if __name__ == "__main__":
    # --8<-- [start:two_inputs]
    import numpy as np

    from snippets.gradient import numerical_gradient

    x, y = 1.0, 2.0
    u = x + y          # add node
    z = u**2           # square node

    dz_du = 2.0 * u    # local derivative of the square
    du_dx = 1.0        # an add node passes its input's change on unchanged
    du_dy = 1.0
    dz_dx = dz_du * du_dx
    dz_dy = dz_du * du_dy

    numeric = numerical_gradient(lambda v: (v[0] + v[1]) ** 2, np.array([x, y]))
    print(f"u = {u:g}, z = {z:g}")
    print(f"dz/dx = {dz_dx:g}, dz/dy = {dz_dy:g}")
    print(f"numerical: dz/dx = {numeric[0]:.6f}, dz/dy = {numeric[1]:.6f}")
    # --8<-- [end:two_inputs]
