"""Markdown to prose for name finding: markup blanked out, every offset kept.

Blanking (replacing markup with spaces) rather than removing it keeps offsets equal to
the source's, so a sentence quoted as an example is the sentence the contributor wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Small words that only Title Case capitalises inside a line.
_SMALL_WORDS = frozenset(
    (
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "nor",
        "for",
        "of",
        "in",
        "on",
        "at",
        "to",
        "by",
        "with",
        "from",
        "after",
        "over",
        "into",
        "about",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "amid",
        "against",
        "before",
        "during",
        "without",
        "under",
        "between",
        "says",
        "say",
        "it",
        "its",
        "his",
        "her",
        "their",
        "this",
        "that",
    )
)

_FENCED = re.compile(r"^[ \t]*(```|~~~)[^\n]*\n.*?^[ \t]*\1[^\n]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)|\]\[[^\]\n]*\]|\[\^[^\]\n]*\]")
_HTML = re.compile(r"<[^>\n]*>|&[a-z]+;|&#\d+;")
_URL = re.compile(r"https?://\S+")
_LINE_MARKER = re.compile(r"^[ \t]{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])(?=[ \t])", re.MULTILINE)
_EMPHASIS = re.compile(r"(?<!\w)[*_~]+(?=\S)|(?<=\S)[*_~]+(?!\w)")
_BRACKET = re.compile(r"\[")
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
# Words are runs of letters and digits, joined by hyphens, apostrophes, "&" or a dot
# ("Al-Thani", "O'Brien", "AT&T"); "U.S." is one word.
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[-'’&.]\w+)*|&")


def _blank(match: re.Match[str]) -> str:
    """Spaces for the matched markup, newlines kept so that lines stay lines."""
    return re.sub(r"[^\n]", " ", match.group())


def plain_text(markdown: str) -> str:
    """``markdown`` with code, images, link targets, HTML and markup replaced by spaces."""
    text = markdown
    for pattern in (
        _FENCED,
        _INLINE_CODE,
        _IMAGE,
        _LINK_TARGET,
        _HTML,
        _URL,
        _LINE_MARKER,
        _EMPHASIS,
        _BRACKET,
    ):
        text = pattern.sub(_blank, text)
    return text


@dataclass(frozen=True)
class Block:
    """A paragraph or heading of prose: ``text[start:end]``, and whether it is in Title Case."""

    start: int
    end: int
    headline: bool


def is_title_case(text: str) -> bool:
    """True for Headline Style Text, where capitals say nothing about names.

    A sentence full of names ("He met President Emmanuel Macron in El Alamein") is not
    one: a headline also capitalises its small words ("After", "With", "The").
    """
    words = TOKEN.findall(text)
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    if len(long_words) < 4:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    small_capitalised = any(w.lower() in _SMALL_WORDS and w[0].isupper() for w in words[1:])
    return small_capitalised and capitalised >= 0.75 * len(long_words)


def is_subheading(text: str) -> bool:
    """A short single line without a full stop: a subheading, whose capitals mean nothing."""
    line = text.strip()
    return "\n" not in line and len(line.split()) <= 8 and not line.endswith((".", "!", "?", ":"))


def blocks(text: str) -> Iterator[Block]:
    """The paragraphs of ``text`` (separated by blank lines), each headings line on its own."""
    start = 0
    for match in [*_BLOCK_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        if piece.strip():
            yield Block(start, end, is_title_case(piece) or is_subheading(piece))
        if match:
            start = match.end()


def lower_case_words(texts: list[str]) -> frozenset[str]:
    """Every word written in lower case somewhere: such words are ordinary, not names."""
    return frozenset(w for text in texts for w in TOKEN.findall(text) if w[0].islower())
