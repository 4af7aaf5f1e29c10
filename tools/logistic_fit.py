"""A small L2-regularised logistic regression, fitted by Newton's method, in pure Python.

Enough for a few thousand lines and twenty features; no numpy, so fitting the importer's
weights needs nothing beyond the project itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Fitted:
    """A fitted model: the bias and one weight per named feature."""

    bias: float
    weights: dict[str, float]

    def probability(self, row: dict[str, float]) -> float:
        """The model's probability for one feature table."""
        total = self.bias + sum(w * row.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, total))))


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Solve ``matrix @ x = vector`` by Gaussian elimination with partial pivoting."""
    size = len(vector)
    rows = [[*matrix[i], vector[i]] for i in range(size)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(col + 1, size):
            factor = rows[r][col] / rows[col][col]
            if factor:
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    solution = [0.0] * size
    for r in reversed(range(size)):
        known = sum(rows[r][c] * solution[c] for c in range(r + 1, size))
        solution[r] = (rows[r][size] - known) / rows[r][r]
    return solution


def fit(
    rows: list[dict[str, float]],
    labels: list[int],
    names: list[str],
    *,
    ridge: float = 1.0,
    positive_weight: float = 1.0,
    iterations: int = 12,
) -> Fitted:
    """Fit weights for ``names`` (the bias is not penalised); positives weigh
    ``positive_weight`` times a negative in the loss."""
    data = [[1.0] + [row.get(name, 0.0) for name in names] for row in rows]
    size = len(names) + 1
    beta = [0.0] * size
    for _ in range(iterations):
        gradient = [ridge * b if i else 0.0 for i, b in enumerate(beta)]
        hessian = [[ridge if i == j and i else 0.0 for j in range(size)] for i in range(size)]
        for x, y in zip(data, labels, strict=True):
            z = max(-60.0, min(60.0, sum(b * v for b, v in zip(beta, x, strict=True))))
            p = 1.0 / (1.0 + math.exp(-z))
            weight = positive_weight if y else 1.0
            residual, curvature = weight * (p - y), weight * p * (1 - p) + 1e-9
            for i in range(size):
                gradient[i] += residual * x[i]
                scaled = curvature * x[i]
                if scaled:
                    row = hessian[i]
                    for j in range(size):
                        row[j] += scaled * x[j]
        step = _solve(hessian, gradient)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return Fitted(beta[0], dict(zip(names, beta[1:], strict=True)))
