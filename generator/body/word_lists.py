"""The word lists the name rules read: titles, dates, and words that describe a name.

They are data (``titles.txt``, ``dates.txt``, ``describers.txt``), so that a title or a
nationality missing from them is a one-line edit, not a change to the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("generator.body").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _groups(name: str) -> dict[str, frozenset[str]]:
    """``label: words…`` groups; an indented line continues the group above it."""
    groups: dict[str, list[str]] = {}
    label = ""
    for line in _lines(name):
        head, colon, rest = line.partition(":")
        if colon and " " not in head:
            label, line = head, rest
        groups.setdefault(label, []).extend(line.split())
    return {key: frozenset(words) for key, words in groups.items()}


@dataclass(frozen=True)
class WordLists:
    """Titles (as written), and lower-case sets of date and describing words."""

    titles: tuple[str, ...]
    months_and_weekdays: frozenset[str]
    date_words: frozenset[str]
    adjectives: frozenset[str]
    openers: frozenset[str]


def _load() -> WordLists:
    dates = _groups("dates.txt")
    describers = _groups("describers.txt")
    # Longest first, so that "Secretary of State" is tried before "Secretary".
    titles = tuple(sorted(set(_lines("titles.txt")), key=lambda t: (-len(t), t)))
    return WordLists(
        titles=titles,
        months_and_weekdays=dates["months"] | dates["weekdays"],
        date_words=dates["date-words"],
        adjectives=describers["adjectives"],
        openers=describers["openers"],
    )


WORDS = _load()
