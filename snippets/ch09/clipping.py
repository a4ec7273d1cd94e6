"""Gradient clipping by global norm, in NumPy and with PyTorch's clip_grad_norm_."""

if __name__ == "__main__":
    # --8<-- [start:numpy]
    import numpy as np

    from snippets.gradient_flow import clip_by_global_norm

    rng = np.random.default_rng(0)
    grads = {"W": 4.0 * rng.standard_normal((3, 2)), "b": 4.0 * rng.standard_normal(2)}

    clipped, norm = clip_by_global_norm(grads, max_norm=1.0)
    flat = np.concatenate([g.ravel() for g in grads.values()])
    flat_clipped = np.concatenate([g.ravel() for g in clipped.values()])
    cosine = flat @ flat_clipped / (np.linalg.norm(flat) * np.linalg.norm(flat_clipped))
    print(f"norm before = {norm:.4f}, after = {np.linalg.norm(flat_clipped):.4f}")
    print(f"scale factor = {np.linalg.norm(flat_clipped) / norm:.4f}, cosine(before, after) = {cosine:.4f}")
    # --8<-- [end:numpy]

    # --8<-- [start:torch]
    import torch

    model = torch.nn.Linear(3, 2).double()  # weight (2, 3) = our W transposed, bias (2,)
    model.weight.grad = torch.from_numpy(np.ascontiguousarray(grads["W"].T))
    model.bias.grad = torch.from_numpy(grads["b"].copy())  # as if loss.backward() made them

    # In a training loop: loss.backward(), then clip, then optimizer.step().
    total = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)  # in place
    after = torch.sqrt(sum((p.grad**2).sum() for p in model.parameters()))
    print(f"torch: norm before = {total.item():.4f}, after = {after.item():.4f}")
    same = np.allclose(model.weight.grad.T.numpy(), clipped["W"]) and np.allclose(
        model.bias.grad.numpy(), clipped["b"]
    )
    print(f"same result as clip_by_global_norm: {same}")
    # --8<-- [end:torch]
