"""The multiply and add nodes of a computational graph as layers.

Either operand may be a plain number (a price times a tax factor of 1.1); its
gradient is then summed back to a number, since one value fed every element.
"""

# --8<-- [start:imports]
import numpy as np
from numpy.typing import ArrayLike

from snippets.broadcasting import sum_to_shape
from snippets.validation import as_operands, as_upstream_gradient, require_forward_first
# --8<-- [end:imports]


# --8<-- [start:mul_layer]
class MulLayer:
    """z = x * y, (N, D) and (N, D) -> (N, D), or one of them a number ().

    Backward swaps the inputs, so forward must remember them.
    """

    def __init__(self) -> None:
        self.x = None
        self.y = None

    def forward(self, x: ArrayLike, y: ArrayLike) -> np.ndarray:
        """x: (N, D), y: (N, D) or () -> z: (N, D)."""
        self.x, self.y = as_operands(x, y)
        return self.x * self.y

    def backward(self, dout: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        """dout: (N, D) -> (dx, dy), each shaped like its input (a number's gradient has shape ())."""
        require_forward_first(self.x, "MulLayer")
        dout = as_upstream_gradient(dout, np.broadcast_shapes(self.x.shape, self.y.shape))
        # dz/dx = y and dz/dy = x; a plain number met every element, so its gradient is their sum
        dx = sum_to_shape(dout * self.y, self.x.shape)
        dy = sum_to_shape(dout * self.x, self.y.shape)
        return dx, dy
# --8<-- [end:mul_layer]


# --8<-- [start:add_layer]
class AddLayer:
    """z = x + y, (N, D) and (N, D) -> (N, D), or one of them a number ().

    Both local derivatives are 1: only the shapes are remembered.
    """

    def __init__(self) -> None:
        self.shapes = None

    def forward(self, x: ArrayLike, y: ArrayLike) -> np.ndarray:
        """x: (N, D), y: (N, D) or () -> z: (N, D)."""
        x, y = as_operands(x, y)
        self.shapes = (x.shape, y.shape)
        return x + y

    def backward(self, dout: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        """dout: (N, D) -> (dx, dy), each shaped like its input (a number's gradient has shape ())."""
        require_forward_first(self.shapes, "AddLayer")
        x_shape, y_shape = self.shapes
        dout = as_upstream_gradient(dout, np.broadcast_shapes(x_shape, y_shape))
        return sum_to_shape(dout, x_shape), sum_to_shape(dout, y_shape)
# --8<-- [end:add_layer]
