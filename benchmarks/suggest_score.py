"""How well ``explainer suggest`` found the names a person listed for one article.

Pure functions over plain values, table-tested in ``tests/test_suggest_score.py``.

The matching rule: a suggestion finds an expected name when it equals the name or one of
the name's obvious surface forms, compared case-insensitively, with a possessive ("'s")
and a leading "the" dropped and whitespace collapsed. A person named in full may also be
found by the surname alone ("Obama" for "Barack Obama"; "von der Leyen" for "Ursula von
der Leyen"), and a surname expected alone by the person's full name (an entry is named in
full). An acronym and its expansion find each other ("U.S." and "United States": one
glossary entry with both aliases). Exact matches are paired first, then surface forms;
each expected name is found at most once, so a second suggestion for it (a duplicate
stub) counts against precision. The type (actor or location) counts as right only for a
matched name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

SECTIONS = ("actor", "location")
# Words after a surname that are not the surname: "Martin Luther King Jr."
_SUFFIXES = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv"))
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})
_POSSESSIVE = re.compile(r"'s?$")


@dataclass(frozen=True)
class Name:
    """A name and its section ("actor" or "location"); ``kind`` as the answer file says."""

    name: str
    section: str
    kind: str = ""


@dataclass
class Tally:
    """Counts over one or more pages; ``notes`` says what went wrong, for reading."""

    suggested: int = 0
    expected: int = 0
    matched: int = 0
    suggested_as: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECTIONS, 0))
    expected_of: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECTIONS, 0))
    typed_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECTIONS, 0))
    notes: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        """Add another tally's counts (and notes) to this one."""
        self.suggested += other.suggested
        self.expected += other.expected
        self.matched += other.matched
        for section in SECTIONS:
            self.suggested_as[section] += other.suggested_as[section]
            self.expected_of[section] += other.expected_of[section]
            self.typed_right[section] += other.typed_right[section]
        self.notes += other.notes

    def precision(self, section: str | None = None) -> float | None:
        """Right suggestions over all suggestions (of one section: typed right too)."""
        if section is None:
            return _ratio(self.matched, self.suggested)
        return _ratio(self.typed_right[section], self.suggested_as[section])

    def recall(self, section: str | None = None) -> float | None:
        """Expected names found over all expected names (of one section: typed right too)."""
        if section is None:
            return _ratio(self.matched, self.expected)
        return _ratio(self.typed_right[section], self.expected_of[section])


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def normalise(name: str) -> str:
    """The comparison form: case folded, possessive and leading "the" dropped."""
    text = " ".join(name.translate(_APOSTROPHES).split()).casefold()
    text = _POSSESSIVE.sub("", text)
    return text.removeprefix("the ")


def surface_forms(expected: Name) -> set[str]:
    """The normalised forms that find ``expected``: its name, and a person's surname."""
    forms = {normalise(expected.name)}
    words = expected.name.split()
    while len(words) > 2 and words[-1].casefold() in _SUFFIXES:
        words = words[:-1]
    if expected.kind == "person" and len(words) > 1:
        forms.add(normalise(words[-1]))
        # "Ursula von der Leyen": the surname starts at the first lower-case particle.
        particle = next((i for i, w in enumerate(words[1:], 1) if w[:1].islower()), None)
        if particle is not None:
            forms.add(normalise(" ".join(words[particle:])))
    return forms


def _initials(name: str) -> str:
    words = name.split()
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) > 1 else ""


def _acronym(name: str) -> str:
    letters = name.replace(".", "")
    return letters if len(letters) > 1 and letters.isupper() and letters.isalpha() else ""


def finds(suggested: Name, expected: Name) -> bool:
    """Whether ``suggested`` is ``expected`` under the matching rule (see the module)."""
    key = normalise(suggested.name)
    if key in surface_forms(expected):
        return True
    one_word = len(expected.name.split()) == 1
    if expected.kind == "person" and one_word and len(suggested.name.split()) > 1:
        return normalise(suggested.name.split()[-1]) == normalise(expected.name)
    pair = (_acronym(suggested.name), _initials(expected.name))
    other = (_acronym(expected.name), _initials(suggested.name))
    return any(a and a == b for a, b in (pair, other))


def score_page(expected: Iterable[Name], suggested: Iterable[Name], page: str = "") -> Tally:
    """Pair one page's suggestions with its expected names and count the result."""
    expected, suggested = list(expected), list(suggested)
    tally = Tally(suggested=len(suggested), expected=len(expected))
    for name in expected:
        tally.expected_of[name.section] += 1
    for name in suggested:
        tally.suggested_as[name.section] += 1
    found: dict[int, Name] = {}  # expected index -> the suggestion that found it
    left = list(range(len(suggested)))
    exact = [normalise(e.name) for e in expected]
    passes = (
        lambda i, s: exact[i] == normalise(suggested[s].name),
        lambda i, s: finds(suggested[s], expected[i]),
    )
    for accepts in passes:
        for s in list(left):
            hit = next((i for i in range(len(expected)) if i not in found and accepts(i, s)), None)
            if hit is not None:
                found[hit] = suggested[s]
                left.remove(s)
    tally.matched = len(found)
    for i, suggestion in found.items():
        if suggestion.section == expected[i].section:
            tally.typed_right[suggestion.section] += 1
        else:
            tally.notes.append(f"{page}: {suggestion.name!r} typed {suggestion.section}")
    tally.notes += [f"{page}: extra {suggested[s].name!r} ({suggested[s].section})" for s in left]
    tally.notes += [
        f"{page}: missed {e.name!r} ({e.section}/{e.kind})"
        for i, e in enumerate(expected)
        if i not in found
    ]
    return tally
