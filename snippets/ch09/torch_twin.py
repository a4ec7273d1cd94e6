"""TwoLayerMLP's twin in PyTorch: the same layers, starting from the same weights.

Chapter 9 compares the two networks' gradients with it, and the benchmark
times the two with it. PyTorch is optional: without it the module still
imports, and calling torch_twin says how to install it.
"""

from importlib.util import find_spec

if find_spec("torch") is None:

    def torch_twin(net, dtype=None):
        raise ModuleNotFoundError(
            "torch_twin needs PyTorch; its CPU build installs with "
            "pip install torch --index-url https://download.pytorch.org/whl/cpu"
        )

else:
    # --8<-- [start:twin]
    import torch


    def torch_twin(net, dtype=torch.float64):
        """An nn.Sequential computing what `net` (a TwoLayerMLP) computes."""
        n_in, n_hidden = net.params["W1"].shape
        n_out = net.params["W2"].shape[1]
        model = torch.nn.Sequential(
            torch.nn.Linear(n_in, n_hidden), torch.nn.ReLU(), torch.nn.Linear(n_hidden, n_out)
        ).to(dtype)
        with torch.no_grad():  # copying weights is not part of the graph
            # nn.Linear stores its weight as (out, in) and computes x @ weight.T
            model[0].weight.copy_(torch.from_numpy(net.params["W1"].T))
            model[0].bias.copy_(torch.from_numpy(net.params["b1"]))
            model[2].weight.copy_(torch.from_numpy(net.params["W2"].T))
            model[2].bias.copy_(torch.from_numpy(net.params["b2"]))
        return model
    # --8<-- [end:twin]
