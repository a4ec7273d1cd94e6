"""The whole learning procedure in a dozen lines, one comment per step."""

# --8<-- [start:loop]
from snippets.mlp import TwoLayerMLP
from snippets.toy_data import three_blobs

x, t = three_blobs(points_per_class=20, seed=0)

# 1. initialise the parameters with seeded random numbers
net = TwoLayerMLP(input_size=2, hidden_size=16, output_size=3, seed=0)
learning_rate = 0.1
print(f"loss before training: {net.loss(x, t):.4f}")

for step in range(200):
    # 2. forward pass and 3. loss: both happen inside gradient(), which then
    # 4. runs the backward pass and returns dL/dparameter for every parameter
    grads = net.gradient(x, t)
    # 5. update: a small step against the gradient
    for name in net.params:
        net.params[name] -= learning_rate * grads[name]

print(f"loss after {step + 1} steps: {net.loss(x, t):.4f}")
# --8<-- [end:loop]

# --8<-- [start:cost]
n_params = sum(p.size for p in net.params.values())
print(f"parameters: {n_params}")
print(f"loss evaluations for one numerical gradient: {2 * n_params}")
print("for backpropagation: one forward pass and one backward pass")
# --8<-- [end:cost]
