"""Alias matching: case-sensitive, whole words, longest first, possessives."""

from __future__ import annotations

import itertools

import pytest

from generator.content.matcher import AliasMatcher
from generator.content.model import Entity


def _entity(entity_id: str, *aliases: str) -> Entity:
    return Entity(entity_id, "actors", f"{entity_id}.md", aliases[0], "person", aliases, "s")


MATCHER = AliasMatcher(
    [
        _entity("blinken", "Antony Blinken", "Blinken"),
        _entity("netanyahu", "Benjamin Netanyahu", "Netanyahu"),
        _entity("us", "United States", "US", "U.S."),
        _entity("gaza", "Gaza"),
        _entity("gaza-strip", "Gaza Strip"),
        _entity("hamas", "Hamas"),
        _entity("israel", "Israel"),
        _entity("idf", "Israeli military"),
        _entity("tamim", "Sheikh Tamim bin Hamad Al-Thani", "Sheikh Tamim"),
        _entity("civil", "Gaza's civil defence"),
        _entity("cairo", "القاهرة"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Blinken met Netanyahu.", [("blinken", "Blinken"), ("netanyahu", "Netanyahu")]),
        ("Antony Blinken left.", [("blinken", "Antony Blinken")]),
        ("Netanyahu’s statements", [("netanyahu", "Netanyahu’s")]),
        ("Israel's army", [("israel", "Israel's")]),
        ("Hamas' leaders", [("hamas", "Hamas'")]),
        ("the US official", [("us", "US")]),
        ("let us talk", []),
        ("the U.S. official", [("us", "U.S.")]),
        ("U.S.A. is not an alias", []),
        ("Gaza Strip and Gaza", [("gaza-strip", "Gaza Strip"), ("gaza", "Gaza")]),
        ("Israeli military said", [("idf", "Israeli military")]),
        ("Israeli hostages", []),
        ("Blinkenesque prose", []),
        ("preBlinken", []),
        (
            "Emir Sheikh Tamim bin Hamad Al-Thani spoke",
            [("tamim", "Sheikh Tamim bin Hamad Al-Thani")],
        ),
        ("Sheikh Tamim spoke", [("tamim", "Sheikh Tamim")]),
        ("Gaza’s civil defence said", [("civil", "Gaza’s civil defence")]),
        ("HAMAS in capitals", []),
        ("في القاهرة اليوم", [("cairo", "القاهرة")]),
        ("", []),
    ],
)
def test_find(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(m.entity_id, text[m.start : m.end]) for m in MATCHER.find(text)]
    assert found == expected


def test_matches_never_overlap_and_are_in_order() -> None:
    text = "Antony Blinken, Blinken and Gaza Strip; Gaza Strip again. " * 50
    matches = MATCHER.find(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(matches))
    assert len(matches) == 200
