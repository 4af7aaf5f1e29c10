"""Find entity mentions in prose by alias, in one pass over the text.

Aliases are indexed by their first word. Scanning a text visits each word once and
checks only the aliases that start with it, longest first, so the cost grows with the
length of the text, not with the number of entities.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.content.model import Entity


def _combining_marks() -> str:
    """The BMP's combining marks as a character-class body: vowel signs, niqqud, accents.

    Python's ``\\w`` leaves them out, which would split "भारतीय" after its first vowel sign
    and let an alias match inside a longer word.
    """
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


_WORD_CHARS = f"\\w{_combining_marks()}"
_WORD = re.compile(f"[{_WORD_CHARS}]+")
# Typographic and straight apostrophes are one character each, so folding them keeps offsets.
_FOLD = str.maketrans({"’": "'", "ʼ": "'"})
# How far past an alias its entry's neighbour words are looked for: the schema bounds
# their length well below this.
_NEIGHBOUR_REACH = 96


def fold_alias(alias: str) -> str:
    """The form in which aliases are compared: normalised, apostrophes folded."""
    return unicodedata.normalize("NFC", alias).translate(_FOLD)


@dataclass(frozen=True)
class Match:
    """An alias found in a text: ``text[start:end]`` (a possessive ending included).

    ``candidates`` are every entry the alias may name there (more than one when entries
    share it; see :mod:`generator.body.choice`); ``entity_id`` is the first of them.
    """

    start: int
    end: int
    entity_id: str
    alias: str
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Neighbours:
    """Words that, right after or right before an alias, say it is not the entry's name."""

    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()

    def rule_out(self, text: str, start: int, end: int) -> bool:
        """True when ``text[start:end]`` stands before or after one of the listed words."""
        after = text[end : end + _NEIGHBOUR_REACH].lstrip()
        before = text[max(0, start - _NEIGHBOUR_REACH) : start].rstrip()
        return any(
            after.startswith(word) and not _is_word_char(after, len(word))
            for word in self.not_before
        ) or any(
            before.endswith(word) and not _is_word_char(before, len(before) - len(word) - 1)
            for word in self.not_after
        )


def _is_word_char(text: str, index: int) -> bool:
    if not 0 <= index < len(text):
        return False
    char = text[index]
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def _possessive_end(text: str, end: int, alias: str) -> int:
    """Extend a match over a possessive ending: Netanyahu’s, Hamas'."""
    if text.startswith("'s", end) and not _is_word_char(text, end + 2):
        return end + 2
    if alias.endswith("s") and text.startswith("'", end) and not _is_word_char(text, end + 1):
        return end + 1
    return end


def _words_starting_with(initials: set[str]) -> re.Pattern[str]:
    """Whole words (as ``_WORD`` finds them) that start with one of ``initials``.

    Most words of prose start no alias (names are capitalised, most words are not), so the
    scan passes them over inside the regular expression engine instead of one by one.
    """
    if not initials:
        return re.compile(r"(?!)")
    first = "".join(re.escape(char) for char in sorted(initials))
    # The first letter comes before the look back ("no word character before it"), so that
    # the engine can skip ahead to candidate letters instead of trying every position.
    return re.compile(f"[{first}](?<![{_WORD_CHARS}].)[{_WORD_CHARS}]*")


class AliasMatcher:
    """Matches the aliases of a set of entities: case-sensitive, whole words, longest first."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        owners: dict[str, list[str]] = defaultdict(list)
        self._neighbours: dict[str, Neighbours] = {}
        # Each entry's country, for choosing between entries that share an alias.
        self.countries: dict[str, str] = {}
        for entity in entities:
            if entity.country:
                self.countries[entity.id] = entity.country
            if entity.not_before or entity.not_after:
                self._neighbours[entity.id] = Neighbours(entity.not_before, entity.not_after)
            for alias in dict.fromkeys(fold_alias(alias) for alias in entity.aliases):
                owners[alias].append(entity.id)
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        for key, ids in owners.items():
            first = _WORD.match(key)
            if first:
                index[first.group()].append((key, tuple(sorted(set(ids)))))
        for candidates in index.values():
            candidates.sort(key=lambda item: (-len(item[0]), item[0]))
        self._index = dict(index)
        self._words = _words_starting_with({word[0] for word in index})

    def find(self, text: str) -> list[Match]:
        """Every non-overlapping mention in ``text``, in order of appearance."""
        folded = text.translate(_FOLD) if "’" in text or "ʼ" in text else text
        matches: list[Match] = []
        covered = 0
        index = self._index
        for word in self._words.finditer(folded):
            # Most words start no alias: one dictionary lookup and on to the next.
            candidates = index.get(word.group())
            if candidates is None or word.start() < covered:
                continue
            match = self._match_at(folded, word.start(), candidates)
            if match:
                matches.append(match)
                covered = match.end
        return matches

    def _match_at(self, text: str, start: int, candidates) -> Match | None:
        for alias, entity_ids in candidates:
            end = start + len(alias)
            if text.startswith(alias, start) and not _is_word_char(text, end):
                kept = self._not_ruled_out(entity_ids, text, start, end)
                if kept:
                    # An alias ending in a full stop ("U.S.") must not swallow a following word.
                    return Match(start, _possessive_end(text, end, alias), kept[0], alias, kept)
        return None

    def _not_ruled_out(self, ids: tuple[str, ...], text: str, start: int, end: int):
        """The entries of ``ids`` whose own neighbour words do not rule this match out."""
        rules = self._neighbours
        if not rules:
            return ids
        return tuple(i for i in ids if i not in rules or not rules[i].rule_out(text, start, end))
