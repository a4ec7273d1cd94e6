"""The single sigmoid neuron of the CS231n backpropagation notes, from two layers.

f(w, x) = sigmoid(w0 x0 + w1 x1 + w2) with w = (2, -3, -3) and x = (-1, -2):
the weights w0, w1 form a one-column Affine weight, and w2 is its bias.
"""

if __name__ == "__main__":
    # --8<-- [start:neuron]
    import numpy as np

    from snippets.layers import Affine, Sequential, Sigmoid

    neuron = Sequential(Affine([[2.0], [-3.0]], [-3.0]), Sigmoid())  # w0, w1 as a column; w2 as the bias
    f = neuron.forward(np.array([-1.0, -2.0]))
    dx = neuron.backward(1.0)  # df/df = 1: a plain number for the one output
    dW, db = neuron.grads
    print(f"f = {f[0]:.2f}")
    print(f"df/dx = ({dx[0]:.3f}, {dx[1]:.3f}), df/dw = ({dW[0, 0]:.3f}, {dW[1, 0]:.3f}), df/db = {db[0]:.3f}")
    # --8<-- [end:neuron]
