"""Contributed Markdown to safe HTML blocks, with each entity's first mention linked.

The route: Python-Markdown renders the body, nh3 sanitizes it, mentions are found and
linked on the sanitized DOM's text nodes (never inside links, code or headings), and the
result is sanitized once more. Headings are returned apart so that pages can write them
as Markdown and keep MkDocs' table of contents.
"""

from __future__ import annotations

from dataclasses import dataclass

import markdown
from bs4 import BeautifulSoup, NavigableString, Tag

from generator.matcher import AliasMatcher, Match
from generator.model import Entity
from generator.sanitize import sanitize
from generator.sentences import sentence_at

MARKDOWN_EXTENSIONS = ("fenced_code", "tables", "sane_lists", "def_list", "admonition")
_NO_MATCH = frozenset({"code", "pre", "kbd", "samp", "var"})
_NO_LINK = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6"})
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
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
class Rendered:
    """A rendered body: blocks to write, the first mention of each entity, problems."""

    blocks: tuple[Block, ...]
    found: tuple[Found, ...]
    problems: tuple[str, ...] = ()


def markdown_to_html(text: str) -> tuple[str, tuple[str, ...]]:
    """Render contributed Markdown and sanitize it; also say what the sanitizer must drop."""
    raw = markdown.markdown(text, extensions=list(MARKDOWN_EXTENSIONS))
    problems = ()
    if "<img" in raw.lower():
        problems = ("images are not supported in article text; describe the image in words",)
    return sanitize(raw), problems


def _skipped(node: NavigableString, tags: frozenset[str]) -> bool:
    return any(parent.name in tags for parent in node.parents)


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
        self.linked: set[str] = set()

    def visit(self, soup: BeautifulSoup) -> None:
        for node in list(soup.find_all(string=True)):
            if type(node) is NavigableString and not _skipped(node, _NO_MATCH):
                self._visit_text(soup, node)

    def _visit_text(self, soup: BeautifulSoup, node: NavigableString) -> None:
        matches = [m for m in self.matcher.find(str(node)) if m.entity_id != self.skip]
        for match in matches:
            if match.entity_id not in self.found:
                text, offset = _context(node)
                self.found[match.entity_id] = found_in(text, match, offset)
        if _skipped(node, _NO_LINK):
            return
        to_link = [m for m in matches if m.entity_id not in self.linked]
        to_link = list({m.entity_id: m for m in reversed(to_link)}.values())[::-1]
        if to_link:
            node.replace_with(*self._pieces(soup, str(node), to_link))

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


def _blocks(soup: BeautifulSoup) -> tuple[Block, ...]:
    """Split top-level nodes into headings and runs of HTML between them."""
    blocks: list[Block] = []
    run: list[str] = []
    for node in soup.contents:
        if isinstance(node, Tag) and node.name in _HEADINGS:
            if run:
                blocks.append(Block("html", sanitize("".join(run))))
                run = []
            # The page title is the only h1: body headings start at level 2.
            blocks.append(Block("heading", node.get_text(), max(2, int(node.name[1]))))
        else:
            run.append(str(node))
    if "".join(run).strip():
        blocks.append(Block("html", sanitize("".join(run))))
    return tuple(b for b in blocks if b.kind == "heading" or b.content.strip())


def render_body(
    text: str, matcher: AliasMatcher, entities: dict[str, Entity], prefix: str, skip: str = ""
) -> Rendered:
    """Render ``text``; link each entity's first mention to ``prefix + entity.url``."""
    html, problems = markdown_to_html(text)
    soup = BeautifulSoup(html, "html.parser")
    linker = _Linker(matcher, {i: prefix + e.url for i, e in entities.items()}, skip)
    linker.visit(soup)
    return Rendered(_blocks(soup), tuple(linker.found.values()), problems)
