"""What a found name looks like, as numbers: the input of the keep and typing models.

Each feature is a float in a small range (indicators, shares, capped logarithms), so one
weight per feature reads as "how much this says". The names of the features are the keys
of the shipped weights (:mod:`generator.suggest.model`); a feature missing from them
weighs nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from generator.suggest import lexicon as lx
from generator.suggest.candidates import Context
from generator.suggest.classify import Guess
from generator.suggest.gazetteer import LARGE_CITY_POPULATION
from generator.suggest.groups import Group
from generator.suggest.prose import TOKEN

# Cues whose presence and share among a name's mentions are features.
CUES = (
    "title",
    "role",
    "the",
    "prep",
    "weak-prep",
    "geo",
    "speaks",
    "poss",
    "person",
    "org",
    "acronym",
    "feature",
    "surname",
    "headline",
)
ENGLISH_CAPITALS = 0.15
PRIOR_WORDS = 300
_CAPPED_LOG = 3.0  # log1p of counts above ~20 adds nothing


def capital_share(texts: Iterable[str]) -> float:
    """The share of words written with a capital: about 0.15 in English prose, over 0.3 in
    German, where every noun has one; a capital says less where it is common."""
    words = [w for text in texts for w in TOKEN.findall(text) if w[0].isalpha()]
    # Shrunk towards English prose: a short article's share says little about its language.
    capitals = sum(w[0].isupper() for w in words)
    return (capitals + ENGLISH_CAPITALS * PRIOR_WORDS) / (len(words) + PRIOR_WORDS)


def _log(count: float) -> float:
    return min(math.log1p(count), _CAPPED_LOG)


def _shape(name: str) -> dict[str, float]:
    words = name.split()
    lowered = [w.lower() for w in words]
    letters = name.replace(".", "").replace("-", "")
    return {
        "one_word": float(len(words) == 1),
        "words": min(len(words), 6) / 6,
        "acronym_shape": float(letters.isalpha() and letters.isupper() and len(letters) > 1),
        "has_dot": float("." in name and not name.replace(".", "").isupper()),
        "has_digit": float(any(c.isdigit() for c in name)),
        "has_hyphen": float("-" in name),
        "inner_capital": float(
            any(c.isupper() for w in words for c in w[1:]) and not name.isupper()
        ),
        "plural": float(lowered[-1].endswith("s") and not lowered[-1].endswith("ss")),
        "org_suffix": float(len(words) > 1 and lowered[-1] in lx.ORG_SUFFIXES),
        "region_suffix": float(len(words) > 1 and lowered[-1] in lx.REGION_SUFFIXES),
        "site_suffix": float(len(words) > 1 and lowered[-1] in lx.SITE_SUFFIXES),
        "title_word": float(any(w in lx.TITLE_HEADS for w in lowered)),
        "demonym_word": float(any(w in lx.DEMONYMS for w in lowered)),
        "event_word": float(lowered[-1] in lx.EVENT_SUFFIXES),
        "particle": float(any(w in lx.NAME_PARTICLES for w in words)),
        "long_word": float(max(len(w) for w in words) > 12),
    }


def _words_in_lower_case(name: str, ctx: Context) -> dict[str, float]:
    words = [w.lower() for w in TOKEN.findall(name) if w[0].isalpha()]
    if not words:
        return {"lower_share": 0.0, "first_lower": 0.0, "last_lower": 0.0}
    seen = [w in ctx.lower_words for w in words]
    return {
        "lower_share": sum(seen) / len(seen),
        "first_lower": float(seen[0]),
        "last_lower": float(seen[-1]),
    }


def _place(name: str, ctx: Context) -> dict[str, float]:
    place = ctx.gazetteer.lookup(name)
    kind = place.kind if place else ""
    population = place.population if place and kind == "city" else 0
    return {
        "gaz_country": float(kind == "country"),
        "gaz_region": float(kind == "region"),
        "gaz_city": float(kind == "city"),
        # 0 at 15,000 people, 1 at 15 million.
        "gaz_city_size": max(0.0, math.log10(population / 15_000)) / 3 if population else 0.0,
    }


def _cues(group: Group) -> dict[str, float]:
    mentions = max(group.mentions, 1)
    features: dict[str, float] = {}
    for cue in CUES:
        count = group.cues[cue]
        features[f"cue_{cue}"] = float(count > 0)
        features[f"share_{cue}"] = min(count / mentions, 1.0)
    return features


def features(group: Group, guess: Guess, ctx: Context, capitals: float) -> dict[str, float]:
    """The features of one group of mentions; ``capitals`` is :func:`capital_share` of the
    articles it was found in (the highest), ``guess`` the rules' reading of it."""
    mentions = max(group.mentions, 1)
    opener_only = float(not group.strong)
    found = {
        "bias": 1.0,
        "mentions": _log(group.mentions),
        "articles": _log(len(group.articles) - 1),
        "strong_share": group.strong_mentions / mentions,
        "opener_only": opener_only,
        "spellings": _log(len(group.forms()) - 1),
        "capitals": capitals,
        "capitals_one_word": capitals * float(len(group.name.split()) == 1),
        "guess_location": float(guess.section == "location"),
        "guess_person": float(guess.kind == "person"),
        "guess_org": float(guess.kind == "organisation"),
        "guess_no_kind": float(not guess.kind),
    }
    found |= _shape(group.name)
    found |= _words_in_lower_case(group.name, ctx)
    found |= _place(group.name, ctx)
    found |= _cues(group)
    found["lower_opener"] = found["lower_share"] * opener_only
    found["rules_keep"] = float(_rules_keep(group, ctx))
    return found


def _rules_keep(group: Group, ctx: Context) -> bool:
    """Words seen only at the start of sentences are no names, unless known as places or
    acronyms: the hand rule that decides which groups the keep model weighs at all."""
    if group.strong or group.name.isupper():
        return True
    place = ctx.gazetteer.lookup(group.name)
    if place is None or group.name.lower() in ctx.lower_words:
        return False
    return place.kind != "city" or place.population >= LARGE_CITY_POPULATION
