"""Contributed Markdown to safe HTML blocks, with each entity's first mention linked.

The route: Python-Markdown renders the body, nh3 sanitizes it, mentions are found and
linked on the sanitized DOM's text nodes (never inside links, code or headings), and the
result is sanitized once more. The DOM is read flat from nh3's strictly shaped output
(``fragment.py``) rather than built as a BeautifulSoup tree, which was most of the cost.
Headings are returned apart so that pages can write them as Markdown and keep MkDocs'
table of contents.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

import markdown

from generator.fragment import Element, Fragment, Text, parse_fragment
from generator.limits import render_limits
from generator.markdown_speed import markdown_renderer
from generator.matcher import AliasMatcher, Match
from generator.model import Entity, Severity
from generator.sanitize import ALLOWED_TAGS, sanitize, sanitize_linked
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
    return markdown_renderer(MARKDOWN_EXTENSIONS)


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
        # Each block's text, read once: reading it again for every text node that names
        # someone made a long block with thousands of names quadratic.
        self.blocks: dict[Element | None, tuple[str, dict[int, int]]] = {}

    def visit(self, fragment: Fragment) -> tuple[Found, ...]:
        """Link ``fragment`` in place; return each entity's first mention in document order."""
        for node in fragment.texts():
            # The names around a text node tell where it stands: code, heading, link.
            if not node.names & _NO_MATCH:
                self._visit_text(fragment, node)
        extra = [f for key, f in self.in_headings.items() if key not in self.found]
        return (*self.found.values(), *extra)

    def _visit_text(self, fragment: Fragment, node: Text) -> None:
        matches = [m for m in self.matcher.find(node.text) if m.entity_id != self.skip]
        if not matches:
            return
        record = self.in_headings if node.names & _HEADING_TAGS else self.found
        context: tuple[str, int] | None = None
        for match in matches:
            if match.entity_id not in record:
                context = context or self._context(fragment, node)
                record[match.entity_id] = found_in(context[0], match, context[1])
        if node.names & _NO_LINK:
            return
        first: dict[str, Match] = {}
        for match in matches:
            if match.entity_id not in self.linked:
                first.setdefault(match.entity_id, match)
        if first:
            node.html = self._linked(node.text, list(first.values()))

    def _context(self, fragment: Fragment, node: Text) -> tuple[str, int]:
        """The text of the block around ``node`` and the offset of ``node`` in it."""
        block = _context_block(node)
        if block not in self.blocks:
            self.blocks[block] = fragment.text_and_offsets(block)
        text, offsets = self.blocks[block]
        return text, offsets[id(node)]

    def _linked(self, text: str, matches: list[Match]) -> str:
        """``text`` as HTML with each of ``matches`` made a link."""
        pieces: list[str] = []
        cursor = 0
        for match in sorted(matches, key=lambda m: m.start):
            href = html.escape(self.hrefs[match.entity_id])
            pieces.append(html.escape(text[cursor : match.start], quote=False))
            # Attributes in name order, as everywhere in a fragment written back.
            pieces.append(f'<a class="ea-mention" href="{href}">')
            pieces.append(html.escape(text[match.start : match.end], quote=False) + "</a>")
            self.linked.add(match.entity_id)
            cursor = match.end
        pieces.append(html.escape(text[cursor:], quote=False))
        return "".join(pieces)


def _context_block(node: Text) -> Element | None:
    """The paragraph, item or cell around ``node``; failing one, its nearest element."""
    block = node.parent
    while block is not None and block.name not in _CONTEXT:
        block = block.parent
    return block or node.parent


def _html_block(run: list[str]) -> Block | None:
    """A run of sanitized HTML as one opaque block.

    The wrapping ``div`` matters: the sanitizer can leave bare text at the top level (the
    inside of a removed ``<section>``, say), and MkDocs would read bare text as Markdown,
    turning ``[x](javascript:…)`` back into a live link. Inside a block-level element
    Python-Markdown leaves everything as it is.
    """
    clean = sanitize_linked("".join(run)).strip()
    return Block("html", f'<div class="ea-prose">\n{clean}\n</div>') if clean else None


def _blocks(fragment: Fragment) -> tuple[Block, ...]:
    """Split top-level nodes into headings and runs of HTML between them."""
    blocks: list[Block | None] = []
    run: list[str] = []
    for node in fragment.top:
        if type(node) is Text:
            run.append(node.html)
        elif node.name in _HEADING_TAGS:
            blocks.append(_html_block(run))
            run = []
            # The page title is the only h1: body headings start at level 2.
            blocks.append(Block("heading", fragment.text_of(node), max(2, int(node.name[1]))))
        else:
            run.append(fragment.html_of(node))
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
    fragment = parse_fragment(markup)
    found = _Linker(matcher, hrefs, skip).visit(fragment)
    return Rendered(_blocks(fragment), found, problems)
