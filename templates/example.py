"""The first example of chapter {{CHAPTER}}: the gradient of z = xy (``python -m {{MODULE}}``)."""

# --8<-- [start:first]
x = 2.0
y = 3.0
z = x * y
dz_dx = y  # the local derivative of z = xy with respect to x
print(f"z = {z:g}")
print(f"dz/dx = {dz_dx:g}")
# --8<-- [end:first]

# --8<-- [start:second]
dz_dy = x
print(f"dz/dy = {dz_dy:g}")
# --8<-- [end:second]
