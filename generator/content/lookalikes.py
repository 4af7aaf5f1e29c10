"""Glossary entries whose names or aliases look alike: one entry written twice, or a spoof.

Two entries with the same name (ignoring case and compatibility forms) merge into one in
the search page's filters; a name or alias whose letters come from another script
("Наmas", with a Cyrillic Н and а) takes the look of an existing entry while matching
none of its mentions. Both are reported as warnings on the later file, naming the other.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from generator.content.confusables import skeleton
from generator.content.matcher import fold_alias
from generator.content.model import Entity, Problem


def _folded_name(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold()


def _same_name(entities: list[Entity]) -> list[Problem]:
    first: dict[str, Entity] = {}
    problems = []
    for entity in entities:
        other = first.setdefault(_folded_name(entity.name), entity)
        if other is not entity:
            problems.append(
                Problem(
                    entity.path,
                    "name",
                    f"{entity.name!r} is also the name of {other.path}; the search filters "
                    "would show the two as one: give each entry its own name",
                    entity.line_of("name"),
                    severity="warning",
                )
            )
    return problems


def _spellings(entity: Entity) -> list[tuple[str, str]]:
    """(field, text) for the entry's name and each alias, without repeats."""
    seen, found = set(), []
    for field, text in [("name", entity.name), *(("aliases", a) for a in entity.aliases)]:
        if text not in seen:
            seen.add(text)
            found.append((field, text))
    return found


def _lookalike(text: str, other_text: str) -> bool:
    """Same skeleton, yet not the same alias or name (an error and a warning of their own)."""
    return fold_alias(text) != fold_alias(other_text) and _folded_name(text) != _folded_name(
        other_text
    )


def _confusable(entities: list[Entity]) -> list[Problem]:
    owners: dict[str, list[tuple[Entity, str]]] = {}
    problems = []
    for entity in entities:
        reported: set[str] = set()  # one warning for each pair of entries is enough
        for field, text in _spellings(entity):
            for other, other_text in owners.get(skeleton(text), []):
                if other is entity or other.path in reported:
                    continue
                if _lookalike(text, other_text):
                    reported.add(other.path)
                    problems.append(_confusable_problem(entity, field, text, other, other_text))
        for _, text in _spellings(entity):
            owners.setdefault(skeleton(text), []).append((entity, text))
    return problems


def _confusable_problem(entity: Entity, field: str, text: str, other: Entity, other_text: str):
    return Problem(
        entity.path,
        field,
        f"{text!r} looks like {other_text!r} of {other.path} but is written with other "
        f"characters ({_unusual(text + other_text)}); readers cannot tell the two apart",
        entity.line_of(field),
        severity="warning",
    )


def _unusual(text: str) -> str:
    """The non-ASCII characters of ``text`` by code point and name: where the two differ."""
    chars = dict.fromkeys(c for c in text if not c.isascii())
    shown = [f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in list(chars)[:4]]
    return ", ".join(shown) or "ASCII look-alikes such as rn and m"


def lookalike_problems(entities: Iterable[Entity]) -> list[Problem]:
    """Warnings for equal names and for confusable names or aliases of different entries."""
    ordered = sorted(entities, key=lambda e: e.path)
    return [*_same_name(ordered), *_confusable(ordered)]
