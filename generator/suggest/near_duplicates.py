"""Names that differ only in spelling details: case, accents, hyphens, a possessive.

Aliases match case-sensitively and letter for letter, so "Philadelphi corridor" in an
article is not a mention of an entry whose alias is "Philadelphi Corridor"; and two
entries with aliases "Al-Thani" and "Al Thani" are probably one entry written twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations

from unidecode import unidecode

from generator.content.model import Entity


def _possessive(text: str) -> str:
    return re.sub(r"['’]s?\b", "", text)


def _hyphens(text: str) -> str:
    return " ".join(re.sub(r"[-‐‑–—_]", " ", text).split())


def _punctuation(text: str) -> str:
    return " ".join(re.sub(r"[.'’`ʼ]", "", text).split())


# Each step forgets one kind of difference; applied in this order they give the key.
STEPS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("case", str.casefold),
    ("accents", unidecode),
    ("possessive", _possessive),
    ("hyphens or spaces", _hyphens),
    ("punctuation", _punctuation),
    ("leading 'the'", lambda text: text[4:] if text.startswith("the ") else text),
)


def spelling_key(name: str) -> str:
    """``name`` with every difference of :data:`STEPS` forgotten."""
    for _, step in STEPS:
        name = step(name)
    return name


def _key_without(name: str, skipped: str) -> str:
    for label, step in STEPS:
        if label != skipped:
            name = step(name)
    return name


def differences(a: str, b: str) -> tuple[str, ...]:
    """The kinds of difference between two names with the same :func:`spelling_key`."""
    return tuple(label for label, _ in STEPS if _key_without(a, label) != _key_without(b, label))


@dataclass(frozen=True)
class NearDuplicate:
    """``name`` looks like ``other`` (an alias of ``other_entity``).

    ``entity`` is the id of the entry holding ``name``, or "" when ``name`` is a name found
    in articles that no alias matches.
    """

    name: str
    entity: str
    other: str
    other_entity: str
    difference: tuple[str, ...]
    articles: int = 0  # for a name found in articles: in how many


def alias_near_duplicates(entities: Iterable[Entity]) -> list[NearDuplicate]:
    """Aliases of *different* entries that differ only in spelling details."""
    by_key: dict[str, list[tuple[str, str]]] = {}
    for entity in entities:
        for alias in dict.fromkeys((entity.name, *entity.aliases)):
            by_key.setdefault(spelling_key(alias), []).append((alias, entity.id))
    found = []
    for group in by_key.values():
        for (a, a_id), (b, b_id) in combinations(sorted(set(group)), 2):
            if a_id != b_id and a != b:
                found.append(NearDuplicate(a, a_id, b, b_id, differences(a, b)))
    return sorted(found, key=lambda d: (d.entity, d.name, d.other_entity, d.other))
