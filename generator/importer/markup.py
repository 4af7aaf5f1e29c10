"""Markdown output: escape plain text only where Markdown would read it as markup.

Prose is kept character for character; a backslash appears only before a character that
would otherwise start a heading, a list, a quote, emphasis, code or a link.
"""

from __future__ import annotations

import re

# Characters Python-Markdown lets a backslash escape.
_ESCAPABLE = r"\\`*_{}\[\]()#+\-.!>"
_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\\(?=[{_ESCAPABLE}])"), r"\\\\"),
    (re.compile(r"([`*])"), r"\\\1"),
    # Underscores inside a word never emphasise (snake_case); at a word's edge they can.
    (re.compile(r"(?<!\w)_|_(?!\w)"), r"\\_"),
    # Brackets only matter when they could make a link, an image or a reference.
    (re.compile(r"\[([^\[\]]*)\](?=[(\[:])"), r"\\[\1\\]"),
    (re.compile(r"&(?=#?\w+;)"), "&amp;"),
    (re.compile(r"<(?=[A-Za-z/!?])"), "&lt;"),
    (re.compile(r"\{(?=[:.#])"), r"\\{"),
)
_LINE_START_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(#|>|!!!)"), r"\\\1"),
    (re.compile(r"^([-+*])(?=\s|$)"), r"\\\1"),
    (re.compile(r"^(\d+)([.)])(?=\s|$)"), r"\1\\\2"),
    (re.compile(r"^([=-])(?=[=-]*\s*$)"), r"\\\1"),
)


def escape_inline(text: str) -> str:
    """Escape characters that would turn plain text into inline markup."""
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    return text


def escape_line_start(line: str) -> str:
    """Escape a line's first character when it would start a heading, list, quote or rule."""
    for pattern, replacement in _LINE_START_RULES:
        line = pattern.sub(replacement, line, count=1)
    return line


def paragraph_markdown(md: str) -> str:
    """Inline Markdown (text already escaped) made safe at the start of each of its lines."""
    return "\n".join(escape_line_start(line) for line in md.split("\n"))


def paragraph(text: str) -> str:
    """Plain text as a Markdown paragraph."""
    return paragraph_markdown(escape_inline(text))


def heading(text: str, level: int) -> str:
    """An ATX heading (``##`` at least: the article title is the page's only ``#``)."""
    content = escape_inline(" ".join(text.split()))
    # A trailing run of "#" would be read as the heading's closing sequence.
    content = re.sub(r"(\s)(#+)$", lambda m: m.group(1) + "\\" + m.group(2), content)
    return "#" * min(max(level, 2), 6) + " " + content


def list_block(items: list[str], *, ordered: bool = False, start: int = 1) -> str:
    """A Markdown list from items that are already Markdown (nested lines pre-indented)."""
    lines = []
    for number, item in enumerate(items, start=start):
        marker = f"{number}." if ordered else "-"
        first, *rest = item.split("\n")
        pad = " " * 4
        lines.append(f"{marker} {escape_line_start(first)}")
        lines.extend(pad + line if line else "" for line in rest)
    return "\n".join(lines)


def quote(markdown: str) -> str:
    """Markdown as a block quote."""
    return "\n".join(("> " + line) if line else ">" for line in markdown.split("\n"))


def table(rows: list[list[str]]) -> str:
    """A pipe table from plain-text cells; the first row is the header."""
    width = max(len(row) for row in rows)
    cells = [
        [escape_inline(cell).replace("|", "\\|") for cell in row] + [""] * (width - len(row))
        for row in rows
    ]
    lines = ["| " + " | ".join(row) + " |" for row in cells]
    lines.insert(1, "|" + " --- |" * width)
    return "\n".join(lines)
