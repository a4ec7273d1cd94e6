"""Timing measurements for the claims the pages make about the cost of backpropagation."""
