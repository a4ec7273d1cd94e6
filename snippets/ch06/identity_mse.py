"""An identity output with the sum-of-squares error L = 1/2 sum (y - t)^2 also sends y - t back."""

if __name__ == "__main__":
    # --8<-- [start:identity_mse]
    import numpy as np

    from snippets.gradient import numerical_gradient

    np.set_printoptions(precision=4, suppress=True)

    a = np.array([0.5, -1.2, 2.0])       # scores; the identity output keeps them: y = a
    t = np.array([1.0, -1.0, 1.5])


    def sum_of_squares_error(scores):
        return 0.5 * np.sum((scores - t) ** 2)


    print("y - t    :", a - t)
    print("numerical:", numerical_gradient(sum_of_squares_error, a.copy()))
    # --8<-- [end:identity_mse]
