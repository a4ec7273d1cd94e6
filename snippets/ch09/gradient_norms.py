"""Per-layer gradient norms of a 10-layer network, sigmoid against ReLU."""

# --8<-- [start:table]
from snippets.gradient_flow import layer_gradient_norms

shape = dict(depth=10, width=32, batch=64, seed=0)  # 10 layers of 32 units, 64 samples
sigmoid_norms = layer_gradient_norms("sigmoid", weight_std=1.0, **shape)
relu_norms = layer_gradient_norms("relu", weight_std=1.0, **shape)
he_std = (2 / 32) ** 0.5  # He initialisation: std = sqrt(2 / inputs per unit)
relu_he_norms = layer_gradient_norms("relu", weight_std=he_std, **shape)
print(f"He std = {he_std:.2f}")

print("layer   sigmoid      relu    relu (He init)")
for k, norms in enumerate(zip(sigmoid_norms, relu_norms, relu_he_norms), start=1):
    print(f"{k:5d}  " + "  ".join(f"{n:8.2e}" for n in norms))
for name, norms in [("sigmoid", sigmoid_norms), ("relu", relu_norms), ("relu He", relu_he_norms)]:
    print(f"{name:8s} first / last = {norms[0] / norms[-1]:.4f}")
# --8<-- [end:table]
