"""The shipped keep and typing models: pure-Python inference over named features."""

from __future__ import annotations

from collections import Counter
from types import MappingProxyType

import pytest

from generator.suggest.candidates import Context
from generator.suggest.classify import Guess
from generator.suggest.features import ENGLISH_CAPITALS, capital_share, features
from generator.suggest.gazetteer import Gazetteer, Place
from generator.suggest.groups import Group, merge_variants
from generator.suggest.model import Logistic, Weights, shipped_weights
from tools.fit_suggest_weights import fit

GAZ = Gazetteer({"sudan": Place("country")}, source="test")


def group(name: str, mentions: int = 1, strong: int = 1, **cues: int) -> Group:
    found = Group(name.lower(), Counter({name: mentions}), Counter(cues), {"a.md"})
    found.mentions, found.strong_mentions, found.strong = mentions, strong, strong > 0
    return found


@pytest.mark.parametrize(
    ("weights", "table", "probability"),
    [
        ({}, {"bias": 1.0}, 0.5),
        ({"bias": 2.0, "x": -2.0}, {"bias": 1.0, "x": 1.0}, 0.5),
        ({"bias": 100.0}, {"bias": 1.0}, pytest.approx(1.0)),  # no overflow
        ({"x": 1.0}, {"bias": 1.0, "unknown": 5.0}, 0.5),  # unknown features weigh nothing
    ],
)
def test_logistic_probability(weights, table, probability):
    assert Logistic(MappingProxyType(weights)).probability(table) == probability


def test_weights_round_trip_through_json():
    weights = Weights(
        Logistic(MappingProxyType({"bias": 1.5}), 0.2), Logistic(MappingProxyType({}))
    )
    assert Weights.from_json(weights.as_json()) == weights


def test_shipped_weights_name_only_features_that_exist():
    table = features(group("Sudan"), Guess("location", "country"), Context(GAZ), 0.15)
    shipped = shipped_weights()
    for model in (shipped.keep, shipped.location):
        assert set(model.weights) <= set(table)
        assert 0 < model.threshold < 1


@pytest.mark.parametrize(
    ("texts", "low", "high"),
    [
        ([], ENGLISH_CAPITALS, ENGLISH_CAPITALS),
        (["Hamas said."], 0.15, 0.16),  # a short text barely moves the share
        (["Die Polizei Nennt Die Aktion " * 200], 0.8, 0.95),
    ],
)
def test_capital_share_is_shrunk_towards_english(texts, low, high):
    assert low <= capital_share(texts) <= high


@pytest.mark.parametrize(
    ("name", "cues", "feature", "value"),
    [
        ("Sudan", {}, "gaz_country", 1.0),
        ("World Health Organization", {}, "org_suffix", 1.0),
        ("NATO", {"acronym": 2}, "acronym_shape", 1.0),
        ("Hamas", {"speaks": 1}, "cue_speaks", 1.0),
        ("Iowa Starting Line.2", {}, "has_digit", 1.0),
    ],
)
def test_features_read_the_name_and_its_cues(name, cues, feature, value):
    table = features(group(name, **cues), Guess("actor"), Context(GAZ), 0.15)
    assert table[feature] == value


def test_fit_learns_the_sign_of_a_separating_feature():
    rows = [({"bias": 1.0, "x": 1.0}, True)] * 20 + [({"bias": 1.0, "x": 0.0}, False)] * 20
    model = fit(rows)
    assert model.weights["x"] > 1
    assert model.probability({"bias": 1.0, "x": 1.0}) > 0.5 > model.probability({"bias": 1.0})


@pytest.mark.parametrize(
    ("short", "long", "merged"),
    [
        ("Sudan", "South Sudan", False),  # a country in its own right stays apart
        ("Blinken", "Antony Blinken", True),  # a surname is a short form
    ],
)
def test_a_known_place_is_no_short_form_of_a_longer_place(short, long, merged):
    gaz = Gazetteer({"sudan": Place("country"), "south sudan": Place("country")}, source="t")
    groups = {g.key: g for g in (group(short), group(long))}
    assert (short.lower() in merge_variants(groups, gaz)) is not merged
