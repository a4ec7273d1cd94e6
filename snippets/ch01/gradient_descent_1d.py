"""Gradient descent on a one-parameter loss, to see what a gradient is for.

L(w) = (w - 3)^2 has its minimum at w = 3. Its derivative 2(w - 3) says which
way is uphill and how steep it is; stepping against it walks w towards 3.
"""

if __name__ == "__main__":
    # --8<-- [start:descent]
    def loss(w):
        return (w - 3.0) ** 2


    def dloss_dw(w):
        return 2.0 * (w - 3.0)


    w = 0.0              # starting guess
    learning_rate = 0.1  # eta: the size of each step

    for step in range(1, 6):
        w = w - learning_rate * dloss_dw(w)  # w <- w - eta * dL/dw
        print(f"step {step}: w = {w:.4f}, L = {loss(w):.4f}")
    # --8<-- [end:descent]
