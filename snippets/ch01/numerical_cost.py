"""How many loss evaluations a numerical gradient of a whole network costs.

A central difference moves one parameter at a time, up and down, so it needs
two evaluations of the loss per parameter. Backpropagation gets every partial
derivative from one forward pass and one backward pass.
"""

if __name__ == "__main__":
    # --8<-- [start:count]
    from snippets.mlp import TwoLayerMLP

    net = TwoLayerMLP(input_size=784, hidden_size=50, output_size=10, seed=0)
    n_params = sum(p.size for p in net.params.values())
    print(f"parameters: {n_params}")
    print(f"loss evaluations for a numerical gradient: {2 * n_params}")
    print("backpropagation: 1 forward pass + 1 backward pass")
    # --8<-- [end:count]
