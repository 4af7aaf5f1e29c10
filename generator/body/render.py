"""Contributed Markdown to safe HTML blocks, with each entity's first mention linked.

The route, in one pass: the body is parsed into markdown-it's token stream
(``commonmark.py``), mentions are found and linked on its text tokens (``linker.py``), the
tokens are rendered to HTML, and nh3 sanitizes that once. Top-level headings are returned
apart so that pages can write them as Markdown and keep MkDocs' table of contents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from generator.body.commonmark import parse, to_html
from generator.body.images import ImageLookup, Placed, place_images
from generator.body.limits import render_limits
from generator.body.linker import Ambiguous, Found, Linker, found_in, inline_text
from generator.body.names import LowerWords
from generator.body.raw_html import TAG_NAME, link_targets_of, raw_html
from generator.body.sanitize import ALLOWED_TAGS, sanitize_rendered
from generator.content.image_files import Picture
from generator.content.matcher import AliasMatcher
from generator.content.model import Entity, Severity

__all__ = [
    "Block",
    "Found",
    "ImageLookup",
    "Note",
    "Rendered",
    "found_in",
    "link_targets",
    "render_body",
]

# A URL the browser would run, as markdown-it leaves it (entities decoded, percent-encoded).
# Each run of prose between headings, as it stands in a generated page: the generator's own
# lines, which a renderer may look for to hand the block on unread (generator/output/populate.py).
PROSE_START = '<div class="ea-prose">\n'
PROSE_END = "\n</div>"
_SCRIPT_URL = re.compile(r"[\s\x00-\x1f]*(?:java|vb)script:", re.I)
_ACTIVE = re.compile(r"<[^>]*\s(?:on[a-z]+\s*=|[a-z]+\s*=\s*[\"']?\s*(?:java|vb)script:)", re.I)


@dataclass(frozen=True)
class Block:
    """A piece of a rendered body: a heading (level, plain text) or sanitized HTML."""

    kind: str
    content: str
    level: int = 0


@dataclass(frozen=True)
class Note:
    """Something a contributor should know about a body; ``line`` counts within the body."""

    message: str
    line: int | None = None
    severity: Severity = "error"
    column: int | None = None


@dataclass(frozen=True)
class Rendered:
    """A rendered body: blocks to write, the first mention of each entity, problems.

    ``looked_up``: every image path the body names, with the picture found or the reason
    it was refused (a long-lived process renders again when one of them changes).
    """

    blocks: tuple[Block, ...]
    found: tuple[Found, ...]
    problems: tuple[Note, ...] = ()
    looked_up: tuple[tuple[str, Picture | str], ...] = ()

    @property
    def pictures(self) -> tuple[Picture, ...]:
        """The images the body publishes."""
        return tuple(p for _, p in self.looked_up if isinstance(p, Picture))


def _line_of(text: str, pattern: str) -> int | None:
    """The body line where ``pattern`` first occurs (case-insensitive), if it does."""
    match = re.search(pattern, text, re.IGNORECASE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _removed(tokens: list[Token], text: str) -> tuple[Note, ...]:
    """Say what the sanitizer will take out, so that nothing disappears unexplained."""
    raw = "".join(raw_html(tokens))
    tags = {name.lower() for _, name in TAG_NAME.findall(raw)}
    notes = []
    if "img" in tags:
        line = _line_of(text, r"<img")
        message = "raw <img> tags are removed: write the image as ![Alt text](../images/name.png)"
        notes.append(Note(message, line))
    removed = sorted(tags - ALLOWED_TAGS - {"img"})
    if removed:
        listed = ", ".join(f"<{name}>" for name in removed)
        line = _line_of(text, "|".join(f"<{name}" for name in removed))
        notes.append(Note(f"HTML not allowed, removed: {listed}", line, "warning"))
    if _ACTIVE.search(raw) or any(_SCRIPT_URL.match(url) for url in link_targets_of(tokens)):
        line = _line_of(text, r"\son[a-z]+\s*=|(?:java|vb)script:")
        notes.append(Note("event handlers or script URLs removed", line, "warning"))
    return tuple(notes)


def _tokens(text: str) -> tuple[list[Token], tuple[Note, ...]]:
    """The token stream of ``text`` and what cannot be rendered; no tokens if it cannot."""
    limits = render_limits(text)
    if limits:
        return [], tuple(Note(message, line) for line, message in limits)
    try:
        tokens = parse(text)
    except RecursionError:
        return [], (Note("nested too deeply to render"),)
    return tokens, _removed(tokens, text)


def _image_notes(placed: Placed) -> tuple[Note, ...]:
    return tuple(Note(p.message, p.line, column=p.column) for p in placed.problems)


def markdown_to_html(text: str, images: ImageLookup | None = None) -> tuple[str, tuple[Note, ...]]:
    """Render contributed Markdown and sanitize it; also report what cannot be rendered."""
    tokens, notes = _tokens(text)
    placed = place_images(tokens, images, text)
    html = placed.fill(sanitize_rendered(to_html(tokens))) if tokens else ""
    return html, notes + _image_notes(placed)


def _html_block(run: list[Token], placed: Placed) -> Block | None:
    """A run of block tokens rendered and sanitized as one opaque block.

    The wrapping ``div`` matters: the sanitizer can leave bare text at the top level (the
    inside of a removed ``<section>``, say), and MkDocs would read bare text as Markdown,
    turning ``[x](javascript:…)`` back into a live link. Inside a block-level element
    Python-Markdown leaves everything as it is.
    """
    clean = placed.fill(sanitize_rendered(to_html(run))).strip() if run else ""
    return Block("html", f"{PROSE_START}{clean}{PROSE_END}") if clean else None


def _blocks(tokens: list[Token], placed: Placed) -> tuple[Block, ...]:
    """Split the stream at top-level headings into headings and runs of HTML between them."""
    blocks: list[Block | None] = []
    run: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.level == 0:
            blocks.append(_html_block(run, placed))
            run = []
            title = inline_text(tokens[index + 1])[0]
            # The page title is the only h1: body headings start at level 2.
            blocks.append(Block("heading", title, max(2, int(token.tag[1]))))
            index += 3  # heading_open, inline, heading_close
            continue
        run.append(token)
        index += 1
    blocks.append(_html_block(run, placed))
    return tuple(b for b in blocks if b is not None)


def link_targets(entities: dict[str, Entity], prefix: str) -> dict[str, str]:
    """Where each entity's mentions link to, from a page ``prefix`` below the site root."""
    return {entity_id: prefix + entity.url for entity_id, entity in entities.items()}


