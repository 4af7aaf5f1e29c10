"""Finished HTML past MkDocs' Markdown pass: a placeholder in, the HTML back out.

A generated page holds its prose as finished HTML (rendered and sanitized by the
generator) between Markdown headings and listings. Python-Markdown would read all of that
HTML again only to pass it through; instead each block is set aside before MkDocs renders
the page and put back into the HTML it makes. The page files stay as they are, readable
and buildable by any renderer.

The generator says where the blocks are (``Page.finished``: their lengths, in order), so
nothing here reads HTML. A placeholder is an HTML comment standing alone between blank
lines, which Python-Markdown passes through untouched; it carries a token drawn afresh for
every build, so text on a page can never forge one (and contributed text loses every
comment to the sanitizer anyway). A block that is not where the generator said, or a
placeholder that does not come back exactly once, stops the build: never a silent loss.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from generator.body.render import PROSE_END, PROSE_START
from generator.site.pages.common import Page


class PopulateError(Exception):
    """A block of finished HTML could not be set aside or put back."""


def finished_blocks(pages: Iterable[Page]) -> dict[str, tuple[int, ...]]:
    """Where each page keeps finished HTML: its path and the lengths of its blocks."""
    return {page.path: page.finished for page in pages if page.finished}


def new_token() -> str:
    """A token no page text can guess: fresh for every build."""
    return secrets.token_hex(16)


def placeholder(token: str, index: int) -> str:
    """What stands in the Markdown for block ``index`` while MkDocs renders the page."""
    return f"<!-- explainer-html {token} {index} -->"


@dataclass(frozen=True)
class SetAside:
    """A page's Markdown with placeholders, and the blocks they stand for, in order."""

    markdown: str
    blocks: tuple[str, ...] = field(default=())


def _block_at(markdown: str, start: int, length: int) -> str | None:
    """The block of ``length`` characters at ``start``, if it is one the generator wrote."""
    end = start + length
    block = markdown[start:end]
    stands_alone = (start == 0 or markdown.endswith("\n\n", 0, start)) and (
        end == len(markdown) or markdown.startswith("\n\n", end) or markdown[end:] == "\n"
    )
    ok = block.startswith(PROSE_START) and block.endswith(PROSE_END) and stands_alone
    return block if ok else None


def set_aside(markdown: str, lengths: tuple[int, ...], token: str) -> SetAside:
    """Replace each block of finished HTML (``lengths``, in order) by a placeholder.

    Raises :class:`PopulateError` when a block is not where the generator put it (the page
    is not the one generated, or the two disagree).
    """
    parts: list[str] = []
    blocks: list[str] = []
    position = 0
    for index, length in enumerate(lengths):
        start = markdown.find(PROSE_START, position)
        block = _block_at(markdown, start, length) if start >= 0 else None
        if block is None:
            raise PopulateError(f"finished HTML block {index + 1} is not where it was generated")
        parts += [markdown[position:start], placeholder(token, index)]
        blocks.append(block)
        position = start + length
    parts.append(markdown[position:])
    return SetAside("".join(parts), tuple(blocks))


def put_back(html: str, blocks: tuple[str, ...], token: str) -> str:
    """The rendered page with every placeholder replaced by its block of finished HTML.

    Raises :class:`PopulateError` unless each placeholder is there exactly once.
    """
    for index, block in enumerate(blocks):
        mark = placeholder(token, index)
        head, found, tail = html.partition(mark)
        if not found or mark in tail:
            raise PopulateError(f"finished HTML block {index + 1} did not come back once")
        html = head + block + tail
    return html


@dataclass
class Populator:
    """One build's token, where the pages keep finished HTML, and what each page set aside."""

    lengths: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    token: str = field(default_factory=new_token)
    waiting: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def markdown(self, src: str, markdown: str) -> str:
        """The page's Markdown with its finished HTML set aside until :meth:`html`."""
        lengths = self.lengths.get(src)
        if not lengths:
            return markdown
        done = set_aside(markdown, lengths, self.token)
        self.waiting[src] = done.blocks
        return done.markdown

    def html(self, src: str, html: str) -> str:
        """The page's rendered HTML with its finished HTML back in place."""
        blocks = self.waiting.pop(src, ())
        return put_back(html, blocks, self.token) if blocks else html
