"""z = (x + y)^2 as a graph of an add node and a square node, run both ways."""

if __name__ == "__main__":
    # --8<-- [start:graph]
    x, y = 1.0, 2.0

    # forward pass, left to right
    u = x + y
    z = u**2

    # backward pass, right to left: upstream gradient times local derivative
    dz_dz = 1.0
    dz_du = dz_dz * 2.0 * u   # square node: local derivative 2u
    dz_dx = dz_du * 1.0       # add node: local derivative 1
    dz_dy = dz_du * 1.0

    print(f"forward:  u = {u:g}, z = {z:g}")
    print(f"backward: dz/du = {dz_du:g}, dz/dx = {dz_dx:g}, dz/dy = {dz_dy:g}")
    # --8<-- [end:graph]
