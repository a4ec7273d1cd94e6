"""The whole learning procedure: chapter 8's run, for 200 steps."""

if __name__ == "__main__":
    from snippets.ch08.mlp_training import train

    # --8<-- [start:loop]
    net, losses = train(steps=201, report_every=None)
    print(f"loss before training: {losses[0]:.4f}")
    print(f"loss after 200 steps: {losses[200]:.4f}")
    # --8<-- [end:loop]

    # --8<-- [start:cost]
    n_params = sum(p.size for p in net.params.values())
    print(f"parameters: {n_params}")
    print(f"loss evaluations for one numerical gradient: {2 * n_params}")
    print("for backpropagation: one forward pass and one backward pass")
    # --8<-- [end:cost]
