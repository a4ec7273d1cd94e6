"""Three functions in a row: z = x^2, y = sin(z), L = y^2.

dL/dx is the product of three local derivatives, 2y * cos(z) * 2x.
"""

if __name__ == "__main__":
    # --8<-- [start:sin]
    import numpy as np

    from snippets.gradient import numerical_gradient, relative_error

    x = 1.5
    z = x**2           # first step
    y = np.sin(z)      # second step
    L = y**2           # third step

    dL_dy = 2.0 * y    # local derivative of the last step
    dy_dz = np.cos(z)  # ... of the middle step
    dz_dx = 2.0 * x    # ... of the first step
    dL_dx = dL_dy * dy_dz * dz_dx

    numeric = numerical_gradient(lambda v: np.sin(v[0] ** 2) ** 2, np.array([x]))[0]
    print(f"z = {z:.4f}, y = {y:.4f}, L = {L:.4f}")
    print(f"dL/dy = {dL_dy:.4f}, dy/dz = {dy_dz:.4f}, dz/dx = {dz_dx:.4f}")
    print(f"dL/dx = {dL_dx:.4f} (numerical {numeric:.4f})")
    print(f"relative error < 1e-7: {relative_error(dL_dx, numeric) < 1e-7}")
    # --8<-- [end:sin]
