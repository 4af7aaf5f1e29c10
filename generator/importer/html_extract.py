"""A second opinion on which text of a page is the article: trafilatura's main-text extraction.

trafilatura (Apache-2.0) scores better than our container rules on the public
article-extraction benchmark (``python -m benchmarks.article_eval``), but it returns bare
text: no links, no emphasis, no record of what it dropped. So it only votes: the page is read
into blocks by our own reader, and a block stays in the article when trafilatura's text
holds it too. Everything after that (title, byline, dateline, footer, the drop report) is the
shared assembly, as for any page.

trafilatura reads the page as our parser left it (after :func:`~.html_depth.flatten_deep`),
so it never sees deeper nesting than our own readers do.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.importer import layout
from generator.importer.boilerplate import classify
from generator.importer.credits import credit_line, metadata_line
from generator.importer.model import Block

# Words per shingle when matching a block against the extracted text.
_SHINGLE = 3
# A block stays when at least this share of its shingles occur in the extracted text.
_MIN_SHARE = 0.5
_WORD = re.compile(r"\w+")
_OUTSIDE = "outside the article text"


def extracted_text(page: str) -> str:
    """The page's main text as trafilatura finds it, or "" when it finds none."""
    import trafilatura  # imported here: only saved HTML pages need it

    found = trafilatura.extract(
        page, include_comments=False, include_tables=True, deduplicate=False
    )
    return found or ""


class _Text:
    """Extracted text, indexed for matching: its shingles and its lines as word runs."""

    def __init__(self, text: str) -> None:
        words = _words(text)
        self.shingles = set(_shingles(words))
        self.lines = {" ".join(_words(line)) for line in text.splitlines()}

    def holds(self, block: Block) -> bool:
        words = _words(block.text)
        if len(words) < _SHINGLE:  # too short to match by shingles: match whole lines
            lines = [" ".join(_words(line)) for line in block.lines()]
            return " ".join(words) in self.lines or all(line in self.lines for line in lines)
        own = _shingles(words)
        return sum(s in self.shingles for s in own) >= _MIN_SHARE * len(own)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _shingles(words: list[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)]


def _outside(block: Block, before_text: bool) -> list[Block]:
    """What becomes of a block the extracted text does not hold.

    A "Related"-style header stays for the assembly, which drops what follows it with it.
    Above the article, a byline or date line and a standfirst (a sentence) stay for the
    assembly to place; anything else is dropped, with a text rule's reason where one applies.
    """
    single = block.kind in ("paragraph", "heading") and "\n" not in block.text
    if single and layout.is_list_header(block.text):
        return [block]  # "Most read": the assembly drops the headlines under it too
    if before_text and single and (metadata_line(block.text) or credit_line(block.text)):
        return [block]
    standfirst = block.kind == "paragraph" and not block.link_only
    if before_text and standfirst and layout.ends_sentence(block.text):
        return [block]
    return [Block("dropped", line, reason=classify(line) or _OUTSIDE) for line in block.lines()]


def _within_article(blocks: list[Block]) -> list[Block]:
    """Figures and images only between the article's first block and its last confirmed
    one: extractors leave captions out, so their place decides, not the extracted text."""
    held = [i for i, b in enumerate(blocks) if b.kind not in ("dropped", "figure", "image")]
    confirmed = [i for i, b in enumerate(blocks) if b.confirmed]
    first, last = (held[0], confirmed[-1]) if held and confirmed else (0, -1)
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        inside = first <= index <= last
        if block.kind == "figure" and not inside:
            kept.append(Block("dropped", block.text, reason="photo caption or credit"))
        elif inside or block.kind != "image":
            kept.append(block)
    return kept


def keep_agreed(blocks: list[Block], text: str, title: str) -> list[Block]:
    """The blocks, those the extracted ``text`` holds marked ``confirmed``, the others dropped.

    A block that repeats the ``title`` is left as it is for the assembly (which drops it as
    a repeat); a block without words goes with the block before it. A link-only block is
    held but not confirmed: teaser headlines are the extractors' commonest mistake. Figures
    and images are judged by where they stand (:func:`_within_article`).
    """
    index = _Text(text)
    title_words = _words(title)
    kept: list[Block] = []
    previous_kept = before_text = True
    for block in blocks:
        words = _words(block.text)
        if block.kind in ("dropped", "figure", "image") or words == title_words:
            kept.append(block)
        elif (not words and previous_kept) or index.holds(block):
            previous_kept, before_text = True, False
            kept.append(replace(block, confirmed=not block.link_only))
        else:
            previous_kept = False
            kept += _outside(block, before_text)
    return _within_article(kept)
