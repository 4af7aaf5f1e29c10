"""Bounds on a body as a whole, for shapes whose cost adds up over many paragraphs.

Python-Markdown's block parser takes each paragraph off the front of a list, so its cost
grows as the square of their number (250,000 one-word paragraphs, 750 KB, took 34 s), and
re-reads the rest of a paragraph after each heading or rule it splits off (40,000 heading
lines in a row took 57 s). Its link pattern reads from each ``[`` to the ``]`` that closes
it, character by character in Python, or to the paragraph's end when none does: 100
paragraphs of 500 unclosed ``[`` took 11 s, though each is under the per-paragraph limit.

Real prose is far inside these bounds. The longest article in ``content/`` has 17
paragraphs and 60 lines; a long feature (15,000 words) has a few hundred paragraphs and
under 2,000 lines; the 5 MB article of the hostile-input tests, 6,946 paragraphs and 41,676
links, is the largest body the project promises to build, and the bounds leave it room.
Just under each bound a body renders in about two seconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

MAX_PARAGRAPHS = 20_000
MAX_LINES = 50_000
MAX_LINES_PER_PARAGRAPH = 500
MAX_BRACKETS = 50_000
# Characters the link pattern reads, summed over every ``[`` (to its ``]`` or the end).
MAX_BRACKET_READING = 2_000_000
# An escaped character, or a bracket.
_BRACKET = re.compile(r"\\.|[\[\]]", re.DOTALL)
# A problem as (line in the body, message); a paragraph as (offset, text).
Located = tuple[int, str]
Paragraph = tuple[int, str]


def _bracket_reading(paragraph: str) -> int:
    """How many characters the link pattern reads in ``paragraph``, summed over its ``[``."""
    opened: list[int] = []
    reading = 0
    for match in _BRACKET.finditer(paragraph):
        bracket = match.group()
        if bracket == "[":
            opened.append(match.start())
        elif bracket == "]" and opened:
            reading += match.start() - opened.pop()
    return reading + sum(len(paragraph) - start for start in opened)


def _bracket_problems(
    text: str, paragraphs: list[Paragraph], line_of: Callable[[int], int]
) -> list[Located]:
    count = text.count("[")
    if count > MAX_BRACKETS:
        message = (
            f"{count} '[' characters in one body (the limit is {MAX_BRACKETS}) would take "
            "too long to render"
        )
        return [(line_of(paragraphs[0][0]), message)]
    reading = 0
    for start, paragraph in paragraphs:
        if "[" in paragraph:
            reading += _bracket_reading(paragraph)
        if reading > MAX_BRACKET_READING:
            message = (
                "too many '[' without a closing ']' would take too long to render; "
                "write \\[ for a bracket that opens no link"
            )
            return [(line_of(start), message)]
    return []


def _paragraph_problems(
    paragraphs: list[Paragraph], line_of: Callable[[int], int]
) -> list[Located]:
    problems = []
    if len(paragraphs) > MAX_PARAGRAPHS:
        message = (
            f"{len(paragraphs)} paragraphs (the limit is {MAX_PARAGRAPHS}) would take too "
            "long to render; split the article"
        )
        problems.append((line_of(paragraphs[MAX_PARAGRAPHS][0]), message))
    for start, paragraph in paragraphs:
        if paragraph.count("\n") >= MAX_LINES_PER_PARAGRAPH:
            message = (
                f"a paragraph of more than {MAX_LINES_PER_PARAGRAPH} lines would take too "
                "long to render; separate its parts with blank lines"
            )
            problems.append((line_of(start), message))
            break
    return problems


def body_limits(
    text: str, paragraphs: list[Paragraph], line_of: Callable[[int], int]
) -> list[Located]:
    """Problems with the size of ``text`` as a whole; ``paragraphs`` are its (offset, text)."""
    problems = _paragraph_problems(paragraphs, line_of)
    line_count = text.count("\n") + 1
    if line_count > MAX_LINES:
        message = f"{line_count} lines (the limit is {MAX_LINES}) would take too long to render"
        problems.append((MAX_LINES + 1, message))
    return problems + _bracket_problems(text, paragraphs, line_of)
