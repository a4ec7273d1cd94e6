"""A short, seeded training run of TwoLayerMLP on three Gaussian blobs."""

# --8<-- [start:train]
import numpy as np

from snippets.mlp import TwoLayerMLP
from snippets.toy_data import three_blobs

x, t = three_blobs(points_per_class=20, seed=0)  # 60 points in the plane
net = TwoLayerMLP(input_size=2, hidden_size=16, output_size=3, seed=0)
learning_rate = 0.1

for step in range(101):
    if step % 20 == 0:
        accuracy = np.mean(net.predict(x).argmax(axis=1) == t.argmax(axis=1))
        print(f"step {step:3d}: loss = {net.loss(x, t):.4f}, accuracy = {accuracy:.2f}")
    grads = net.gradient(x, t)                            # backward pass
    for name in net.params:
        net.params[name] -= learning_rate * grads[name]  # in place: the layers see it
# --8<-- [end:train]
