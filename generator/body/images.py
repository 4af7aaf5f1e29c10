"""Images in a body: checked, and published as sized, lazily loaded ``img`` elements.

A contributor writes ``![Alt text](../images/name.png)``, the path relative to the article
file, as GitHub's preview resolves it. An image alone in its paragraph with a title,
``![Alt](../images/name.png "Caption")``, becomes a figure with that caption (GitHub shows
the image, and the title when the pointer rests on it).

The sanitizer never lets an ``img`` through: each image token is replaced by a marker, a
word no contributor can write (random per process), and after sanitizing the marker is
replaced by the element built here from the verified file alone: the published address,
its pixel size, and the alt text and caption escaped.
"""

from __future__ import annotations

import html
import secrets
from dataclasses import dataclass, field
from typing import Protocol

from markdown_it.token import Token

from generator.content.image_files import Picture
from generator.content.image_paths import RefusedPath, content_path

_MARKER = f"eaimage{secrets.token_hex(12)}n"
_BREAKS = ("softbreak", "hardbreak")


class ImageLookup(Protocol):
    """Finds the picture an image path names, for the files of one folder."""

    prefix: str

    def find(self, src: str) -> Picture:
        """The verified picture ``src`` names; raises RefusedPath with the reason."""
        ...


@dataclass(frozen=True)
class ImageProblem:
    """A refused image: the message, its body line (1-based) and column, when known."""

    message: str
    line: int | None
    column: int | None = None


@dataclass
class Placed:
    """What placing a body's images gave: elements by marker, problems, pictures used."""

    elements: dict[str, str] = field(default_factory=dict)
    problems: list[ImageProblem] = field(default_factory=list)
    looked_up: list[tuple[str, Picture | str]] = field(default_factory=list)

    def fill(self, sanitized: str) -> str:
        """``sanitized`` HTML with every marker replaced by its image element."""
        for marker, element in self.elements.items():
            sanitized = sanitized.replace(marker, element)
        return sanitized


def alt_text(image: Token) -> str:
    """The plain text of an image's description, as a screen reader will read it."""
    parts = []
    for child in image.children or ():
        if child.type in _BREAKS:
            parts.append(" ")
        elif child.type == "image":
            parts.append(alt_text(child))
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
    return " ".join("".join(parts).split())


def _element(picture: Picture, alt: str, prefix: str) -> str:
    src = html.escape(prefix + picture.published)
    return (
        f'<img src="{src}" alt="{html.escape(alt)}" width="{picture.width}" '
        f'height="{picture.height}" loading="lazy" decoding="async">'
    )


def _column(lines: list[str], line: int, nth: int) -> int | None:
    """The 1-based column of the ``nth`` image opener on body line ``line`` (0-based)."""
    if not 0 <= line < len(lines):
        return None
    position = -1
    for _ in range(nth + 1):
        position = lines[line].find("![", position + 1)
        if position < 0:
            return None
    return position + 1


def _caption(paragraph: Token | None, inline: Token, image: Token) -> str:
    """The caption of a figure: a title on an image standing alone in a shown paragraph."""
    alone = [c for c in inline.children or () if not (c.type == "text" and not c.content.strip())]
    if paragraph is None or paragraph.hidden or len(alone) != 1 or alone[0] is not image:
        return ""
    return str(image.attrs.get("title") or "").strip()


class _Placer:
    """Walks one body's inline tokens and replaces each image by a marker."""

    def __init__(self, lookup: ImageLookup | None, text: str) -> None:
        self.lookup, self.lines = lookup, text.split("\n")
        self.placed = Placed()

    def inline(self, paragraph: Token | None, inline: Token, heading: bool) -> None:
        line = inline.map[0] if inline.map else None
        seen_on_line = 0
        children = []
        for child in inline.children or ():
            if child.type in _BREAKS:
                line, seen_on_line = (line + 1 if line is not None else None), 0
            if child.type != "image":
                children.append(child)
                continue
            column = _column(self.lines, line, seen_on_line) if line is not None else None
            seen_on_line += 1
            where = (line + 1 if line is not None else None, column)
            children.append(self._image(paragraph, inline, child, heading, where))
        inline.children = children

    def _image(self, paragraph, inline, image: Token, heading: bool, where) -> Token:
        src = str(image.attrs.get("src", ""))
        alt, picture = alt_text(image), self._find(src, where)
        if not alt:
            self._refuse(
                "alt text is required: describe what the image shows, "
                "as in ![Map of the crossing](../images/crossing.png)",
                where,
            )
        if heading:
            self._refuse("an image cannot stand in a heading; put it in a paragraph", where)
        marker = Token("text", "", 0, content=f"{_MARKER}{len(self.placed.elements)}x")
        if picture is None or not alt or heading:
            marker.content = ""
            return marker
        element = _element(picture, alt, self.lookup.prefix if self.lookup else "")
        caption = _caption(paragraph, inline, image)
        if caption:
            paragraph.tag = "figure"
            element += f"<figcaption>{html.escape(caption)}</figcaption>"
        self.placed.elements[marker.content] = element
        return marker

    def _find(self, src: str, where) -> Picture | None:
        try:
            if self.lookup is None:
                content_path(src, "articles")  # the path's own faults come first
                raise RefusedPath("images cannot be published from here")
            picture = self.lookup.find(src)
        except RefusedPath as err:
            self.placed.looked_up.append((src, str(err)))
            self._refuse(str(err), where)
            return None
        self.placed.looked_up.append((src, picture))
        return picture

    def _refuse(self, message: str, where) -> None:
        self.placed.problems.append(ImageProblem(message, *where))


def place_images(tokens: list[Token], lookup: ImageLookup | None, text: str) -> Placed:
    """Replace every image in ``tokens`` (in place) by a marker; check each on the way.

    ``lookup`` finds the pictures (None where a body cannot publish any); ``text`` is the
    body, for the column of each problem.
    """
    placer = _Placer(lookup, text)
    paragraph: Token | None = None
    heading = False
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            heading = token.type == "heading_open"
        elif token.type == "paragraph_open":
            paragraph = token
        elif token.type == "paragraph_close":
            # A paragraph that became a figure closes as one.
            token.tag = paragraph.tag if paragraph is not None else token.tag
            paragraph = None
        elif token.type == "inline" and any(c.type == "image" for c in token.children or ()):
            placer.inline(paragraph, token, heading)
    return placer.placed
