"""Sentence boundaries in prose, for quoting the sentence that mentions an entity."""

from __future__ import annotations

import bisect
import functools
import re

# Words that end in a full stop without ending the sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "pres",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "no",
        "nos",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "est",
        "fig",
        "approx",
    ]
)
# A candidate boundary: terminal punctuation, optional closing quotes or brackets, space,
# then something that can open a sentence.
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[^\s\"“‘'(\[a-z])")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the full stop at ``end`` closes an abbreviation or an initial."""
    if text[end] != ".":
        return False
    # Only the few characters before the full stop matter; searching the whole prefix
    # would make splitting quadratic in the length of a paragraph.
    match = _WORD_BEFORE.search(text, max(0, end - 24), end)
    if match is None:
        return False
    word = match.group(1)
    # Single letters are initials ("J. Smith", "U.S.").
    return len(word) == 1 or word.lower() in _ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return ``(start, end)`` offsets, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if _is_abbreviation(text, match.start()):
            continue
        end = match.end()
        spans.append((start, len(text[start:end].rstrip()) + start))
        start = end
    if text[start:].strip():
        spans.append((start, start + len(text[start:].rstrip())))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans if e > s]


# Several entities are often first named in the same paragraph: it is split once, and the
# sentence starts are kept apart for bisection (a scan per mention made thousands of mentions
# in one paragraph quadratic).
@functools.lru_cache(maxsize=256)
def _spans(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    spans = tuple(sentence_spans(text))
    return spans, tuple(start for start, _ in spans)


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The ``(start, end)`` of the sentence of ``text`` that contains ``offset``."""
    spans, starts = _spans(text)
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and offset < spans[index][1]:
        return spans[index]
    return 0, len(text)


# Offsets of every paragraph break ("\n\n", overlapping ones too) of a text, computed once.
@functools.lru_cache(maxsize=64)
def _breaks(text: str) -> tuple[int, ...]:
    return tuple(match.start() for match in re.finditer(r"(?=\n\n)", text))


def paragraph_around(text: str, offset: int) -> tuple[int, int]:
    """The ``(begin, stop)`` of the paragraph of ``text`` holding ``offset``.

    ``begin`` follows the first newline of the break before (the second stays, as leading
    space); ``stop`` is where the next break starts, or the end of ``text``.
    """
    breaks = _breaks(text)
    # The last break wholly before ``offset``, and the first starting at or after it.
    before = bisect.bisect_right(breaks, offset - 2) - 1
    after = bisect.bisect_left(breaks, offset)
    begin = breaks[before] + 1 if before >= 0 else 0
    stop = breaks[after] if after < len(breaks) else len(text)
    return begin, stop


# A text is often one long segment holding many paragraphs: each is split once, and the key
# is the text itself (whose hash Python keeps) with the paragraph's bounds, not a copy.
@functools.lru_cache(maxsize=1024)
def _spans_within(text: str, begin: int, stop: int) -> tuple[tuple[int, int], ...]:
    return tuple((begin + s, begin + e) for s, e in sentence_spans(text[begin:stop]))


def sentence_within(text: str, begin: int, stop: int, offset: int) -> tuple[int, int]:
    """The sentence of ``text[begin:stop]`` holding ``offset``, as offsets in ``text``.

    The same sentence as :func:`sentence_at` on the slice; the whole slice when none holds it.
    """
    spans = _spans_within(text, begin, stop)
    index = bisect.bisect_right(spans, (offset, len(text) + 1)) - 1
    if index >= 0 and offset < spans[index][1]:
        return spans[index]
    return begin, stop
