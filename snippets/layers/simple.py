"""The multiply and add nodes of a computational graph as layers."""

from snippets.validation import require_forward_first, require_same_shape


# --8<-- [start:mul_layer]
class MulLayer:
    """z = x * y. Backward swaps the inputs, so forward must remember them."""

    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        require_same_shape("x", x, "y", y)
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        require_forward_first(self.x, "MulLayer")
        dx = dout * self.y  # dz/dx = y
        dy = dout * self.x  # dz/dy = x
        return dx, dy
# --8<-- [end:mul_layer]


# --8<-- [start:add_layer]
class AddLayer:
    """z = x + y. Both local derivatives are 1: nothing to remember."""

    def forward(self, x, y):
        require_same_shape("x", x, "y", y)
        return x + y

    def backward(self, dout):
        return dout * 1, dout * 1
# --8<-- [end:add_layer]
