"""First mentions found on a body's token stream, and the first linkable one made a link.

Mentions are looked for in the ``text`` children of ``inline`` tokens only: code spans,
code blocks and raw HTML blocks are other tokens, and so are never searched. Within an
inline token a text counts as a mention but is not linked inside a contributor's link or a
heading, and is not searched at all inside raw ``<code>``-like or dropped elements
(:mod:`generator.body.raw_html`). Attributes are never text tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it.token import Token

from generator.body.raw_html import OpenTags
from generator.body.sanitize import MENTION_CLASS
from generator.body.sentences import sentence_at
from generator.content.matcher import AliasMatcher, Match

# The parser's tokens whose content is text a reader sees, other than ``text`` itself.
_BREAKS = frozenset({"softbreak", "hardbreak"})


@dataclass(frozen=True)
class Found:
    """The first mention of an entity in a text: the surface form and its sentence."""

    entity_id: str
    surface: str
    sentence: str
    start: int
    end: int


def found_in(text: str, match: Match, offset: int = 0) -> Found:
    """A :class:`Found` for ``match`` (at ``offset`` in ``text``), with its sentence."""
    start, end = sentence_at(text, offset + match.start)
    return Found(
        match.entity_id,
        text[offset + match.start : offset + match.end],
        text[start:end],
        offset + match.start - start,
        offset + match.end - start,
    )


def inline_text(inline: Token) -> tuple[str, dict[int, int]]:
    """The text an inline token reads as, and where each of its text children starts.

    Code spans count (they are read), raw tags do not, nor text that the sanitizer drops.
    """
    pieces: list[str] = []
    offsets: dict[int, int] = {}
    length = 0
    open_tags = OpenTags()
    for index, child in enumerate(inline.children or ()):
        open_tags.step(child)
        if child.type in _BREAKS:
            piece = "\n"
        elif child.type in ("text", "code_inline") and not open_tags.dropped():
            piece = child.content
            offsets[index] = length
        else:
            continue
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces), offsets


class Linker:
    """Visits a body's inline tokens once: records first mentions, links the first linkable."""

    def __init__(self, matcher: AliasMatcher, hrefs: dict[str, str], skip: str = "") -> None:
        self.matcher, self.hrefs, self.skip = matcher, hrefs, skip
        self.found: dict[str, Found] = {}
        # A heading is a poor quote: used only when no sentence names the entity.
        self.in_headings: dict[str, Found] = {}
        self.linked: set[str] = set()

    def visit(self, tokens: list[Token]) -> tuple[Found, ...]:
        """Link ``tokens`` in place; return each entity's first mention in document order."""
        heading = False
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                heading = token.type == "heading_open"
            elif token.type == "inline" and token.children:
                self._visit_inline(token, heading)
        extra = [f for key, f in self.in_headings.items() if key not in self.found]
        return (*self.found.values(), *extra)

    def _visit_inline(self, inline: Token, heading: bool) -> None:
        record = self.in_headings if heading else self.found
        context: tuple[str, dict[int, int]] | None = None
        children: list[Token] = []
        open_tags = OpenTags()
        links = 0  # contributed Markdown links open around this child
        for index, child in enumerate(inline.children or ()):
            open_tags.step(child)
            links += {"link_open": 1, "link_close": -1}.get(child.type, 0)
            if child.type != "text" or open_tags.unmatched():
                children.append(child)
                continue
            matches = [m for m in self.matcher.find(child.content) if m.entity_id != self.skip]
            for match in matches:
                if match.entity_id not in record:
                    context = context or inline_text(inline)
                    record[match.entity_id] = found_in(context[0], match, context[1][index])
            if heading or links or open_tags.unlinkable():
                children.append(child)
            else:
                children += self._linked(child, matches)
        inline.children = children

    def _linked(self, text: Token, matches: list[Match]) -> list[Token]:
        """``text`` as tokens with the first match of each entity not yet linked made a link."""
        first: dict[str, Match] = {}
        for match in matches:
            if match.entity_id not in self.linked:
                first.setdefault(match.entity_id, match)
        if not first:
            return [text]
        tokens: list[Token] = []
        cursor = 0
        content = text.content
        for match in sorted(first.values(), key=lambda m: m.start):
            href = self.hrefs[match.entity_id]
            tokens.append(Token("text", "", 0, content=content[cursor : match.start]))
            tokens.append(Token("link_open", "a", 1, attrs={"class": MENTION_CLASS, "href": href}))
            tokens.append(Token("text", "", 0, content=content[match.start : match.end]))
            tokens.append(Token("link_close", "a", -1))
            self.linked.add(match.entity_id)
            cursor = match.end
        tokens.append(Token("text", "", 0, content=content[cursor:]))
        return tokens
