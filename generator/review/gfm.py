"""GitHub-flavoured Markdown made from contributor text that cannot steer the page.

A job summary is rendered as GitHub-flavoured Markdown with some HTML allowed. A title
like ``<img src=x onerror=…>``, ``[x](javascript:…)``, a ``|`` that ends a table cell or
a newline that ends the table would otherwise become markup. :func:`escape` makes a
string plain text: every character HTML gives meaning to becomes an entity, and every
other ASCII punctuation character is backslash-escaped, which CommonMark defines as that
character taken literally (so no emphasis, link, code span, autolink, table cell,
heading, list, math or emoji short code can start inside it).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from generator.output.terminal import printable

# Long enough for any title or message; bounds what one hostile value adds to a summary.
CELL_LIMIT = 300
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_PLAIN = "-/,"
_ESCAPES = {
    ord(char): _ENTITIES.get(char, "\\" + char) for char in string.punctuation if char not in _PLAIN
}


def escape(text: str, limit: int = CELL_LIMIT) -> str:
    """``text`` as literal Markdown text: one line, no markup, at most ``limit`` characters.

    Line breaks, controls and invisible characters are first shown as visible escapes
    (``\\x0a``), as in every report, so one value is always one line of one cell.
    """
    shown = printable(text)
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return shown.translate(_ESCAPES)


def link(label: str, target: str) -> str:
    """A Markdown link: ``label`` escaped, ``target`` a URL this program made."""
    return f"[{escape(label)}]({target})"


def url_path(path: str) -> str:
    """A repository path as a URL path: everything but letters, digits, ``/._-~`` encoded.

    Parentheses, spaces and angle brackets are encoded too, so the path cannot end the
    link's destination early.
    """
    return quote(path, safe="/")


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """The lines of a Markdown table; cells must already be escaped Markdown."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines
