"""The shipped weights: whether a found name is kept, and whether it is a place.

Two logistic models over :mod:`generator.suggest.features`, fitted on the real-page corpus's
development pages by ``tools/fit_suggest_weights.py`` and shipped as ``weights.json``.
Inference is a weighted sum and a logistic function: no statistical library at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

WEIGHTS_FILE = "weights.json"


@dataclass(frozen=True)
class Logistic:
    """One logistic model: a weight per feature name, and the probability that says yes."""

    weights: MappingProxyType[str, float]
    threshold: float = 0.5

    def probability(self, features: dict[str, float]) -> float:
        """The model's probability for ``features`` (unknown features weigh nothing)."""
        total = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1 / (1 + math.exp(-max(min(total, 30.0), -30.0)))

    def says_yes(self, features: dict[str, float]) -> bool:
        """True when the probability reaches the threshold."""
        return self.probability(features) >= self.threshold

    def as_json(self) -> dict[str, Any]:
        """The model as written to ``weights.json``."""
        return {"threshold": self.threshold, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Logistic:
        """A model from its ``weights.json`` form."""
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return cls(MappingProxyType(weights), float(data.get("threshold", 0.5)))


@dataclass(frozen=True)
class Weights:
    """The keep model (is this a name worth an entry?) and the typing model (a place?)."""

    keep: Logistic
    location: Logistic

    def as_json(self) -> dict[str, Any]:
        """Both models as written to ``weights.json``."""
        return {"keep": self.keep.as_json(), "location": self.location.as_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Weights:
        """Both models from their ``weights.json`` form."""
        return cls(Logistic.from_json(data["keep"]), Logistic.from_json(data["location"]))


def shipped_weights() -> Weights:
    """The weights shipped in the package."""
    text = resources.files("generator.suggest").joinpath(WEIGHTS_FILE).read_text("utf-8")
    return Weights.from_json(json.loads(text))
