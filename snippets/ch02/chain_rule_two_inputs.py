"""The multivariate chain rule on z = (x + y)^2, split as t = x + y, z = t^2."""

# --8<-- [start:two_inputs]
import numpy as np

from snippets.gradient import numerical_gradient

x, y = 1.0, 2.0
t = x + y          # add node
z = t**2           # square node

dz_dt = 2.0 * t    # local derivative of the square
dt_dx = 1.0        # an add node passes its input's change on unchanged
dt_dy = 1.0
dz_dx = dz_dt * dt_dx
dz_dy = dz_dt * dt_dy

numeric = numerical_gradient(lambda v: (v[0] + v[1]) ** 2, np.array([x, y]))
print(f"t = {t:g}, z = {z:g}")
print(f"dz/dx = {dz_dx:g}, dz/dy = {dz_dy:g}")
print(f"numerical: dz/dx = {numeric[0]:.6f}, dz/dy = {numeric[1]:.6f}")
# --8<-- [end:two_inputs]
