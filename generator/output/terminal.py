"""Text that is safe to print to a terminal or a CI log, whatever a contributor put in it.

File names, front-matter keys and values reach the reports verbatim. An escape sequence in
one could retitle the terminal, erase the lines above it or forge a "0 error(s)" line; a
bidi override could make a line read differently from what it says; a file name that is
not UTF-8 arrives as lone surrogates and crashes a strict UTF-8 stdout. Every character
Python does not call printable (controls, format characters such as bidi controls and
zero-width joiners, surrogates, unassigned code points, line and paragraph separators) is
shown as a visible escape instead.
"""

from __future__ import annotations

import os

# ``os.fsdecode`` turns each undecodable byte of a file name into one of these.
_SURROGATE_ESCAPES = range(0xDC80, 0xDD00)


def _escape(char: str) -> str:
    code = ord(char)
    if code in _SURROGATE_ESCAPES:
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(text: str) -> str:
    """``text`` with every unprintable character replaced by a visible escape.

    Spaces stay; tabs and newlines are escaped too, so one value is always one line.
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escape(char) for char in text)


def printable_lines(text: str) -> str:
    """Like :func:`printable`, but line breaks between lines are kept as they are."""
    return "\n".join(printable(line) for line in text.split("\n"))


def printable_path(path: str | os.PathLike[str]) -> str:
    """A path for a message, its undecodable bytes shown as ``\\xNN``."""
    return printable(os.fspath(path))


def printable_data(value: object) -> object:
    """``value`` (JSON-like data) with :func:`printable` applied to every string in it.

    Keys are strings too: a contributor's file name is often one.
    """
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_data(key): printable_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [printable_data(item) for item in value]
    return value
