"""Invisible formatting characters (Unicode category Cf) in one-line front-matter values.

A bidi override makes a name read differently from the bytes it is made of; a
zero-width space or joiner, a word joiner, a soft hyphen or a byte-order mark makes two
names that look the same differ, so an alias stops matching or a look-alike entry
slips past review. None of them belongs in a title, name, alias or byline, with the
one exception that IDNA (RFC 5892, its CONTEXTJ rules) also makes: the zero-width
joiner and non-joiner where a script needs them to choose a letter's shape.
"""

from __future__ import annotations

import unicodedata

ZWNJ, ZWJ = "\u200c", "\u200d"
_VIRAMA = 9  # the canonical combining class of a virama (Devanagari "्", Bengali "্" …)
# Scripts whose letters join, where a non-joiner between two letters is spelling
# (Persian "می‌خواهم"). The script is read from the character's name, as Python's
# unicodedata has no script property.
_JOINING_SCRIPTS = ("ARABIC", "SYRIAC", "NKO", "MONGOLIAN", "MANDAIC")


def _joining_letter(char: str) -> bool:
    name = unicodedata.name(char, "")
    return unicodedata.category(char).startswith("L") and name.startswith(_JOINING_SCRIPTS)


def _letter_beside(text: str, index: int, step: int) -> str:
    """The nearest character from ``index`` in direction ``step``, past combining marks."""
    index += step
    while 0 <= index < len(text) and unicodedata.category(text[index]) == "Mn":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _joiner_is_spelling(text: str, index: int) -> bool:
    if index and unicodedata.combining(text[index - 1]) == _VIRAMA:
        return True
    if text[index] != ZWNJ:
        return False
    before, after = _letter_beside(text, index, -1), _letter_beside(text, index, 1)
    return bool(before and after) and _joining_letter(before) and _joining_letter(after)


def first_invisible(text: str) -> str | None:
    """The first formatting character of ``text`` that is not spelling, or None."""
    for index, char in enumerate(text):
        if unicodedata.category(char) != "Cf":
            continue
        if char in (ZWNJ, ZWJ) and _joiner_is_spelling(text, index):
            continue
        return char
    return None


def without_invisible(text: str) -> str:
    """``text`` without the formatting characters :func:`first_invisible` would report."""
    return "".join(
        char
        for index, char in enumerate(text)
        if unicodedata.category(char) != "Cf"
        or (char in (ZWNJ, ZWJ) and _joiner_is_spelling(text, index))
    )


def describe_invisible(char: str) -> str:
    """A message naming the character: code point and Unicode name."""
    name = unicodedata.name(char, "a formatting character")
    return (
        f"invisible character U+{ord(char):04X} ({name}) is not allowed: "
        "it can make a name look like another or read differently from what it says"
    )
