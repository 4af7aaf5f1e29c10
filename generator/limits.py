"""Input shapes that would make Markdown rendering take minutes or crash, refused up front.

Python-Markdown's inline patterns are quadratic in the number of brackets within one
paragraph (8,000 unclosed ``[`` took 9 s, 40 KB over a minute) and its block parser
recurses once per level of list or quote nesting. Real prose is nowhere near these limits.
"""

from __future__ import annotations

import re

MAX_BRACKETS_PER_PARAGRAPH = 500
MAX_NESTING = 30
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LEADING = re.compile(r"^((?:[ \t]*>)*)([ \t]*)", re.MULTILINE)


def _nesting(line_start: re.Match[str]) -> int:
    quotes, indent = line_start.group(1), line_start.group(2).expandtabs(4)
    return quotes.count(">") + len(indent) // 4


def render_limits(text: str) -> list[tuple[int, str]]:
    """Problems with the shape of ``text`` as ``(line, message)``; empty when it is fine."""
    problems: list[tuple[int, str]] = []
    offset = 0
    for paragraph in _PARAGRAPH_BREAK.split(text):
        brackets = paragraph.count("[")
        if brackets > MAX_BRACKETS_PER_PARAGRAPH:
            line = text.count("\n", 0, text.find(paragraph, offset)) + 1
            problems.append(
                (
                    line,
                    f"a paragraph with {brackets} '[' characters (the limit is "
                    f"{MAX_BRACKETS_PER_PARAGRAPH}) would take too long to render",
                )
            )
        offset += len(paragraph)
    for match in _LEADING.finditer(text):
        if _nesting(match) > MAX_NESTING:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(
                (line, f"nested more than {MAX_NESTING} levels deep (lists, quotes or indentation)")
            )
            break
    return problems
