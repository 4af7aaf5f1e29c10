"""Contributed Markdown to safe HTML blocks, with each entity's first mention linked.

The route: Python-Markdown renders the body, nh3 sanitizes it, mentions are found and
linked on the sanitized DOM's text nodes (never inside links, code or headings), and the
result is sanitized once more. Headings are returned apart so that pages can write them
as Markdown and keep MkDocs' table of contents.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

import markdown
from bs4 import BeautifulSoup, NavigableString, Tag

from generator.limits import render_limits
from generator.matcher import AliasMatcher, Match
from generator.model import Entity, Severity
from generator.sanitize import ALLOWED_TAGS, sanitize
from generator.sentences import sentence_at

_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_ACTIVE = re.compile(r"<[^>]*\s(?:on[a-z]+\s*=|[a-z]+\s*=\s*[\"']?\s*(?:java|vb)script:)", re.I)
MARKDOWN_EXTENSIONS = ("fenced_code", "tables", "sane_lists", "def_list", "admonition")
_NO_MATCH = frozenset({"code", "pre", "kbd", "samp", "var"})
_NO_LINK = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6"})
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEADING_TAGS = frozenset(_HEADINGS)
_CONTEXT = frozenset({"p", "li", "dd", "dt", "td", "th", "caption", "figcaption", *_HEADINGS})


@dataclass(frozen=True)
class Block:
    """A piece of a rendered body: a heading (level, plain text) or sanitized HTML."""

    kind: str
    content: str
    level: int = 0


@dataclass(frozen=True)
class Found:
    """The first mention of an entity in a text: the surface form and its sentence."""

    entity_id: str
    surface: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Note:
    """Something a contributor should know about a body; ``line`` counts within the body."""

    message: str
    line: int | None = None
    severity: Severity = "error"


@dataclass(frozen=True)
class Rendered:
    """A rendered body: blocks to write, the first mention of each entity, problems."""

    blocks: tuple[Block, ...]
    found: tuple[Found, ...]
    problems: tuple[Note, ...] = ()


@functools.cache
def _renderer() -> markdown.Markdown:
    """One Markdown instance, reset between bodies: loading extensions per call is slow."""
    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))


def _line_of(text: str, pattern: str) -> int | None:
    """The body line where ``pattern`` first occurs (case-insensitive), if it does."""
    match = re.search(pattern, text, re.IGNORECASE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _removed(raw: str, text: str) -> tuple[Note, ...]:
    """Say what the sanitizer will take out, so that nothing disappears unexplained."""
    tags = {name.lower() for name in _TAG_NAME.findall(raw)}
    notes = []
    if "img" in tags:
        line = _line_of(text, r"<img|!\[")
        notes.append(Note("images are not supported yet; describe the image in words", line))
    removed = sorted(tags - ALLOWED_TAGS - {"img"})
    if removed:
        listed = ", ".join(f"<{name}>" for name in removed)
        line = _line_of(text, "|".join(f"<{name}" for name in removed))
        notes.append(Note(f"HTML not allowed, removed: {listed}", line, "warning"))
    if _ACTIVE.search(raw):
        line = _line_of(text, r"\son[a-z]+\s*=|(?:java|vb)script:")
        notes.append(Note("event handlers or script URLs removed", line, "warning"))
    return tuple(notes)


def markdown_to_html(text: str) -> tuple[str, tuple[Note, ...]]:
    """Render contributed Markdown and sanitize it; also report what cannot be rendered."""
    limits = render_limits(text)
    if limits:
        return "", tuple(Note(message, line) for line, message in limits)
    try:
        raw = _renderer().reset().convert(text)
    except RecursionError:
        return "", (Note("nested too deeply to render"),)
    return sanitize(raw), _removed(raw, text)


def _context(node: NavigableString) -> tuple[str, int]:
    """The text of the block around ``node`` and the offset of ``node`` in it."""
    block = next((p for p in node.parents if p.name in _CONTEXT), node.parent)
    offset = 0
    for piece in block.strings:
        if piece is node:
            break
        offset += len(piece)
    return block.get_text(), offset


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


class _Linker:
    """Walks text nodes once, recording first mentions and linking the first linkable one."""

    def __init__(self, matcher: AliasMatcher, hrefs: dict[str, str], skip: str = "") -> None:
        self.matcher, self.hrefs, self.skip = matcher, hrefs, skip
        self.found: dict[str, Found] = {}
        # A heading is a poor quote: used only when no sentence names the entity.
        self.in_headings: dict[str, Found] = {}
        self.linked: set[str] = set()

    def visit(self, soup: BeautifulSoup) -> tuple[Found, ...]:
        """Link ``soup`` in place; return each entity's first mention in document order."""
        for node in list(soup.find_all(string=True)):
            if type(node) is NavigableString:
                # One walk up the tree tells where the text stands: code, heading, link.
                around = {parent.name for parent in node.parents}
                if not around & _NO_MATCH:
                    self._visit_text(soup, node, around)
        extra = [f for key, f in self.in_headings.items() if key not in self.found]
        return (*self.found.values(), *extra)

    def _visit_text(self, soup: BeautifulSoup, node: NavigableString, around: set[str]) -> None:
        matches = [m for m in self.matcher.find(str(node)) if m.entity_id != self.skip]
        if not matches:
            return
        record = self.in_headings if around & _HEADING_TAGS else self.found
        for match in matches:
            if match.entity_id not in record:
                text, offset = _context(node)
                record[match.entity_id] = found_in(text, match, offset)
        if around & _NO_LINK:
            return
        first: dict[str, Match] = {}
        for match in matches:
            if match.entity_id not in self.linked:
                first.setdefault(match.entity_id, match)
        if first:
            node.replace_with(*self._pieces(soup, str(node), list(first.values())))

    def _pieces(self, soup: BeautifulSoup, text: str, matches: list[Match]) -> list:
        pieces: list = []
        cursor = 0
        for match in sorted(matches, key=lambda m: m.start):
            pieces.append(NavigableString(text[cursor : match.start]))
            link = soup.new_tag(
                "a", href=self.hrefs[match.entity_id], attrs={"class": "ea-mention"}
            )
            link.string = text[match.start : match.end]
            pieces.append(link)
            self.linked.add(match.entity_id)
            cursor = match.end
        pieces.append(NavigableString(text[cursor:]))
        return [p for p in pieces if not isinstance(p, NavigableString) or str(p)]


