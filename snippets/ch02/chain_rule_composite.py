"""The chain rule on y = g(f(x)) with f(x) = (x + 1)^2 and g(u) = u^3 + 2u - 5.

Written out, dy/dx = (3u^2 + 2) * 2(x + 1) = 6(x + 1)^5 + 4(x + 1). The code
checks this against a central difference, and shows what the usual slip
(putting (x + 1)^2 back in for u^2 instead of (x + 1)^4) would give.
"""

if __name__ == "__main__":
    # --8<-- [start:composite]
    import numpy as np

    from snippets.gradient import numerical_gradient, relative_error


    def inner(x):          # u = f(x)
        return (x + 1.0) ** 2


    def outer(u):          # y = g(u)
        return u**3 + 2.0 * u - 5.0


    def y_of_x(x):
        return outer(inner(x))


    def dy_dx(x):
        u = inner(x)
        douter_du = 3.0 * u**2 + 2.0   # derivative of the outer function, at u
        dinner_dx = 2.0 * (x + 1.0)    # derivative of the inner function
        return douter_du * dinner_dx


    x = np.array([1.0])
    numeric = numerical_gradient(lambda v: y_of_x(v[0]), x)[0]
    print(f"u = {inner(1.0):g}, y = {y_of_x(1.0):g}")
    print(f"chain rule : dy/dx = {dy_dx(1.0):.6f}")
    print(f"expanded   : dy/dx = {6 * (1.0 + 1) ** 5 + 4 * (1.0 + 1):.6f}")
    print(f"numerical  : dy/dx = {numeric:.6f}")
    print(f"relative error < 1e-7: {relative_error(dy_dx(1.0), numeric) < 1e-7}")
    # --8<-- [end:composite]

    # --8<-- [start:slip]
    def dy_dx_with_slip(x):
        """Wrong: (x + 1)^2 substituted for u^2, as if u were x + 1."""
        return (3.0 * (x + 1.0) ** 2 + 2.0) * 2.0 * (x + 1.0)


    print(f"with the slip: {dy_dx_with_slip(1.0):g}")
    # --8<-- [end:slip]
