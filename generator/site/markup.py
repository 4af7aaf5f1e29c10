"""Escaping contributed text for the two languages pages are written in: Markdown and HTML."""

from __future__ import annotations

import functools
import html
import re

# The characters that give running text a meaning in Markdown wherever they stand.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#])")
# What makes a block of its own at the start of a line, even after a list marker:
# a nested list item ("- x", "1. x", "1) x"), a rule ("---") or an admonition ("!!! note").
_BLOCK_START = re.compile(r"^([-+!]|\d+[.)])")
_WHITESPACE = re.compile(r"\s+")


# Names and titles are written again and again (every box, listing and related link).
@functools.lru_cache(maxsize=1 << 16)
def md_text(text: str) -> str:
    """``text`` as inline Markdown that renders back to ``text`` (whitespace folded, no markup)."""
    one_line = _WHITESPACE.sub(" ", text)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(one_line, quote=False))
    return _BLOCK_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], escaped)


def html_text(text: str) -> str:
    """``text`` escaped for HTML element content or a quoted attribute value."""
    return html.escape(text, quote=True)


def md_link(label: str, from_src: str, to_src: str) -> str:
    """A Markdown link between two source pages (``articles/x.md`` style paths).

    MkDocs resolves and validates ``.md`` targets, so these links are checked at build time.
    """
    return f"[{md_text(label)}]({md_target(from_src, to_src)})"


def md_target(from_src: str, to_src: str) -> str:
    """The relative path from one source page to another, as a Markdown link target.

    Both are clean relative paths below the docs folder, so the common folders are simply
    dropped (``posixpath.relpath`` would consult the working directory on every call).
    """
    here = from_src.split("/")[:-1]
    there = to_src.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])
