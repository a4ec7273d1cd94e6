"""PyTorch's autograd on the smallest possible graphs: what .grad holds and when it is cleared."""

if __name__ == "__main__":
    # --8<-- [start:scalar]
    import torch

    x = torch.tensor(2.0, requires_grad=True)  # a leaf: autograd will fill in x.grad
    y = x**2       # autograd records "square" ...
    z = 3 * y      # ... and "multiply by 3"
    z.backward()   # walks the recorded graph backwards: dz/dx = dz/dy * dy/dx
    print(f"z = {z.item():g}, x.grad = {x.grad.item():g}")
    # --8<-- [end:scalar]

    # --8<-- [start:branches]
    u = torch.tensor(2.0, requires_grad=True)
    v = u * 3 + u * 4  # u feeds two branches
    v.backward()       # one backward call adds the branches' gradients: 3 + 4
    print(f"one backward through two branches: u.grad = {u.grad.item():g}")
    # --8<-- [end:branches]

    # --8<-- [start:accumulate]
    z = 3 * x**2   # a fresh graph for the same formula
    z.backward()   # a second backward call adds to x.grad instead of replacing it
    print(f"after a second backward: x.grad = {x.grad.item():g}")

    optimizer = torch.optim.SGD([x], lr=0.1)
    optimizer.zero_grad()  # since PyTorch 2.0 this sets .grad to None (set_to_none=True)
    print(f"after optimizer.zero_grad(): x.grad = {x.grad}")
    # --8<-- [end:accumulate]

    # --8<-- [start:retain_graph]
    z = 3 * x**2
    z.backward(retain_graph=True)  # keep the saved values for another backward
    z.backward()                   # allowed; without retain_graph this call raises RuntimeError
    print(f"two backward calls on one graph: x.grad = {x.grad.item():g}")
    try:
        z.backward()  # the second call freed the saved values
    except RuntimeError:
        print("a third call fails: the graph's saved values are gone")
    # --8<-- [end:retain_graph]

    # --8<-- [start:no_grad]
    with torch.no_grad():  # nothing inside is recorded: no graph, no saved values
        x -= 0.05 * x.grad  # an update step must not become part of the next graph
        y = x**2
    print(f"x = {x.item():g}, y.requires_grad = {y.requires_grad}")
    # --8<-- [end:no_grad]

    # --8<-- [start:detach]
    x.grad = None
    w = x * x.detach()  # the second factor is treated as a constant
    w.backward()        # only the first branch carries a gradient: dw/dx = x
    print(f"x = {x.item():g}, x.grad = {x.grad.item():g} (not 2x = {2 * x.item():g})")
    # --8<-- [end:detach]
