"""z = (x + y)^2 as a graph of an add node and a square node, run both ways."""

# --8<-- [start:graph]
x, y = 1.0, 2.0

# forward pass, left to right
t = x + y
z = t**2

# backward pass, right to left: upstream gradient times local derivative
dz_dz = 1.0
dz_dt = dz_dz * 2.0 * t   # square node: local derivative 2t
dz_dx = dz_dt * 1.0       # add node: local derivative 1
dz_dy = dz_dt * 1.0

print(f"forward:  t = {t:g}, z = {z:g}")
print(f"backward: dz/dt = {dz_dt:g}, dz/dx = {dz_dx:g}, dz/dy = {dz_dy:g}")
# --8<-- [end:graph]
