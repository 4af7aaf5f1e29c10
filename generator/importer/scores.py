"""Fitted line scores, shipped as data: ``import_weights.json`` beside this module.

Each model is a logistic regression over named features: a bias, one weight per feature
and the threshold a line must reach. ``tools/fit_import_weights.py`` writes the file from
the development pages of ``tests/import_real/``; here it is only read, in pure Python.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

WEIGHTS_FILE = "import_weights.json"


@dataclass(frozen=True)
class LineModel:
    """One logistic model: ``p = 1 / (1 + exp(-(bias + sum(weight * feature))))``."""

    bias: float
    weights: tuple[tuple[str, float], ...]
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        """The model's probability for one feature table (missing features count 0)."""
        total = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights)
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, total))))

    def accepts(self, features: dict[str, float]) -> bool:
        """True when the probability reaches the model's threshold."""
        return self.probability(features) >= self.threshold


def model_from_json(data: dict) -> LineModel:
    """A :class:`LineModel` from its JSON object (``bias``, ``weights``, ``threshold``)."""
    return LineModel(
        bias=float(data["bias"]),
        weights=tuple((str(k), float(v)) for k, v in data["weights"].items()),
        threshold=float(data["threshold"]),
    )


@cache
def shipped_model(name: str) -> LineModel:
    """The model ``name`` ("body", "title", "byline") from the shipped weights file."""
    text = resources.files("generator.importer").joinpath(WEIGHTS_FILE).read_text("utf-8")
    return model_from_json(json.loads(text)["models"][name])
