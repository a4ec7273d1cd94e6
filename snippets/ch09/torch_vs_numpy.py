"""autograd and our hand-written backward pass give the same gradients.

The NumPy TwoLayerMLP's weights are copied into its PyTorch twin in float64
(snippets/ch09/torch_twin.py); both compute the mean softmax cross-entropy on
the same batch.
"""

if __name__ == "__main__":
    # --8<-- [start:compare]
    import numpy as np
    import torch

    from snippets.ch09.torch_twin import torch_twin
    from snippets.mlp import TwoLayerMLP

    rng = np.random.default_rng(0)
    x = rng.standard_normal((5, 4))
    labels = rng.integers(0, 3, 5)
    t = np.eye(3)[labels]  # one-hot, for the NumPy network

    net = TwoLayerMLP(4, 6, 3, seed=0)

    model = torch_twin(net)  # float64, the same weights

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
