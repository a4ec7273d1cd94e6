"""PyTorch's autograd on the smallest possible graph: x -> y = x^2 -> z = 3y."""

# --8<-- [start:scalar]
import torch

x = torch.tensor(2.0, requires_grad=True)  # a leaf: autograd will fill in x.grad
y = x**2       # autograd records "square" ...
z = 3 * y      # ... and "multiply by 3"
z.backward()   # walks the recorded graph backwards: dz/dx = dz/dy * dy/dx
print(f"z = {z.item():g}, x.grad = {x.grad.item():g}")
# --8<-- [end:scalar]

# --8<-- [start:accumulate]
z = 3 * x**2   # a fresh graph for the same formula
z.backward()
print(f"after a second backward: x.grad = {x.grad.item():g}")  # added, not replaced
x.grad.zero_()  # what optimizer.zero_grad() does for every parameter
print(f"after zero_(): x.grad = {x.grad.item():g}")
# --8<-- [end:accumulate]
