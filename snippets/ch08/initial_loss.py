"""Before any training the loss should be about ln C: small weights give near-uniform probabilities."""

if __name__ == "__main__":
    # --8<-- [start:initial_loss]
    import numpy as np

    from snippets.mlp import TwoLayerMLP
    from snippets.toy_data import three_blobs

    x, t = three_blobs(points_per_class=20, seed=0)
    classes = t.shape[1]
    net = TwoLayerMLP(input_size=2, hidden_size=16, output_size=classes, seed=0)
    print(f"first loss = {net.loss(x, t):.4f}, ln {classes} = {np.log(classes):.4f}")

    big = TwoLayerMLP(input_size=2, hidden_size=16, output_size=classes, weight_scale=10.0, seed=0)
    print(f"with weight_scale=10: first loss = {big.loss(x, t):.1f}")
    # --8<-- [end:initial_loss]
