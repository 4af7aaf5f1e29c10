"""The suggest scorer: which suggestion finds which expected name, and what is counted."""

from __future__ import annotations

import pytest

from benchmarks.suggest_score import Name, Tally, finds, normalise, score_page, surface_forms


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Barack Obama", "barack obama"),
        ("Israel's", "israel"),
        ("Israel’s", "israel"),
        ("Workers'", "workers"),
        ("the  White House", "white house"),
        ("The Kremlin", "kremlin"),
        ("U.S.", "u.s."),  # dots are spelling, not an obvious variant
        ("Theresa", "theresa"),  # "the" only as a word of its own
    ],
)
def test_normalise(raw: str, folded: str) -> None:
    assert normalise(raw) == folded


@pytest.mark.parametrize(
    ("expected", "forms"),
    [
        (Name("Barack Obama", "actor", "person"), {"barack obama", "obama"}),
        (
            Name("Ursula von der Leyen", "actor", "person"),
            {"ursula von der leyen", "leyen", "von der leyen"},
        ),
        (Name("Martin Luther King Jr.", "actor", "person"), {"martin luther king jr.", "king"}),
        (Name("Madonna", "actor", "person"), {"madonna"}),
        # Only people have surnames: "Union" does not find the African Union.
        (Name("African Union", "actor", "organisation"), {"african union"}),
        (Name("South Carolina", "location", "region"), {"south carolina"}),
    ],
)
def test_surface_forms(expected: Name, forms: set[str]) -> None:
    assert surface_forms(expected) == forms


OBAMA = Name("Barack Obama", "actor", "person")
BBC = Name("BBC", "actor", "media")
KENYA = Name("Kenya", "location", "country")


def _counts(t: Tally) -> tuple[int, int, int, dict[str, int], dict[str, int], dict[str, int]]:
    return (t.suggested, t.expected, t.matched, t.suggested_as, t.expected_of, t.typed_right)


@pytest.mark.parametrize(
    ("suggested", "matched", "typed_right", "suggested_as"),
    [
        # every name found and typed right
        (
            [Name("Obama", "actor"), Name("BBC", "actor"), Name("Kenya", "location")],
            3,
            {"actor": 2, "location": 1},
            {"actor": 2, "location": 1},
        ),
        # a country typed as an actor: found, but wrong for both sections' figures
        (
            [Name("Barack Obama", "actor"), Name("Kenya", "actor")],
            2,
            {"actor": 1, "location": 0},
            {"actor": 2, "location": 0},
        ),
        # a second suggestion for one person is a duplicate stub: not a match
        (
            [Name("Barack Obama", "actor"), Name("Obama", "actor")],
            1,
            {"actor": 1, "location": 0},
            {"actor": 2, "location": 0},
        ),
        # a name nobody expected, and a fragment of a name
        (
            [Name("Share", "actor"), Name("Barack", "actor")],
            0,
            {"actor": 0, "location": 0},
            {"actor": 2, "location": 0},
        ),
        # case and possessive do not matter
        (
            [Name("kenya's", "location"), Name("bbc", "actor")],
            2,
            {"actor": 1, "location": 1},
            {"actor": 1, "location": 1},
        ),
        ([], 0, {"actor": 0, "location": 0}, {"actor": 0, "location": 0}),
    ],
)
def test_score_page(suggested, matched, typed_right, suggested_as) -> None:
    tally = score_page([OBAMA, BBC, KENYA], suggested, "p")
    assert _counts(tally) == (
        len(suggested),
        3,
        matched,
        suggested_as,
        {"actor": 2, "location": 1},
        typed_right,
    )


def test_exact_match_is_paired_before_a_surname() -> None:
    # "Obama" may only find Michelle Obama once "Barack Obama" took Barack's entry.
    michelle = Name("Michelle Obama", "actor", "person")
    tally = score_page([OBAMA, michelle], [Name("Obama", "actor"), Name("Barack Obama", "actor")])
    assert tally.matched == 2


def test_ratios_and_sums() -> None:
    total = Tally()
    total.add(score_page([OBAMA, KENYA], [Name("Obama", "actor"), Name("Nairobi", "location")]))
    total.add(score_page([BBC], [Name("BBC", "location")]))
    assert (total.precision(), total.recall()) == (2 / 3, 2 / 3)
    assert (total.precision("actor"), total.recall("actor")) == (1.0, 0.5)
    assert (total.precision("location"), total.recall("location")) == (0.0, 0.0)
    assert Tally().precision() is None
    assert any("missed 'Kenya'" in note for note in total.notes)
    assert any("'BBC' typed location" in note for note in total.notes)


@pytest.mark.parametrize(
    ("suggested", "expected", "found"),
    [
        (Name("Obama", "actor"), OBAMA, True),
        (Name("Barack Obama", "actor", "person"), Name("Obama", "actor", "person"), True),
        (Name("Barack Obama", "actor"), Name("Obama", "actor", "organisation"), False),
        (Name("United States", "location"), Name("U.S.", "location", "country"), True),
        (Name("US", "location"), Name("United States", "location", "country"), True),
        (Name("EU", "actor"), Name("European Union", "actor", "organisation"), True),
        (Name("UN", "actor"), Name("European Union", "actor", "organisation"), False),
        (Name("Congress", "actor"), Name("US Congress", "actor", "state-body"), False),
        (Name("Kenya", "location"), Name("Kenyan", "location", "country"), False),
    ],
)
def test_finds(suggested: Name, expected: Name, found: bool) -> None:
    assert finds(suggested, expected) is found
