"""autograd and our hand-written backward pass give the same gradients.

The NumPy TwoLayerMLP's weights are copied into an equivalent PyTorch model in
float64; both compute the mean softmax cross-entropy on the same batch.
"""

# --8<-- [start:compare]
import numpy as np
import torch

from snippets.mlp import TwoLayerMLP

rng = np.random.default_rng(0)
x = rng.standard_normal((5, 4))
labels = rng.integers(0, 3, 5)
t = np.eye(3)[labels]  # one-hot, for the NumPy network

net = TwoLayerMLP(4, 6, 3, seed=0)

torch.manual_seed(0)
model = torch.nn.Sequential(
    torch.nn.Linear(4, 6), torch.nn.ReLU(), torch.nn.Linear(6, 3)
).double()
with torch.no_grad():  # copying weights is not part of the graph
    # nn.Linear stores its weight as (out, in) and computes x @ weight.T
    model[0].weight.copy_(torch.from_numpy(net.params["W1"].T))
    model[0].bias.copy_(torch.from_numpy(net.params["b1"]))
    model[2].weight.copy_(torch.from_numpy(net.params["W2"].T))
    model[2].bias.copy_(torch.from_numpy(net.params["b2"]))

loss = torch.nn.functional.cross_entropy(model(torch.from_numpy(x)), torch.from_numpy(labels))
loss.backward()  # fills .grad of every parameter of the model
print(f"loss: torch {loss.item():.6f}, numpy {net.loss(x, t):.6f}")
print("model[0].weight.grad has shape", tuple(model[0].weight.grad.shape))

ours = net.gradient(x, t)
theirs = {
    "W1": model[0].weight.grad.T, "b1": model[0].bias.grad,
    "W2": model[2].weight.grad.T, "b2": model[2].bias.grad,
}
for name in ("W1", "b1", "W2", "b2"):
    same = np.allclose(ours[name], theirs[name].numpy(), rtol=1e-12, atol=1e-15)
    print(f"{name}: autograd equals our backward pass: {same}")
# --8<-- [end:compare]
