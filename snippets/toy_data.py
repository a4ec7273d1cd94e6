"""A tiny, seeded classification data set, so training runs need no download.

Three Gaussian blobs in the plane, one per class, with one-hot targets.
"""

import numpy as np


def three_blobs(points_per_class: int = 20, spread: float = 0.6, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Three classes: x: (3 * points_per_class, 2) and one-hot t: (3 * points_per_class, 3)."""
    rng = np.random.default_rng(seed)
    centres = np.array([[0.0, 2.0], [-1.8, -1.0], [1.8, -1.0]])
    labels = np.repeat(np.arange(len(centres)), points_per_class)
    x = centres[labels] + spread * rng.standard_normal((labels.size, 2))
    t = np.eye(len(centres))[labels]
    return x, t


def spiral(points_per_class: int = 50, classes: int = 3, noise: float = 0.2,
           seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Interleaved spiral arms, one per class, that no straight line separates.

    x has shape (classes * points_per_class, 2) and one-hot t (classes * points_per_class, classes). Each arm
    winds once from the centre outwards; noise jitters the angle.
    """
    rng = np.random.default_rng(seed)
    radius = np.tile(np.linspace(0.05, 1.0, points_per_class), classes)
    labels = np.repeat(np.arange(classes), points_per_class)
    angle = (
        labels * 2 * np.pi / classes
        + radius * 4.0
        + noise * rng.standard_normal(labels.size)
    )
    x = np.column_stack([radius * np.sin(angle), radius * np.cos(angle)])
    t = np.eye(classes)[labels]
    return x, t
