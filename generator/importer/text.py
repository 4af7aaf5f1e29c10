"""Plain text as scraped from a page: decode it and cut it into paragraph blocks.

Paragraphs are separated by blank lines, or by nothing at all; lines may be hard-wrapped.
A line continues the one before only when the wrap width explains the break.
"""

from __future__ import annotations

import contextlib
import re

from generator.importer import markup
from generator.importer.model import Block

_BULLET = re.compile(r"^(?:[-*•‣◦▪·–]|(?P<number>\d{1,3})[.)])\s+(?P<item>\S.*)$")
# Text saved as UTF-8 but read back as Windows-1252 ("â€™" for "’").
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore")
_MOJIBAKE = re.compile(f"[âÃÂ][{re.escape(_CONTINUATION_BYTES)}]")
_MAX_WRAP_WIDTH = 100
_MIN_WRAP_WIDTH = 50
_WRAP_SLACK = 15


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else Windows-1252; newlines normalised.

    Raises UnicodeDecodeError for bytes that are neither, and ValueError for binary data.
    """
    if b"\x00" in data[:4096]:
        raise ValueError("binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    if _MOJIBAKE.search(text):
        # Not mojibake after all when it does not round-trip: keep the text as it is.
        with contextlib.suppress(UnicodeError):
            text = text.encode("cp1252").decode("utf-8")
    return re.sub(r"\r\n?|[\u2028\u2029\x85]", "\n", text)


def _groups(text: str) -> list[list[str]]:
    """Runs of non-blank lines (right-stripped), in order."""
    groups: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            groups[-1].append(line.rstrip())
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _wrap_width(groups: list[list[str]]) -> int | None:
    """The column the text was hard-wrapped at, or None when lines are whole paragraphs.

    Wrapped prose has most of its inner lines (those a paragraph continues after) close to
    one width of 50-100 columns; short list items or menus do not.
    """
    inner = [
        len(line.strip())
        for group in groups
        for line in group[:-1]
        if not _BULLET.match(line.strip())
    ]
    usable = [length for length in inner if length <= _MAX_WRAP_WIDTH]
    if len(usable) < 2 or max(usable) < _MIN_WRAP_WIDTH:
        return None
    width = max(usable)
    near = sum(1 for length in inner if width - _WRAP_SLACK <= length <= width)
    return width if near * 2 >= len(inner) else None


def _continues(line: str, following: str, width: int | None) -> bool:
    """True when ``following`` carries on ``line``'s paragraph rather than starting one."""
    if width is None or _BULLET.match(following.strip()):
        return False
    if following[:1].isspace() and not line[:1].isspace():
        return False  # An indented first line starts a paragraph.
    # After a hyphen the next word would have followed with no space.
    space = 0 if re.search(r"\w-$", line) else 1
    return len(line.strip()) + space + len(following.split()[0]) > width


def _join(lines: list[str]) -> str:
    """Join wrapped lines; a word broken after a hyphen is joined without a space."""
    text = lines[0].strip()
    for line in lines[1:]:
        piece = line.strip()
        glue = "" if re.search(r"\w-$", text) and piece[:1].isalpha() else " "
        text += glue + piece
    return text


def _units(group: list[str], width: int | None) -> list[str]:
    """A run of lines cut into paragraphs."""
    units: list[list[str]] = [[group[0]]]
    for line in group[1:]:
        if _continues(units[-1][-1], line, width):
            units[-1].append(line)
        else:
            units.append([line])
    return [_join(unit) for unit in units]


def _list_block(items: list[re.Match[str]]) -> Block:
    ordered = items[0]["number"] is not None
    texts = [m["item"] for m in items]
    start = int(items[0]["number"]) if ordered else 1
    body = markup.list_block([markup.escape_inline(t) for t in texts], ordered=ordered, start=start)
    return Block("list", "\n".join(texts), body, items=tuple(texts))


def _blocks_of(units: list[str]) -> list[Block]:
    """Paragraph blocks, with consecutive bulleted or numbered lines made into one list."""
    blocks: list[Block] = []
    pending: list[re.Match[str]] = []
    for unit in units:
        match = _BULLET.match(unit)
        if match and (not pending or (match["number"] is None) == (pending[0]["number"] is None)):
            pending.append(match)
            continue
        if pending:
            blocks.append(_list_block(pending))
            pending = [match] if match else []
            if match:
                continue
        blocks.append(Block("paragraph", unit, markup.paragraph(unit)))
    if pending:
        blocks.append(_list_block(pending))
    return blocks


def blocks_from_text(text: str) -> list[Block]:
    """Cut decoded text into paragraph and list blocks, in reading order."""
    groups = _groups(text)
    width = _wrap_width(groups)
    units = [unit for group in groups for unit in _units(group, width)]
    return _blocks_of(units)
