"""Guess whether a name is an actor or a location, and what kind, from its cues.

The order of the rules is the order of trust: a title before a name says more than a
gazetteer entry ("Lloyd Austin" is no city), and a gazetteer entry more than "in X".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from generator.suggest import lexicon as lx
from generator.suggest.gazetteer import LARGE_CITY_POPULATION, Gazetteer, Place

Section = Literal["actor", "location"]
# A title or role word before a name outweighs a gazetteer ("Defense Secretary Lloyd Austin");
# an appositive or a surname used alone outweighs only a place the context does not support.
STRONG_PERSON_CUES = ("title", "role")
WEAK_PERSON_CUES = ("person", "surname")


@dataclass(frozen=True)
class Guess:
    """An actor or a location, and its kind when the evidence is clear ("" otherwise)."""

    section: Section
    kind: str = ""


def classify(name: str, cues: Counter[str], gazetteer: Gazetteer) -> Guess:
    """The best guess for ``name`` given the cues of all its mentions."""
    words = name.split()
    last = words[-1].lower()
    several = len(words) > 1
    place = gazetteer.lookup(name)
    if place and not _trusted(place, cues):
        place = None
    if any(cues[c] for c in STRONG_PERSON_CUES) and not (place and place.kind == "country"):
        return Guess("actor", "person")
    if place and place.kind == "country":
        return Guess("location", "country")
    ner = _from_ner(cues)
    if ner is not None:
        return ner
    if any(cues[c] for c in WEAK_PERSON_CUES) and not place:
        return Guess("actor", "person")
    if cues["org"]:
        return Guess("actor", "organisation")
    if place and several:  # "West Bank" is listed, so its "Bank" makes no bank of it
        return Guess("location", place.kind)
    if several and last in lx.ORG_SUFFIXES:
        return Guess("actor", "organisation")
    if cues["feature"] or (
        several and (last in lx.REGION_SUFFIXES or words[0].lower() in lx.REGION_HEADS)
    ):
        return Guess("location", "region")
    if several and last in lx.SITE_SUFFIXES:
        return Guess("location", "site")
    if place:
        return Guess("location", place.kind)
    if cues["acronym"]:
        return Guess("actor", "organisation")
    return _from_context(cues)


# Labels of the optional spaCy pipeline (see :mod:`generator.suggest.ner`).
NER_GUESSES = {
    "ner-person": Guess("actor", "person"),
    "ner-org": Guess("actor", "organisation"),
    "ner-gpe": Guess("location"),
    "ner-loc": Guess("location", "region"),
    "ner-fac": Guess("location", "site"),
}


def _from_ner(cues: Counter[str]) -> Guess | None:
    """The label a statistical model gave most often, if one did and no label ties it."""
    votes = sorted(((cues[c], c) for c in NER_GUESSES if cues[c]), reverse=True)
    if not votes or (len(votes) > 1 and votes[0][0] == votes[1][0]):
        return None
    return NER_GUESSES[votes[0][1]]


def _trusted(place: Place, cues: Counter[str]) -> bool:
    """Whether the text reads a gazetteer's city as that city ("the Dáil" is no town)."""
    if place.kind != "city":
        return True
    place_votes = cues["prep"] + cues["weak-prep"] + cues["geo"]
    actor_votes = cues["the"] + cues["speaks"]
    if place.population >= LARGE_CITY_POPULATION:
        return cues["the"] <= place_votes
    return place_votes > actor_votes


def _from_context(cues: Counter[str]) -> Guess:
    """Weigh "in X" and "northern X" against "the X" and "X said"."""
    if cues["geo"]:
        return Guess("location")
    place_votes = cues["prep"] + cues["weak-prep"] / 2
    if cues["the"] > place_votes:
        # People never take "the"; organisations often do ("the Kremlin", "the Houthis").
        return Guess("actor", "organisation")
    # "officials in Qamishli said": the speaker is seldom the place after "in", but
    # "analysts at Morgan Stanley warned" is a firm.
    # "Facebook's" and "Mojang's": an unknown name that owns things is seldom a place.
    if place_votes and place_votes >= cues["speaks"] + cues["poss"]:
        return Guess("location")
    return Guess("actor")


def compatible(short: Guess, long: Guess) -> bool:
    """Whether a shorter name may be another way of naming the longer one."""
    if short.section != long.section:
        return False
    return not short.kind or not long.kind or short.kind == long.kind


def stub_kind(name: str, guess: Guess) -> str:
    """A kind a glossary stub can start with when the guess has none."""
    if guess.kind:
        return guess.kind
    if guess.section == "actor":
        return "person" if len(name.split()) > 1 else "organisation"
    return "city" if len(name.split()) == 1 else "region"
