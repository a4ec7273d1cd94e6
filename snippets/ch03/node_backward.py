"""What an add node and a multiply node do with the gradient from upstream.

An add node passes it on unchanged to both inputs; a multiply node sends each
input the upstream gradient times the *other* input.
"""

if __name__ == "__main__":
    # --8<-- [start:add]
    x, y = 10.0, 5.0
    dL_dz = 1.3                # gradient arriving from upstream

    # z = x + y: both local derivatives are 1
    dL_dx, dL_dy = dL_dz * 1.0, dL_dz * 1.0
    print(f"add node:      z = {x + y:g}")
    print(f"add node:      dL/dx = {dL_dx:g}, dL/dy = {dL_dy:g}")
    # --8<-- [end:add]

    # --8<-- [start:mul]
    # z = x * y: dz/dx = y and dz/dy = x, so the inputs swap places
    dL_dx, dL_dy = dL_dz * y, dL_dz * x
    print(f"multiply node: z = {x * y:g}")
    print(f"multiply node: dL/dx = {dL_dx:g}, dL/dy = {dL_dy:g}")
    # --8<-- [end:mul]
