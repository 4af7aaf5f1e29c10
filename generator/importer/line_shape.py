"""What one line of pasted text looks like, as numbers: words, sentence shape, case, symbols.

These measures feed the fitted line scores (:mod:`.line_features`, :mod:`.headline`); each
is a plain function of the text, so a score can be explained line by line.
"""

from __future__ import annotations

import math
import re

from generator.importer.layout import ends_sentence

# Common function words of the languages pasted pages arrive in (English, French, Spanish,
# German): prose is dense with them, menus, headlines-as-links and names are not.
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "not",
        "no",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "as",
        "if",
        "than",
        "then",
        "so",
        "such",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "who",
        "which",
        "what",
        "when",
        "where",
        "how",
        "there",
        "here",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "do",
        "does",
        "did",
        "said",
        "says",
        "also",
        "into",
        "about",
        "after",
        "before",
        "over",
        "more",
        "most",
        "le",
        "la",
        "les",
        "de",
        "des",
        "du",
        "un",
        "une",
        "et",
        "en",
        "est",
        "que",
        "qui",
        "dans",
        "pour",
        "par",
        "sur",
        "au",
        "aux",
        "pas",
        "ne",
        "se",
        "ce",
        "il",
        "elle",
        "ils",
        "sont",
        "ont",
        "été",
        "avec",
        "plus",
        "son",
        "sa",
        "ses",
        "leur",
        "mais",
        "ou",
        "el",
        "los",
        "las",
        "del",
        "y",
        "que",
        "en",
        "un",
        "una",
        "por",
        "con",
        "para",
        "es",
        "se",
        "su",
        "al",
        "lo",
        "como",
        "más",
        "pero",
        "sus",
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "ein",
        "eine",
        "zu",
        "den",
        "mit",
        "von",
        "auf",
        "für",
        "im",
        "dem",
        "sich",
        "des",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_MARKUP = re.compile(r"[<>{}|@#=\\/]|https?:|www\.|\.com\b")
_OPENING_QUOTES = "“\"‘'«"


def words(text: str) -> list[str]:
    """The text's whitespace-separated words."""
    return text.split()


def log_words(text: str) -> float:
    """log(1 + number of words): long prose and one-word labels on one scale."""
    return math.log1p(len(text.split()))


def is_prose(text: str) -> bool:
    """A line that reads as running text: a sentence of six words or more, or a long one."""
    count = len(text.split())
    return (count >= 6 and ends_sentence(text) and not text.rstrip().endswith(",")) or count >= 25


def starts_like_sentence(text: str) -> bool:
    """Opens with a capital, a digit or an opening quote."""
    first = text.lstrip()[:1]
    return first.isupper() or first.isdigit() or (first != "" and first in _OPENING_QUOTES)


def stop_share(text: str) -> float:
    """Share of the words that are function words ("the", "of", "de", "und")."""
    found = [w.strip(".,;:!?\"'“”‘’()").lower() for w in text.split()]
    return sum(w in _STOP_WORDS for w in found) / len(found) if found else 0.0


def capital_share(text: str) -> float:
    """Share of the words that start with a capital letter (title case, menus, names)."""
    found = _WORD.findall(text)
    return sum(w[0].isupper() for w in found) / len(found) if found else 0.0


def symbol_share(text: str) -> float:
    """Share of the non-space characters that are digits or punctuation."""
    chars = [c for c in text if not c.isspace()]
    return sum(not c.isalpha() for c in chars) / len(chars) if chars else 0.0


def has_markup(text: str) -> bool:
    """Carries characters of code, addresses or handles: ``<``, ``|``, ``@``, ``http``."""
    return bool(_MARKUP.search(text))


def fold(text: str) -> str:
    """The line as compared for repetition: case and punctuation ignored."""
    return re.sub(r"\W+", "", text.casefold())
