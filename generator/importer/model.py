"""The importer's records: what an import returns, and the blocks it works on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from generator.content.model import Source

BlockKind = Literal[
    "paragraph", "heading", "list", "quote", "code", "table", "figure", "image", "dropped"
]


class ImportFailure(Exception):
    """An input that cannot become an article; the message names the file and the fix."""


@dataclass(frozen=True)
class DroppedLine:
    """A line of the input that is not in the article body, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class ImportedArticle:
    """A cleaned article, ready to be written with front-matter."""

    title: str
    date: dt.date
    byline: str
    source: Source | None
    summary: str
    body: str
    dropped: tuple[DroppedLine, ...] = ()
    # The addresses of the page's images, which an import cannot keep (they are remote).
    images_left_out: tuple[str, ...] = ()
    # Set only when the contributor chose one (``--slug``); otherwise derived from the title.
    slug: str = ""


@dataclass(frozen=True)
class Block:
    """One block of the page in reading order: its plain text and its Markdown.

    ``text`` is what the drop rules look at (and what a summary is made of); ``markdown``
    is what goes into the body. A ``dropped`` block carries the reason it was removed
    (the HTML reader removes navigation, share bars and the like before the shared rules run).
    A ``figure`` block is a caption (its ``markdown`` a figure element holding it); an
    ``image`` block is an image the page shows, its address as ``text``, never in the body.
    ``confirmed`` is set when a main-text extractor holds the block as article text too, so
    the layout guesses (short lines after the last sentence are footer) leave it alone.
    """

    kind: BlockKind
    text: str
    markdown: str = ""
    level: int = 0
    link_only: bool = False
    reason: str = ""
    items: tuple[str, ...] = field(default=())
    confirmed: bool = False

    def lines(self) -> list[str]:
        """The block's text as non-empty lines, for reporting what was dropped."""
        return [line.strip() for line in self.text.splitlines() if line.strip()]


@dataclass(frozen=True)
class PageMeta:
    """What a page states about itself outside its body text (HTML metadata)."""

    title: str = ""
    date: dt.date | None = None
    updated: dt.date | None = None
    byline: str = ""
    site_name: str = ""
    url: str = ""
    agency: str = ""
