"""SoftmaxWithLoss on a batch: the gradient is (y - t) / N, even for huge scores."""

if __name__ == "__main__":
    # --8<-- [start:batch]
    import numpy as np

    from snippets.layers import SoftmaxWithLoss

    np.set_printoptions(precision=4, suppress=True)

    scores = np.array([[0.3, 2.9, 4.0],
                       [1.0, 0.5, -1.0]])
    targets = np.array([[0.0, 1.0, 0.0],
                        [1.0, 0.0, 0.0]])
    layer = SoftmaxWithLoss()
    loss = layer.forward(scores, targets)
    print(f"loss = {loss:.4f}")
    print("dL/da = (y - t) / N:")
    print(layer.backward())
    # --8<-- [end:batch]

    # --8<-- [start:stable]
    huge = np.array([[1000.0, -1000.0, 0.0]])
    loss = SoftmaxWithLoss().forward(huge, np.array([[0.0, 1.0, 0.0]]))
    print(f"scores of +-1000: loss = {loss:.1f}, finite: {np.isfinite(loss)}")
    # --8<-- [end:stable]
