"""The classic step-by-step 2-2-2 sigmoid network (Matt Mazur, 2015), one SGD step.

Built from the library's layers only: no gradient is written by hand, and the
printed numbers are the ones the original walk-through computes by hand.
"""

if __name__ == "__main__":
    # --8<-- [start:forward]
    import numpy as np

    from snippets.layers import Affine, Sequential, Sigmoid, SumSquaredError

    net = Sequential(
        Affine([[0.15, 0.25], [0.20, 0.30]], [0.35, 0.35]),  # [[w1, w3], [w2, w4]]: row i leaves input i
        Sigmoid(),
        Affine([[0.40, 0.50], [0.45, 0.55]], [0.60, 0.60]),  # [[w5, w7], [w6, w8]]
        Sigmoid(),
    )
    loss = SumSquaredError()  # E = 1/2 sum (target - out)^2
    x, target = np.array([0.05, 0.10]), np.array([0.01, 0.99])
    out = net.forward(x)
    E_total = loss.forward(out, target)
    print(f"out_o1 = {out[0]:.8f}, out_o2 = {out[1]:.8f}, E_total = {E_total:.9f}")
    # --8<-- [end:forward]

    # --8<-- [start:step]
    net.backward(loss.backward())  # dE/dout = out - target, then every layer in reverse
    net.step(lr=0.5)
    W1, b1, W2, b2 = net.params
    print(f"w5 = {W2[0, 0]:.8f}, w6 = {W2[1, 0]:.8f}, w7 = {W2[0, 1]:.8f}, w8 = {W2[1, 1]:.8f}")
    print(f"w1 = {W1[0, 0]:.8f}, w2 = {W1[1, 0]:.8f}, w3 = {W1[0, 1]:.8f}, w4 = {W1[1, 1]:.8f}")
    # --8<-- [end:step]
