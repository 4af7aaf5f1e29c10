"""A saved HTML page: find the element that holds the article, then read it into blocks."""

from __future__ import annotations

import re
from collections import defaultdict

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.importer.html_blocks import blocks_from
from generator.importer.html_depth import flatten_deep
from generator.importer.html_extract import extracted_text, keep_agreed
from generator.importer.html_meta import page_meta
from generator.importer.html_repair import close_open_headings
from generator.importer.html_rules import INLINE_TAGS, SILENT_TAGS, drop_reason
from generator.importer.model import Block, PageMeta

_MIN_STRING = 25
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset|<\?xml[^>]+encoding", re.IGNORECASE)


def _text_len(tag: Tag) -> int:
    return len(re.sub(r"\s+", "", tag.get_text()))


def _density_winner(body: Tag) -> Tag:
    """The element whose own paragraphs hold the most text (the "div soup" case).

    Like readability: each long text run counts fully for its parent block and half for
    the grandparent, skipping furniture.
    """
    scores: dict[int, float] = defaultdict(float)
    tags: dict[int, Tag] = {}
    for string in body.find_all(string=True):
        text = " ".join(string.split())
        if len(text) < _MIN_STRING or not isinstance(string, NavigableString):
            continue
        parents = [p for p in string.parents if isinstance(p, Tag)]
        if any(p.name in SILENT_TAGS or drop_reason(p, 0) for p in parents):
            continue
        blocks = [p for p in parents if p.name not in INLINE_TAGS and p.name != "p"]
        for weight, parent in zip((1.0, 0.5), blocks, strict=False):
            scores[id(parent)] += len(text) * weight
            tags[id(parent)] = parent
    return tags[max(scores, key=scores.__getitem__)] if scores else body


def find_container(soup: BeautifulSoup) -> Tag:
    """The element holding the article text: ``<article>``/``<main>`` or the densest block."""
    body = soup.body or soup
    candidates = body.select('[itemprop="articleBody"], article, main, [role="main"]')
    scored = [(tag, sum(_text_len(p) for p in tag.find_all("p"))) for tag in candidates]
    best = max((score for _, score in scored), default=0)
    if best >= 200:
        # The narrowest candidate that still holds nearly all of the best one's text.
        close = [tag for tag, score in scored if score >= 0.8 * best]
        return min(close, key=_text_len)
    return _density_winner(body)


def decode_page(data: str | bytes) -> str | bytes:
    """Text of a saved page. Bytes that are valid UTF-8 are UTF-8 whatever the page declares
    (saved copies often keep a stale declaration); otherwise the declared charset is used
    (the parser reads it), else Windows-1252, a superset of Latin-1. No guessing library is
    involved, so every machine decodes a page the same way."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if _DECLARED_CHARSET.search(data[:4096]):
            return data
        return data.decode("cp1252", errors="replace")


def read_page(markup: str | bytes) -> tuple[list[Block], PageMeta]:
    """Parse a page into body blocks (furniture marked as dropped) and its metadata.

    When trafilatura finds the page's main text, the whole body is read and each block
    stays only if that text holds it; otherwise the container found by our own rules is read.
    """
    soup = BeautifulSoup(decode_page(markup), "html.parser")
    flatten_deep(soup)
    close_open_headings(soup)
    container = find_container(soup)
    meta = page_meta(soup, container)
    # The flattened tree, serialised: the extractor never sees deeper nesting than we do.
    main_text = extracted_text(str(soup))
    if not main_text:
        return blocks_from(container, base_url=meta.url, guard=_text_len(container)), meta
    guard = len(re.sub(r"\s+", "", main_text))
    blocks = blocks_from(soup.body or soup, base_url=meta.url, guard=guard)
    return keep_agreed(blocks, main_text, meta.title), meta
