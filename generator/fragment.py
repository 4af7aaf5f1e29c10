"""Sanitized HTML read back as a flat DOM: its tags and text nodes in document order.

nh3 writes out the tree it parsed with html5ever's serializer, so its output has a strict
shape: tag and attribute names in lower case, every attribute value double-quoted with
``<``, ``>``, ``"`` and ``&`` escaped, text with ``<``, ``>`` and ``&`` escaped, no
comments, and every element but a void one closed, properly nested. Reading that shape
back needs no HTML parser, only a regular expression and a stack, which is several times
faster than building a BeautifulSoup tree. Markup of any other shape is refused
(``ValueError``) rather than guessed at.

Tags and text nodes follow the conventions of BeautifulSoup's ``html.parser`` tree, which
the pages were first made with, so that they stay byte-identical: attributes are written in
name order, and outside ``pre`` and ``textarea`` a text node of ASCII whitespace alone reads
as one newline if it had one, else as one space.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# After nh3, a tag holds no ``<``, ``>`` or ``"`` inside: attribute values have them escaped.
_TAG = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s[^\s"=<>]+="[^"<>]*")*)>')
_ATTRIBUTE = re.compile(r'\s([^\s"=<>]+)="([^"<>]*)"')
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_KEEP_WHITESPACE = frozenset({"pre", "textarea"})
_ASCII_SPACE = " \n\t\x0c\r"
_NO_NAMES: frozenset[str] = frozenset()


@dataclass(eq=False, slots=True)
class Element:
    """An element: its name, parent, and where its tags stand in :attr:`Fragment.pieces`."""

    name: str
    parent: Element | None
    # The names of this element and of every element around it.
    names: frozenset[str]
    open: int
    close: int = -1


@dataclass(eq=False, slots=True)
class Text:
    """A text node: its characters, and the HTML it is written back as.

    ``html`` starts as the escaped text; the linker may replace it with linked markup.
    """

    text: str
    html: str
    parent: Element | None
    names: frozenset[str]


@dataclass(eq=False)
class Fragment:
    """A parsed fragment: every piece (a tag as written, or a text node) and the top level."""

    pieces: list[str | Text] = field(default_factory=list)
    top: list[Element | Text] = field(default_factory=list)

    def texts(self) -> list[Text]:
        """Every text node, in document order."""
        return [piece for piece in self.pieces if type(piece) is Text]

    def inside(self, element: Element | None) -> list[str | Text]:
        """The pieces within ``element`` (all of them for ``None``, the fragment itself)."""
        if element is None:
            return self.pieces
        return self.pieces[element.open + 1 : element.close]

    def text_of(self, element: Element | None) -> str:
        """The text of ``element``: all text nodes within it, joined."""
        return "".join(p.text for p in self.inside(element) if type(p) is Text)

    def text_and_offsets(self, element: Element | None) -> tuple[str, dict[int, int]]:
        """The text of ``element`` and where each text node in it starts (by ``id``)."""
        offsets: dict[int, int] = {}
        texts: list[str] = []
        length = 0
        for piece in self.inside(element):
            if type(piece) is Text:
                offsets[id(piece)] = length
                texts.append(piece.text)
                length += len(piece.text)
        return "".join(texts), offsets

    def html_of(self, element: Element) -> str:
        """``element`` written back as HTML, with any links the linker made."""
        pieces = self.pieces[element.open : element.close + 1]
        return "".join(p if type(p) is str else p.html for p in pieces)


def _text(raw: str, parent: Element | None) -> Text:
    if "<" in raw or ">" in raw:
        raise ValueError("unescaped '<' or '>' in text: not the sanitizer's output")
    text = html.unescape(raw) if "&" in raw else raw
    names = parent.names if parent else _NO_NAMES
    if not text.strip(_ASCII_SPACE) and not names & _KEEP_WHITESPACE:
        text = raw = "\n" if "\n" in text else " "
    return Text(text, raw, parent, names)


def _in_name_order(name: str, attributes: str) -> str:
    """A start tag with its attributes sorted by name."""
    pairs = sorted(_ATTRIBUTE.findall(attributes))
    return f"<{name}" + "".join(f' {key}="{value}"' for key, value in pairs) + ">"


def parse_fragment(markup: str) -> Fragment:
    """Read sanitized HTML (nh3's output) into a :class:`Fragment`."""
    fragment = Fragment()
    pieces, top = fragment.pieces, fragment.top
    current: Element | None = None
    position = 0
    for tag in _TAG.finditer(markup):
        if tag.start() > position:
            node = _text(markup[position : tag.start()], current)
            pieces.append(node)
            if current is None:
                top.append(node)
        closing, name, attributes = tag.groups()
        if closing:
            if current is None or current.name != name:
                raise ValueError(f"unexpected </{name}>: not the sanitizer's output")
            current.close = len(pieces)
            current = current.parent
        else:
            names = (current.names if current else _NO_NAMES) | {name}
            element = Element(name, current, names, len(pieces))
            if current is None:
                top.append(element)
            if name in _VOID:
                element.close = element.open
            else:
                current = element
        pieces.append(_in_name_order(name, attributes) if attributes else tag.group())
        position = tag.end()
    if current is not None:
        raise ValueError(f"<{current.name}> is never closed: not the sanitizer's output")
    if position < len(markup):
        node = _text(markup[position:], None)
        pieces.append(node)
        top.append(node)
    return fragment
