"""Pages nested deeper than any real page, flattened so the readers' recursion stays shallow.

The block and inline readers walk the tree recursively, a few Python frames per element,
so 100,000 nested ``<div>`` or ``<span>`` would exhaust the interpreter's stack. Real
pages nest a few dozen elements deep; below :data:`MAX_DEPTH` levels, what an element
holds is replaced by its visible text (a space where an element began or ended, so words
stay apart). Lists and quotes nest in the Markdown too, where ``check`` allows 30 levels:
one nested inside :data:`MAX_NESTED_BLOCKS` others becomes a plain ``<div>``, its text
kept as paragraphs. Nothing on a real page is that deep, so for real pages nothing
changes. Every walk here is iterative.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.importer.html_rules import INLINE_TAGS, SILENT_TAGS

# At most four frames per level in the readers: 400 frames, well inside Python's 1,000.
MAX_DEPTH = 100
# Articles quote within a quote, or nest a list two or three levels, at most.
MAX_NESTED_BLOCKS = 8
_NESTING_TAGS = frozenset({"ul", "ol", "blockquote"})


def _floors(soup: BeautifulSoup, max_depth: int) -> list[Tag]:
    """The elements at ``max_depth`` that hold elements of their own.

    On the way, lists and quotes inside :data:`MAX_NESTED_BLOCKS` others become ``<div>``.
    """
    floors = []
    stack: list[tuple[Tag, int, int]] = [(soup, 0, 0)]
    while stack:
        tag, depth, nested = stack.pop()
        if tag.name in _NESTING_TAGS:
            nested += 1
            if nested > MAX_NESTED_BLOCKS:
                tag.name = "div"
        children = [child for child in tag.contents if isinstance(child, Tag)]
        if depth < max_depth:
            stack.extend((child, depth + 1, nested) for child in children)
        elif children:
            floors.append(tag)
    return floors


def _visible_text(tag: Tag) -> str:
    """The text a reader would see in ``tag``, block edges as spaces."""
    pieces: list[str] = []
    stack: list[object] = list(reversed(tag.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, Tag):
            if node.name in SILENT_TAGS:
                continue
            edge = "" if node.name in INLINE_TAGS else " "
            pieces.append(edge)
            stack.append(edge)
            stack.extend(reversed(node.contents))
        elif type(node) in (str, NavigableString):  # not comments, CDATA or doctypes
            pieces.append(str(node))
    return "".join(pieces)


def flatten_deep(soup: BeautifulSoup, max_depth: int = MAX_DEPTH) -> None:
    """Replace what each element ``max_depth`` levels down holds with its visible text."""
    for floor in _floors(soup, max_depth):
        text = _visible_text(floor)
        floor.clear()
        floor.append(NavigableString(text))
