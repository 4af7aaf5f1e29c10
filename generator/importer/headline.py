"""Which line of a pasted page is the headline: candidate lines above the body, scored.

A headline stands shortly before the main run of prose, is short, has no final full stop,
often repeats (the page's own header and the article's), shares words with the body, and is
followed closely by a byline or a date. Menu items, section labels and teasers for other
stories lack most of these.
"""

from __future__ import annotations

import math
import re

from generator.body.sentences import sentence_spans
from generator.importer import line_shape as shape
from generator.importer.line_features import Run
from generator.importer.model import Block

_MAX_WORDS = 40
# Headlines rarely run past this many words; standfirsts and captions often do.
_LONG_WORDS = 20
_SEPARATOR = re.compile(r"\s[|·•]\s|\s[-–—]\s")
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


def content_words(text: str) -> set[str]:
    """The words of four letters or more, lowercased: what a headline shares with its body."""
    return {w.casefold() for w in _CONTENT_WORD.findall(text)}


def _could_head(text: str) -> bool:
    """Short enough to be a headline."""
    count = len(text.split())
    return 1 <= count <= _MAX_WORDS


def title_candidates(blocks: list[Block], handled: list[bool]) -> list[int]:
    """Indices of the lines that may be the headline: short paragraphs no rule took."""
    return [
        index
        for index, block in enumerate(blocks)
        if not handled[index] and block.kind == "paragraph" and _could_head(block.text)
    ]


def headline_shaped(text: str) -> bool:
    """Four to twenty words, no final full stop: what a headline (or a teaser) looks like."""
    stripped = text.rstrip("\"'”’)")
    return 4 <= len(text.split()) <= _LONG_WORDS and not stripped.endswith((".", ":", ","))


def title_features(
    text: str,
    index: int,
    below: Run,
    share: float,
    body: set[str],
    repeated: bool,
    credit_after: bool,
    date_after: bool,
    prose_above: bool,
    closer: int,
    shaped_above: bool,
) -> dict[str, float]:
    """The feature table of the candidate headline at ``index``.

    ``below`` is the run of prose it would head and ``share`` that run's words against the
    page's longest run; ``body`` is the run's content words; ``repeated``: the page has the
    line twice; ``credit_after``, ``date_after``: a byline, a date follows closely;
    ``prose_above``: the line above is running text; ``closer``: how many other
    headline-shaped lines stand between it and the article; ``shaped_above``: the line
    above is headline-shaped too (so this one may be its dek).
    """
    own = content_words(text)
    stripped = text.rstrip("\"'”’)")
    return {
        "log_words": shape.log_words(text),
        "short": float(len(text.split()) <= 3),
        "long": float(len(text.split()) > _LONG_WORDS),
        "prose": float(shape.is_prose(text)),
        "prose_above": float(prose_above),
        "capital_share": shape.capital_share(text),
        "stop_share": shape.stop_share(text),
        "full_stop": float(stripped.endswith(".") and not stripped.endswith("...")),
        "question": float(stripped.endswith("?")),
        "sentences": float(len(sentence_spans(text)) > 1),
        "markup": float(shape.has_markup(text)),
        "separator": float(bool(_SEPARATOR.search(text))),
        "distance": math.log1p(below.start - index),
        "run_share": share,
        "closer": math.log1p(closer),
        "shaped_above": float(shaped_above),
        "overlap": len(own & body) / len(own) if own else 0.0,
        "repeated": float(repeated),
        "credit_after": float(credit_after),
        "date_after": float(date_after),
    }