def _html_block(run: list[str]) -> Block | None:
    """A run of sanitized HTML as one opaque block.

    The wrapping ``div`` matters: the sanitizer can leave bare text at the top level (the
    inside of a removed ``<section>``, say), and MkDocs would read bare text as Markdown,
    turning ``[x](javascript:…)`` back into a live link. Inside a block-level element
    Python-Markdown leaves everything as it is.
    """
    clean = sanitize("".join(run)).strip()
    return Block("html", f'<div class="ea-prose">\n{clean}\n</div>') if clean else None


def _blocks(soup: BeautifulSoup) -> tuple[Block, ...]:
    """Split top-level nodes into headings and runs of HTML between them."""
    blocks: list[Block | None] = []
    run: list[str] = []
    for node in soup.contents:
        if isinstance(node, Tag) and node.name in _HEADINGS:
            blocks.append(_html_block(run))
            run = []
            # The page title is the only h1: body headings start at level 2.
            blocks.append(Block("heading", node.get_text(), max(2, int(node.name[1]))))
        elif isinstance(node, Tag):
            run.append(str(node))
        else:
            # A bare string's str() is its raw text: escape it like the serializer would.
            run.append(html.escape(str(node), quote=False))
    blocks.append(_html_block(run))
    return tuple(b for b in blocks if b is not None)


def link_targets(entities: dict[str, Entity], prefix: str) -> dict[str, str]:
    """Where each entity's mentions link to, from a page ``prefix`` below the site root."""
    return {entity_id: prefix + entity.url for entity_id, entity in entities.items()}


def render_body(
    text: str, matcher: AliasMatcher, hrefs: dict[str, str], skip: str = ""
) -> Rendered:
    """Render ``text``; link each entity's first mention to its ``hrefs`` target."""
    markup, problems = markdown_to_html(text)
    soup = BeautifulSoup(markup, "html.parser")
    found = _Linker(matcher, hrefs, skip).visit(soup)
    return Rendered(_blocks(soup), found, problems)
