"""Ordinary English words that are also names (``common_words.txt``).

A single-word alias that is one of them ("Chad", "May", "Hope") also reads as the word
itself, above all where a sentence opens and every word is capitalised.
"""

from __future__ import annotations

from importlib import resources


def _load() -> frozenset[str]:
    text = resources.files("generator.content").joinpath("common_words.txt").read_text()
    return frozenset(
        word for line in text.splitlines() if not line.startswith("#") for word in line.split()
    )


COMMON_WORDS = _load()


def is_common_word_alias(alias: str) -> bool:
    """True for a one-word alias that is also an ordinary word; capitals ("US") are not."""
    return " " not in alias and alias.casefold() in COMMON_WORDS and not alias.isupper()
