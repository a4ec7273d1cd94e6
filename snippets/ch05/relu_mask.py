"""ReLU forward and backward on a small matrix, and why backward must not write into dout."""

if __name__ == "__main__":
    # --8<-- [start:relu]
    import numpy as np

    from snippets.layers import ReLU

    x = np.array([[1.0, -0.5], [-2.0, 3.0]])
    relu = ReLU()
    y = relu.forward(x)
    print("mask (x <= 0):")
    print(relu.mask)
    print("y:")
    print(y)

    dout = np.array([[0.1, 0.2], [0.3, 0.4]])
    dx = relu.backward(dout)
    print("dx:")
    print(dx)
    print("dout unchanged:", np.array_equal(dout, [[0.1, 0.2], [0.3, 0.4]]))
    # --8<-- [end:relu]

    # --8<-- [start:in_place]
    def backward_in_place(mask, dout):
        """Wrong: zeroes the caller's own array instead of a copy."""
        dout[mask] = 0
        return dout


    upstream = np.array([[0.1, 0.2], [0.3, 0.4]])
    backward_in_place(relu.mask, upstream)
    print("caller's array after the in-place version:")
    print(upstream)
    # --8<-- [end:in_place]
