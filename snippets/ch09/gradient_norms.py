"""Per-layer gradient sizes of a 10-layer network: sigmoid, ReLU, ReLU with He initialisation."""

if __name__ == "__main__":
    # --8<-- [start:table]
    from snippets.gradient_flow import layer_gradient_flow

    shape = dict(depth=10, width=32, batch=64, seed=0)  # 10 layers of 32 neurons, 64 samples
    he_std = (2 / 32) ** 0.5  # He initialisation: std = sqrt(2 / inputs per unit)
    runs = {
        "sigmoid": layer_gradient_flow("sigmoid", weight_std=1.0, **shape),
        "relu": layer_gradient_flow("relu", weight_std=1.0, **shape),
        "relu He": layer_gradient_flow("relu", weight_std=he_std, **shape),  # same draws, scaled
    }
    print(f"He std = {he_std:.2f}")
    print("loss: " + ", ".join(f"{name} {run.loss:.2e}" for name, run in runs.items()))

    print("        " + "".join(f"{name:^20s}" for name in runs))
    print("layer" + "    dL/dh     dL/dW " * len(runs))
    for k in range(shape["depth"]):
        row = "".join(f"  {run.upstream[k]:8.2e}  {run.weight[k]:8.2e}" for run in runs.values())
        print(f"{k + 1:5d}{row}")
    last_hidden = shape["depth"] - 1  # layer 9; layer 10 is the linear output
    for name, run in runs.items():
        growth = run.upstream[0] / run.upstream[last_hidden - 1]  # dL/dh at layer 1 over layer 9
        per_layer = growth ** (1 / (last_hidden - 1))
        print(f"{name:8s} dL/dh layer 1 / layer 9 = {growth:.3g} ({per_layer:.2f} per layer),"
              f" dL/dW first / last = {run.weight[0] / run.weight[-1]:.4f}")
    # --8<-- [end:table]
