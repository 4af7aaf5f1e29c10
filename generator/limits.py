"""Input shapes that would make Markdown rendering take minutes or crash, refused up front.

Python-Markdown's inline patterns are quadratic in the number of brackets or tag openers
within one paragraph (8,000 unclosed ``[`` took 9 s, 20,000 ``<a `` about 40 s) and its
block parser recurses once per level of list or quote nesting. Real prose is nowhere near
these limits.
"""

from __future__ import annotations

import re

MAX_OPENERS_PER_PARAGRAPH = 500
MAX_NESTING = 30
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Quotes, indentation and list markers at the start of a line: each opens a level.
_LEADING = re.compile(r"^(?:[ \t]*(?:>|[-+*](?=\s)|\d{1,9}[.)](?=\s)))*[ \t]*", re.MULTILINE)
_LEVEL = re.compile(r">|[-+*](?=\s)|\d{1,9}[.)](?=\s)")


def _nesting(prefix: str) -> int:
    """Levels opened by a line's prefix: quote and list markers, and each 4 columns of indent."""
    markers = len(_LEVEL.findall(prefix))
    indent = len(_LEVEL.sub("", prefix).expandtabs(4))
    return markers + indent // 4


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _paragraph_problems(text: str) -> list[tuple[int, str]]:
    problems = []
    offset = 0
    for paragraph in _PARAGRAPH_BREAK.split(text):
        start = text.find(paragraph, offset)
        for opener in "[<":
            count = paragraph.count(opener)
            if count > MAX_OPENERS_PER_PARAGRAPH:
                problems.append(
                    (
                        _line(text, start),
                        (
                            f"a paragraph with {count} '{opener}' characters (the limit is "
                            f"{MAX_OPENERS_PER_PARAGRAPH}) would take too long to render"
                        ),
                    )
                )
        offset = start + len(paragraph)
    return problems


def render_limits(text: str) -> list[tuple[int, str]]:
    """Problems with the shape of ``text`` as ``(line, message)``; empty when it is fine."""
    problems = _paragraph_problems(text)
    for match in _LEADING.finditer(text):
        if _nesting(match.group()) > MAX_NESTING:
            message = f"nested more than {MAX_NESTING} levels deep (lists, quotes or indentation)"
            problems.append((_line(text, match.start()), message))
            break
    return problems
