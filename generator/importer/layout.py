"""Judging a block by its shape: subheadings, section labels, lists of links, real text."""

from __future__ import annotations

import re
from dataclasses import replace

from generator.importer import markup
from generator.importer.boilerplate import RELATED_HEADER
from generator.importer.model import Block

FOOTER_MAX_WORDS = 20
_HEADING_MAX_WORDS = 12
_HEADING_MAX_CHARS = 90
_LABEL_MAX_WORDS = 3
_LIST_ITEM_MAX_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?…:;,][\"”’')\]]*$")
_QUESTION_WORDS = re.compile(
    r"^(?:what|why|how|who|whom|whose|where|when|which|is|are|can|could|will|would|does|do|"
    r"did|should|has|have)\b",
    re.IGNORECASE,
)
_TAGS_HEADER = re.compile(r"^(?:tags|topics|keywords|filed under)\s*:?$", re.IGNORECASE)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence or a clause."""
    return bool(_SENTENCE_END.search(text.strip()))


def is_text(block: Block) -> bool:
    """A block that is article text for sure: a sentence, a list, a quote, a table, code."""
    if block.kind in ("list", "quote", "table", "code"):
        return True
    return block.kind == "paragraph" and ends_sentence(block.text)


def is_list_header(text: str) -> bool:
    """A header ("Related", "Read more", "Tags") whose following lines go with it."""
    line = " ".join(text.split())
    return bool(RELATED_HEADER.match(line) or _TAGS_HEADER.match(line))


def continues_header(block: Block) -> bool:
    """A block under a "Related"/"Tags" header: a list, a lone link or a headline."""
    if block.kind in ("list", "dropped") or block.link_only:
        return True
    words = len(block.text.split())
    return (
        block.kind == "paragraph"
        and words <= _LIST_ITEM_MAX_WORDS
        and (not ends_sentence(block.text) or block.text.rstrip().endswith("?"))
    )


def is_interface_word(block: Block) -> bool:
    """A lone lowercase word ("info", "close"): an icon's label, never a paragraph."""
    text = block.text.strip()
    return block.kind == "paragraph" and text.isalpha() and text.islower()


def _label_like(block: Block) -> bool:
    text = block.text.strip()
    return (
        block.kind in ("paragraph", "heading")
        and len(text.split()) <= _LABEL_MAX_WORDS
        and not ends_sentence(text)
    )


def drop_top_labels(blocks: list[Block], reasons: list[str | None], kept: list[int]) -> list[int]:
    """Drop a menu or a section label ("World", "MIDDLE EAST") above a text's headline.

    A run of two or more such lines is a menu. A single one is a label only when it is one
    word, in capitals, or stands above a headline with no final punctuation — otherwise it
    may be a short headline itself.
    """
    run = 0
    while run < len(kept) - 1 and _label_like(blocks[kept[run]]):
        run += 1
    if run >= 2:
        for index in kept[:run]:
            reasons[index] = "navigation"
        return kept[run:]
    if run == 1:
        label, following = blocks[kept[0]].text.strip(), blocks[kept[1]].text.strip()
        if len(label.split()) == 1 or label.isupper() or not ends_sentence(following):
            reasons[kept[0]] = "section label"
            return kept[1:]
    return kept


def _heading_like(text: str) -> bool:
    """Short, one line, no final punctuation but a question mark after a question word."""
    line = text.strip()
    if "\n" in line or len(line) > _HEADING_MAX_CHARS or len(line.split()) > _HEADING_MAX_WORDS:
        return False
    if not (line[:1].isupper() or line[:1].isdigit() or line[:1] in "“\"‘'"):
        return False
    if line.endswith("?"):
        return bool(_QUESTION_WORDS.match(line))
    return not ends_sentence(line)


def infer_headings(blocks: list[Block], reasons: list[str | None]) -> None:
    """Make short unpunctuated lines between paragraphs into ``##`` subheadings (in place)."""
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    for position, index in enumerate(kept):
        block = blocks[index]
        if block.kind != "paragraph" or not _heading_like(block.text):
            continue
        before = kept[:position]
        after = kept[position + 1 : position + 2]
        if not any(is_text(blocks[i]) for i in before):
            continue
        if after and is_text(blocks[after[0]]):
            blocks[index] = replace(
                block, kind="heading", level=2, markdown=markup.heading(block.text, 2)
            )
