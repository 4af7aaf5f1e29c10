"""Raw HTML a contributor wrote, as the parser delimited it: one tag per ``html_inline`` token.

The linker needs to know which raw elements a text token stands in (no mention is linked
inside a contributor's ``<a>``, none is even looked for inside ``<code>`` or a ``<script>``
the sanitizer will drop), and ``check`` needs to say which tags the sanitizer will remove.
Both read the tag name at the start of a token the parser has already cut out of the
source; the rendered HTML is never read back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from markdown_it.token import Token

from generator.body.sanitize import DROPPED_WITH_CONTENT

TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
# Inside these a text is code, or is removed with its element: it names nobody.
NO_MATCH = frozenset({"code", "pre", "kbd", "samp", "var"} | DROPPED_WITH_CONTENT)
# Inside these a mention is recorded but not linked: a link must not hold a link.
NO_LINK = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass
class OpenTags:
    """The raw elements open at a point of one inline token's children, innermost last."""

    names: list[str] = field(default_factory=list)

    def step(self, token: Token) -> None:
        """Follow ``token``: an opening raw tag is pushed, its closing tag pops it."""
        if token.type != "html_inline":
            return
        tag = TAG_NAME.match(token.content)
        if tag is None:
            return  # a comment, a declaration or a processing instruction
        closing, name = tag.group(1), tag.group(2).lower()
        if closing:
            if name in self.names:
                # Closing an element closes whatever was left open inside it.
                del self.names[len(self.names) - 1 - self.names[::-1].index(name) :]
        elif name not in _VOID and not token.content.endswith("/>"):
            self.names.append(name)

    def unmatched(self) -> bool:
        """True inside an element whose text is code or is dropped."""
        return any(name in NO_MATCH for name in self.names)

    def dropped(self) -> bool:
        """True inside an element the sanitizer removes with its text."""
        return any(name in DROPPED_WITH_CONTENT for name in self.names)

    def unlinkable(self) -> bool:
        """True inside an element in which a mention link may not stand."""
        return any(name in NO_LINK for name in self.names)


def raw_html(tokens: list[Token]) -> Iterator[str]:
    """The source of every raw HTML token in ``tokens``, in order, inline ones included."""
    for token in tokens:
        if token.type in ("html_block", "html_inline"):
            yield token.content
        elif token.children:
            yield from raw_html(token.children)


def link_targets_of(tokens: list[Token]) -> Iterator[str]:
    """The target of every Markdown link and image in ``tokens``."""
    for token in tokens:
        if token.type in ("link_open", "image"):
            yield str(token.attrs.get("href", token.attrs.get("src", "")))
        elif token.children:
            yield from link_targets_of(token.children)
