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
