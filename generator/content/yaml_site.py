"""Where a YAML error stands: its marks, and the front-matter lines around them."""

from __future__ import annotations

import re
from dataclasses import dataclass

# ``key:`` (or ``- key:``) at the start of a line, then a space or the line's end.
KEY = re.compile(r"^\s*(?:-\s+)?(?P<key>[^\s#:'\"\[\]{}][^#:]*?)\s*:(?:\s|$)")
COLON_NO_SPACE = re.compile(r"^\s*(?P<key>[A-Za-z_][\w-]*):(?=\S)")
QUOTES = "\"'"


@dataclass(frozen=True)
class Explained:
    """A YAML mistake: 0-based line and column in the front-matter block, and what to do."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class ErrorSite:
    """A YAML error's words, its marks as 0-based (line, column), and the block's lines."""

    words: str
    problem: tuple[int, int]
    context: tuple[int, int] | None
    lines: tuple[str, ...]
    first_line: int  # the file line of the block's line 0, for messages naming lines

    def char(self, line: int, column: int) -> str:
        """The character at ``line``, ``column``, or "" past the text."""
        text = self.lines[line] if 0 <= line < len(self.lines) else ""
        return text[column] if 0 <= column < len(text) else ""

    def text(self, line: int) -> str:
        """Line ``line`` of the block, or "" past its end."""
        return self.lines[line] if 0 <= line < len(self.lines) else ""

    def file_line(self, line: int) -> int:
        """The file line of block line ``line``."""
        return line + self.first_line

    def key_on(self, line: int, before: int) -> str | None:
        """The key whose value starts on ``line`` before column ``before``, if any."""
        match = KEY.match(self.text(line)[:before])
        return match.group("key") if match else None

    def previous(self, line: int) -> int | None:
        """The nearest line above ``line`` that holds something other than a comment."""
        for index in range(line - 1, -1, -1):
            stripped = self.text(index).strip()
            if stripped and not stripped.startswith("#"):
                return index
        return None


def indent(text: str) -> int:
    """How many spaces ``text`` starts with."""
    return len(text) - len(text.lstrip(" "))
