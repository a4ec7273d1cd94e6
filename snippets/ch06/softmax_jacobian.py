"""The softmax-with-loss gradient worked out through the full Jacobian, and checked.

dL/da = J^T dL/dy with J[i, j] = y_i (delta_ij - y_j) and dL/dy = -t / y.
The product collapses to y - t; the numbers show it, and a central
difference confirms it.
"""

if __name__ == "__main__":
    # --8<-- [start:jacobian]
    import numpy as np

    from snippets.gradient import numerical_gradient
    from snippets.layers.softmax import cross_entropy_error, softmax

    np.set_printoptions(precision=4, suppress=True)

    a = np.array([0.3, 2.9, 4.0])       # scores
    t = np.array([0.0, 1.0, 0.0])       # one-hot target: class 2 is right
    y = softmax(a)

    jacobian = np.diag(y) - np.outer(y, y)   # dy_i / da_j
    dL_dy = -t / y                           # cross-entropy error, per output
    dL_da = jacobian.T @ dL_dy               # sum over every path y_i

    numeric = numerical_gradient(lambda s: cross_entropy_error(softmax(s), t), a.copy())
    print("y             :", y)
    print("Jacobian route:", dL_da)
    print("y - t         :", y - t)
    print("numerical     :", numeric)
    # --8<-- [end:jacobian]