def _choice_note(ambiguous: Ambiguous) -> Note:
    """Ask for a choice between the entries that share an alias."""
    *others, last = ambiguous.candidates
    named = f"{', '.join(others)} or {last}"
    return Note(
        f"{ambiguous.alias!r} is an alias of {named}, and nothing in the article says which "
        "it means: add the id of the one meant to `actors:` or `locations:`",
        ambiguous.line,
    )


def render_body(
    text: str,
    matcher: AliasMatcher,
    hrefs: dict[str, str],
    skip: str = "",
    listed: frozenset[str] = frozenset(),
    images: ImageLookup | None = None,
) -> Rendered:
    """Render ``text``; link each entity's first mention to its ``hrefs`` target.

    ``skip``: the entry whose description this is; ``listed``: the entries the article's
    front-matter names, which decide between entries that share an alias; ``images``:
    where the body's image paths are looked up (without it, every image is refused).
    """
    tokens, problems = _tokens(text)
    linker = Linker(matcher, hrefs, skip, listed, LowerWords(text))
    found = linker.visit(tokens)
    choices = tuple(_choice_note(a) for a in linker.ambiguous.values())
    # After linking: an image's marker is no text a name could be found in.
    placed = place_images(tokens, images, text)
    notes = problems + choices + _image_notes(placed)
    return Rendered(_blocks(tokens, placed), found, notes, tuple(placed.looked_up))
