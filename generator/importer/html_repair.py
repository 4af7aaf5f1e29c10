"""Mis-nested markup that the parser keeps as written but a browser would have closed.

``<h2>Standfirst</h3><div>…article…</div>`` is common in templates. A browser closes the
heading at the stray ``</h3>``; Python's parser ignores that end tag, so the whole article
would sit inside the heading and be read as one long subheading. A heading holds inline
content only, so whatever follows its first block-level child is moved out, after it.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

_HEADING = re.compile(r"h[1-6]")
# Elements a heading cannot contain: where one starts, the heading must have ended.
_BLOCK_TAG_NAMES = (
    "address article aside blockquote details dialog div dl fieldset figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr main menu nav ol p pre section table ul"
)
_BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())


def close_open_headings(soup: BeautifulSoup) -> None:
    """End each heading before its first block-level child; what followed comes after it."""
    for heading in soup.find_all(_HEADING):
        first = next(
            (c for c in heading.children if isinstance(c, Tag) and c.name in _BLOCK_TAGS), None
        )
        if first is None:
            continue
        anchor: Tag = heading
        for node in [first, *first.next_siblings]:
            anchor.insert_after(node.extract())
            anchor = node
