"""Input shapes that would make Markdown rendering take minutes or crash, refused up front.

Python-Markdown's inline patterns are quadratic in the number of brackets or tag openers
within one paragraph (8,000 unclosed ``[`` took 9 s, 20,000 ``<a `` about 40 s) and its
block parser recurses once per level of list or quote nesting. Real prose is nowhere near
these limits.

Per-paragraph limits are not enough on their own, and raw HTML costs in other ways: the
body as a whole is bounded in ``body_bounds.py``, its HTML tags in ``html_bounds.py``, and
this module gathers every bound's problems, each with the line it starts on.
"""

from __future__ import annotations

import bisect
import re

from generator.body.body_bounds import Located, Paragraph, body_limits
from generator.body.html_bounds import html_limits

MAX_OPENERS_PER_PARAGRAPH = 500
MAX_NESTING = 30
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Quotes, indentation and list markers at the start of a line: each opens a level.
_LEADING = re.compile(r"^(?:[ \t]*(?:>|[-+*](?=\s)|\d{1,9}[.)](?=\s)))*[ \t]*", re.MULTILINE)
_LEVEL = re.compile(r">|[-+*](?=\s)|\d{1,9}[.)](?=\s)")


class LineIndex:
    """Line numbers of offsets in one text, found by bisection over its line starts.

    Counting newlines from the start for every problem made reporting quadratic when a
    body has thousands of over-limit paragraphs.
    """

    def __init__(self, text: str) -> None:
        self._starts = [match.end() for match in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        """The 1-based line of ``text[offset]``."""
        return bisect.bisect_right(self._starts, offset) + 1


def _nesting(prefix: str) -> int:
    """Levels opened by a line's prefix: quote and list markers, and each 4 columns of indent."""
    markers = len(_LEVEL.findall(prefix))
    indent = len(_LEVEL.sub("", prefix).expandtabs(4))
    return markers + indent // 4


def _paragraphs(text: str) -> list[Paragraph]:
    """Each blank-line-separated paragraph of ``text`` with its offset."""
    found = []
    offset = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        found.append((offset, text[offset : match.start()]))
        offset = match.end()
    found.append((offset, text[offset:]))
    return found


def _paragraph_problems(paragraphs: list[Paragraph], lines: LineIndex) -> list[Located]:
    problems = []
    for start, paragraph in paragraphs:
        for opener in "[<":
            count = paragraph.count(opener)
            if count > MAX_OPENERS_PER_PARAGRAPH:
                message = (
                    f"a paragraph with {count} '{opener}' characters (the limit is "
                    f"{MAX_OPENERS_PER_PARAGRAPH}) would take too long to render"
                )
                problems.append((lines.line(start), message))
    return problems


def render_limits(text: str) -> list[Located]:
    """Problems with the shape of ``text`` as ``(line, message)``; empty when it is fine."""
    lines = LineIndex(text)
    paragraphs = _paragraphs(text)
    problems = _paragraph_problems(paragraphs, lines)
    problems += body_limits(text, paragraphs, lines.line)
    for match in _LEADING.finditer(text):
        if _nesting(match.group()) > MAX_NESTING:
            message = f"nested more than {MAX_NESTING} levels deep (lists, quotes or indentation)"
            problems.append((lines.line(match.start()), message))
            break
    problems += html_limits(text, lines.line)
    return problems
