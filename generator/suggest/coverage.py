"""Which names the glossary already has: exactly, in another spelling, or as part of an alias.

A name inside an alias ("Blinken" in "Antony Blinken") or containing one ("Gaza Strip"
around "Gaza") is not new, provided both read the same way: "Israel Katz" is a person
and the alias "Israel" a country, so the person is still suggested.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.content.model import Entity
from generator.suggest.classify import Guess
from generator.suggest.groups import Group, is_subspan
from generator.suggest.near_duplicates import NearDuplicate, differences, spelling_key


def _section(entity: Entity) -> str:
    return "actor" if entity.section == "actors" else "location"


class Glossary:
    """The aliases of every entry, indexed by spelling key and by word."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._by_key: dict[str, list[tuple[str, Entity]]] = {}
        self._by_word: dict[str, list[tuple[tuple[str, ...], Entity]]] = {}
        for entity in entities:
            for alias in dict.fromkeys((entity.name, *entity.aliases)):
                key = spelling_key(alias)
                self._by_key.setdefault(key, []).append((alias, entity))
                for word in set(key.split()):
                    self._by_word.setdefault(word, []).append((tuple(key.split()), entity))

    def near_duplicate(self, group: Group) -> NearDuplicate | None:
        """An alias that differs from one of the group's spellings only in details."""
        for form in sorted(group.forms(), key=lambda f: (f != group.name, f)):
            same_key = self._by_key.get(spelling_key(form), ())
            if any(alias == form for alias, _ in same_key):
                continue  # "US" is an alias already, though "U.S." is one too
            for alias, entity in same_key:
                return NearDuplicate(form, "", alias, entity.id, differences(form, alias))
        return None

    def covers(self, words: tuple[str, ...], guess: Guess) -> bool:
        """True when an alias contains these words, or they contain an alias, read alike."""
        for alias_words, entity in self._nearby(words):
            if alias_words == words:
                return True
            if is_subspan(words, alias_words) and (
                _section(entity) == guess.section or entity.is_state
            ):
                return True
            if is_subspan(alias_words, words) and _section(entity) == guess.section:
                return True
        return False

    def _nearby(self, words: tuple[str, ...]) -> list[tuple[tuple[str, ...], Entity]]:
        return [entry for word in dict.fromkeys(words) for entry in self._by_word.get(word, ())]
