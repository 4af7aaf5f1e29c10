"""First mentions found on a body's token stream, and the first linkable one made a link.

Mentions are looked for in the ``text`` children of ``inline`` tokens only: code spans,
code blocks and raw HTML blocks are other tokens, and so are never searched. Within an
inline token a text counts as a mention but is not linked inside a contributor's link or a
heading, and is not searched at all inside raw ``<code>``-like or dropped elements
(:mod:`generator.body.raw_html`). Attributes are never text tokens.

A match counts only where it stands as a name (:mod:`generator.body.names`); an alias
that is also an ordinary word does not count where it opens a sentence, unless the entry
was named in full earlier; and an alias that several entries share names the one the
article chooses (:mod:`generator.body.choice`), or none, which ``check`` reports.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, replace

from markdown_it.token import Token

from generator.body.choice import Choices
from generator.body.names import NameContext
from generator.body.raw_html import OpenTags
from generator.body.sanitize import MENTION_CLASS
from generator.body.sentences import sentence_at
from generator.content.common_words import is_common_word_alias
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


@dataclass(frozen=True)
class Ambiguous:
    """An alias several entries share, met where the article does not say which it means."""

    alias: str
    candidates: tuple[str, ...]
    line: int | None  # in the body, counting from 1


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
    """Visits a body's inline tokens: records first mentions, links the first linkable.

    ``listed``: the article's ``actors:`` and ``locations:``; ``lower``: the words the
    article writes in lower case (a :class:`~generator.body.names.LowerWords`).
    """

    def __init__(
        self,
        matcher: AliasMatcher,
        hrefs: dict[str, str],
        skip: str = "",
        listed: frozenset[str] = frozenset(),
        lower: Container[str] = frozenset(),
    ) -> None:
        self.matcher, self.hrefs, self.skip = matcher, hrefs, skip
        self.listed, self.lower = listed, lower
        self.found: dict[str, Found] = {}
        # A heading is a poor quote: used only when no sentence names the entity.
        self.in_headings: dict[str, Found] = {}
        self.linked: set[str] = set()
        # Entries named so far by an alias that is not also an ordinary word.
        self.named_fully: set[str] = set()
        self.ambiguous: dict[tuple[str, tuple[str, ...]], Ambiguous] = {}
        self.choices = Choices(listed, frozenset(), matcher.countries)

    def visit(self, tokens: list[Token]) -> tuple[Found, ...]:
        """Link ``tokens`` in place; return each entity's first mention in document order."""
        inlines = []
        heading = False
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                heading = token.type == "heading_open"
            elif token.type == "inline" and token.children:
                inlines.append((token, heading, self._matches(token)))
        # Entries the article names by an alias of their own decide its shared aliases.
        unshared = {
            m.candidates[0]
            for *_, by_child in inlines
            for found in by_child.values()
            for m in found
            if len(m.candidates) == 1
        }
        self.choices = Choices(self.listed, frozenset(unshared), self.matcher.countries)
        for token, in_heading, matches in inlines:
            if matches:
                self._visit_inline(token, in_heading, matches)
        extra = [f for key, f in self.in_headings.items() if key not in self.found]
        return (*self.found.values(), *extra)

    def _matches(self, inline: Token) -> dict[int, list[Match]]:
        """The matches in each searchable text child of ``inline``, by the child's index."""
        found: dict[int, list[Match]] = {}
        open_tags = OpenTags()
        for index, child in enumerate(inline.children or ()):
            open_tags.step(child)
            if child.type != "text" or open_tags.unmatched():
                continue
            matches = [m for m in map(self._unskipped, self.matcher.find(child.content)) if m]
            if matches:
                found[index] = matches
        return found

    def _unskipped(self, match: Match) -> Match | None:
        """``match`` without the entry whose own description is being rendered."""
        if self.skip not in match.candidates:
            return match
        kept = tuple(c for c in match.candidates if c != self.skip)
        return replace(match, entity_id=kept[0], candidates=kept) if kept else None

    def _visit_inline(self, inline: Token, heading: bool, matches: dict[int, list[Match]]) -> None:
        record = self.in_headings if heading else self.found
        if all(self._settled(m, record, heading) for found in matches.values() for m in found):
            return  # most paragraphs of a long article: every name in them is done with
        text, offsets = inline_text(inline)
        context = _context(text, offsets, matches, self.lower)
        children: list[Token] = []
        open_tags = OpenTags()
        links = 0  # contributed Markdown links open around this child
        for index, child in enumerate(inline.children or ()):
            open_tags.step(child)
            links += {"link_open": 1, "link_close": -1}.get(child.type, 0)
            if index not in matches or index not in offsets:
                children.append(child)
                continue
            offset = offsets[index]
            names = self._names(matches[index], offset, context, inline)
            for match in names:
                if match.entity_id not in record:
                    record[match.entity_id] = found_in(text, match, offset)
            if heading or links or open_tags.unlinkable():
                children.append(child)
            else:
                children += self._linked(child, names)
        inline.children = children

    def _settled(self, match: Match, record: dict[str, Found], heading: bool) -> bool:
        """True when nothing can come of ``match``: its one entry is recorded, linked and
        named in full already."""
        if len(match.candidates) != 1:
            return False
        entity = match.candidates[0]
        done = heading or entity in self.linked
        return done and entity in record and entity in self.named_fully

    def _names(
        self, matches: list[Match], offset: int, context: NameContext, inline: Token
    ) -> list[Match]:
        """The matches that stand as names, each with the one entry it names."""
        names = []
        for match in matches:
            start, end = offset + match.start, offset + match.end
            if not context.is_name(start, end, match.alias):
                continue
            common = is_common_word_alias(match.alias)
            opens = common and context.opens_sentence(start)
            if opens and not self.named_fully.intersection(match.candidates):
                continue  # "May" opening a sentence is the word, unless May was named in full
            chosen = self.choices.choose(match.candidates)
            if chosen is None:
                self._ambiguous(match, inline, context.text, start)
                continue
            if not common:
                self.named_fully.add(chosen)
            names.append(replace(match, entity_id=chosen))
        return names

    def _ambiguous(self, match: Match, inline: Token, text: str, start: int) -> None:
        key = (match.alias, match.candidates)
        if key not in self.ambiguous:
            line = inline.map[0] + 1 + text.count("\n", 0, start) if inline.map else None
            self.ambiguous[key] = Ambiguous(match.alias, match.candidates, line)

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


def _context(
    text: str, offsets: dict[int, int], matches: dict[int, list[Match]], lower: Container[str]
) -> NameContext:
    """The :class:`NameContext` of one inline text and every match found in it."""
    spans = [
        (offsets[index] + m.start, offsets[index] + m.end)
        for index, found in matches.items()
        if index in offsets
        for m in found
    ]
    return NameContext.of(text, spans, lower)
