"""Two loss functions and their derivatives, each checked by central differences."""

if __name__ == "__main__":
    # --8<-- [start:mse]
    import numpy as np

    from snippets.gradient import numerical_gradient
    from snippets.layers.softmax import softmax

    np.set_printoptions(precision=4, suppress=True)


    def show(v):
        """Round to 4 places for printing; adding 0.0 turns -0.0 into 0.0."""
        return np.round(v, 4) + 0.0


    y = np.array([0.8, 0.3])  # prediction
    t = np.array([1.0, 0.0])  # target
    n = y.size


    def mse(y):
        return np.sum((y - t) ** 2) / n


    dmse = 2 / n * (y - t)  # derivative by hand
    print(f"MSE = {mse(y):.4f}")
    print("dL/dy by hand  :", show(dmse))
    print("dL/dy numerical:", show(numerical_gradient(mse, y.copy())))
    # --8<-- [end:mse]

    # --8<-- [start:cross_entropy]
    y = np.array([0.7, 0.2, 0.1])  # probabilities, e.g. a softmax output
    t = np.array([1.0, 0.0, 0.0])  # one-hot target: class 0 is correct


    def cross_entropy(y):
        return -np.sum(t * np.log(y))


    dce = -t / y  # only the correct class has a non-zero derivative
    print(f"CE = {cross_entropy(y):.4f}")
    print("dL/dy by hand  :", show(dce))
    print("dL/dy numerical:", show(numerical_gradient(cross_entropy, y.copy())))
    # --8<-- [end:cross_entropy]

    # --8<-- [start:softmax_ce]

    a = np.array([2.0, 1.0, 0.1])  # scores before softmax


    def softmax_then_ce(a):
        return -np.sum(t * np.log(softmax(a)))


    print("softmax(a)     :", show(softmax(a)))
    print("y - t          :", show(softmax(a) - t))
    print("dL/da numerical:", show(numerical_gradient(softmax_then_ce, a.copy())))
    # --8<-- [end:softmax_ce]
