"""A linear classifier against the two-layer MLP: enough for the three blobs, not for three spiral arms."""

if __name__ == "__main__":
    # --8<-- [start:blobs]
    import numpy as np

    from snippets.layers import Affine, SoftmaxWithLoss
    from snippets.mlp import TwoLayerMLP
    from snippets.toy_data import spiral, three_blobs


    def accuracy(scores, t):
        return np.mean(scores.argmax(axis=1) == t.argmax(axis=1))


    def train_linear(x, t, steps=1000, learning_rate=1.0, seed=0):
        """Softmax regression: one Affine layer, so every class boundary is a straight line."""
        rng = np.random.default_rng(seed)
        layer = Affine(0.01 * rng.standard_normal((x.shape[1], t.shape[1])), np.zeros(t.shape[1]))
        loss = SoftmaxWithLoss()
        for _ in range(steps):
            loss.forward(layer.forward(x), t)
            layer.backward(loss.backward(1.0))
            layer.W -= learning_rate * layer.dW
            layer.b -= learning_rate * layer.db
        return layer


    x_blobs, t_blobs = three_blobs(points_per_class=20, seed=0)  # the training data of the loop above
    linear_blobs = train_linear(x_blobs, t_blobs)
    print(f"linear classifier on the blobs: accuracy {accuracy(linear_blobs.forward(x_blobs), t_blobs):.2f}")
    # --8<-- [end:blobs]


    # --8<-- [start:spiral]
    def train_mlp(x, t, steps=1000, learning_rate=1.0, seed=0):
        net = TwoLayerMLP(input_size=2, hidden_size=32, output_size=t.shape[1], weight_scale=0.5, seed=seed)
        for _ in range(steps):
            grads = net.gradient(x, t)
            for name in net.params:
                net.params[name] -= learning_rate * grads[name]
        return net


    x, t = spiral(points_per_class=50, classes=3, seed=0)
    linear = train_linear(x, t)
    mlp = train_mlp(x, t)
    print(f"linear classifier: accuracy {accuracy(linear.forward(x), t):.2f}")
    print(f"two-layer MLP:     accuracy {accuracy(mlp.predict(x), t):.2f}")
    # --8<-- [end:spiral]
