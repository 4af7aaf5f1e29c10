"""The shared last stage: blocks in reading order, plus page metadata, become an article.

Both readers (plain text and HTML) hand their blocks here, so a page is judged by the same
rules whatever its format: drop page furniture, take the title, byline, source and date out
of the body, keep every other paragraph as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from generator.body.sentences import sentence_spans
from generator.content.model import Source
from generator.content.values import MAX_LINE_LENGTH
from generator.importer import layout, markup
from generator.importer.boilerplate import URL_LINE, classify
from generator.importer.credits import Credit, credit_line, is_person_names, metadata_line
from generator.importer.datelines import split_dateline
from generator.importer.model import Block, DroppedLine, ImportedArticle, ImportFailure, PageMeta

_TITLE_MAX_CHARS = 250
_MOVED = " (moved to front-matter)"


class _Work:
    """The blocks of one page and, for each, why it left the body (None while it stays)."""

    def __init__(self, blocks: list[Block]) -> None:
        # An image cannot be kept: it is only reported (see html_figures.py).
        self.images = tuple(b.text for b in blocks if b.kind == "image")
        blocks = [b for b in blocks if b.kind != "image"]
        self.blocks = [b for b in blocks if b.text.strip() or b.kind == "dropped"]
        self.reasons: list[str | None] = [b.reason or None for b in self.blocks]
        self.credits: list[Credit] = []
        self.before: dict[int, list[DroppedLine]] = {}

    def kept(self) -> list[int]:
        return [i for i, reason in enumerate(self.reasons) if reason is None]

    def dropped(self) -> tuple[DroppedLine, ...]:
        lines: list[DroppedLine] = []
        for index, block in enumerate(self.blocks):
            lines.extend(self.before.get(index, []))
            reason = self.reasons[index]
            if reason is not None:
                lines.extend(DroppedLine(line, reason) for line in block.lines())
        return tuple(lines)


def _classify_all(work: _Work) -> None:
    """Apply the drop rules and collect bylines and dates, block by block.

    Under a "Related" or "Tags" header, the headlines and links that follow go with it.
    """
    header_reason: str | None = None
    for index, block in enumerate(work.blocks):
        if work.reasons[index] is not None:
            continue
        reason = _reason(block, work)
        if reason is None and header_reason and layout.continues_header(block):
            reason = header_reason
        elif reason is None or layout.is_list_header(block.text):
            header_reason = reason
        work.reasons[index] = reason


def _reason(block: Block, work: _Work) -> str | None:
    """Why one block leaves the body, recording any byline or date it states."""
    if block.kind == "list":
        reasons = {classify(item) for item in block.items}
        return reasons.pop() if len(reasons) == 1 and None not in reasons else None
    if block.kind not in ("paragraph", "heading") or "\n" in block.text:
        return None
    credit = metadata_line(block.text) or credit_line(block.text)
    if credit is not None:
        work.credits.append(credit)
        return credit.reason
    return classify(block.text) or ("interface label" if layout.is_interface_word(block) else None)


def _take_title(work: _Work, meta: PageMeta, name: str) -> str:
    """The article's title; its line (and any repeat of it) leaves the body."""
    kept = work.kept()
    if not meta.title:
        kept = layout.drop_top_labels(work.blocks, work.reasons, kept)
    candidates = [i for i in kept if work.blocks[i].kind in ("paragraph", "heading")]
    if not meta.title and not candidates:
        raise ImportFailure(f"{name}: no title: the page has no text left after cleaning")
    title = meta.title or work.blocks[candidates[0]].text
    title = _clean_title(title)
    # A title the page states is its headline however it reads; a guessed one must read so.
    guessed = not meta.title
    if len(title) > _TITLE_MAX_CHARS or (guessed and len(sentence_spans(title)) > 2):
        raise ImportFailure(
            f"{name}: no title: the first line reads like a paragraph, not a headline "
            f"({title[:60]}…); put the headline on the first line"
        )
    if not meta.title:
        work.reasons[candidates[0]] = "title" + _MOVED
    _drop_repeats(work, title)
    return title


def _clean_title(text: str) -> str:
    """One line, without the final full stop (an ellipsis stays)."""
    return re.sub(r"(?<!\.)\.$", "", " ".join(text.split()))


def _drop_repeats(work: _Work, title: str) -> None:
    """Drop the title where the body repeats it, and any top-level heading before the text."""
    wanted = _fold(title)
    seen_text = False
    for index in work.kept():
        block = work.blocks[index]
        if _fold(_clean_title(block.text)) == wanted or (
            block.kind == "heading" and block.level == 1 and not seen_text
        ):
            work.reasons[index] = "title (repeated)"
        seen_text = seen_text or block.kind == "paragraph"


def _fold(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _strip_dateline(work: _Work) -> str:
    """Move the dateline ("GAZA CITY (AFP) —") off the lede, or off the paragraph after a
    standfirst; return the agency it credits."""
    for index in [i for i in work.kept() if work.blocks[i].kind == "paragraph"][:2]:
        block = work.blocks[index]
        found = split_dateline(block.text)
        if found is None:
            continue
        work.before.setdefault(index, []).append(DroppedLine(found.line, "dateline" + _MOVED))
        if not found.rest.strip():
            work.reasons[index] = "dateline" + _MOVED
            return found.agency
        prefix = markup.escape_inline(found.line)
        body = (
            block.markdown.removeprefix(prefix).lstrip()
            if block.markdown.startswith(prefix)
            else markup.paragraph(found.rest)
        )
        work.blocks[index] = replace(
            block, text=found.rest, markdown=markup.escape_line_start(body)
        )
        return found.agency
    return ""


def _is_text(block: Block) -> bool:
    return block.confirmed or layout.is_text(block)


def _drop_footer(work: _Work) -> None:
    """Short lines after the last real paragraph are page footer, or a bare-name byline.

    A block an extractor confirmed as article text is not footer (it may be a byline).
    """
    kept = work.kept()
    last = max((i for i in kept if layout.is_text(work.blocks[i])), default=-1)
    for index in kept:
        block = work.blocks[index]
        if index <= last or len(block.text.split()) > layout.FOOTER_MAX_WORDS:
            continue
        if is_person_names(block.text, min_words=2) and not any(c.byline for c in work.credits):
            work.credits.append(Credit("byline" + _MOVED, byline=block.text.strip()))
            work.reasons[index] = "byline" + _MOVED
        elif not block.confirmed:
            work.reasons[index] = "page footer (after the article)"


def _source(work: _Work, meta: PageMeta, dateline_agency: str) -> Source | None:
    """The publication: the site's own name, else the agency a byline or dateline credits."""
    agencies = [c.agency for c in work.credits if c.agency and c.byline]
    agencies += [dateline_agency] + [c.agency for c in work.credits if c.agency] + [meta.agency]
    name = meta.site_name or next((a for a in agencies if a), "")
    url = meta.url or next(
        (
            m["url"]
            for i, b in enumerate(work.blocks)
            if work.reasons[i] == "page address" and (m := URL_LINE.match(b.text.strip()))
        ),
        "",
    )
    return Source(name=name, url=url) if name or url else None


def _date(work: _Work, meta: PageMeta, override: dt.date | None, name: str) -> dt.date:
    """The argument wins; then what the page says it was published, then updated."""
    stated = [meta.date] + [c.published for c in work.credits]
    stated += [meta.updated] + [c.updated for c in work.credits]
    found = override or next((d for d in stated if d is not None), None)
    if found is None:
        raise ImportFailure(
            f"{name}: no date: the page states no publication date; pass --date YYYY-MM-DD"
        )
    return found


def _summary(kept: list[Block]) -> str:
    """The lede as one line; when longer than a front-matter line may be, its first
    sentences that fit (or its first words, with an ellipsis)."""
    lede = next((" ".join(b.text.split()) for b in kept if b.kind == "paragraph"), "")
    if len(lede) <= MAX_LINE_LENGTH:
        return lede
    ends = [end for _, end in sentence_spans(lede) if end <= MAX_LINE_LENGTH]
    if ends:
        return lede[: ends[-1]].strip()
    return lede[: MAX_LINE_LENGTH - 1].rsplit(" ", 1)[0].rstrip() + "…"


def assemble(
    blocks: list[Block],
    meta: PageMeta,
    *,
    name: str,
    date: dt.date | None = None,
    infer_headings: bool = False,
) -> ImportedArticle:
    """Turn a page's blocks into an :class:`ImportedArticle`.

    ``name`` is used in error messages; ``date`` overrides any date the page states;
    ``infer_headings`` makes short unpunctuated lines subheadings (plain text input).
    Raises :class:`ImportFailure` when no title, no date or no article text remains.
    """
    work = _Work(blocks)
    _classify_all(work)
    title = _take_title(work, meta, name)
    dateline_agency = _strip_dateline(work)
    if infer_headings:
        layout.infer_headings(work.blocks, work.reasons)
    _drop_footer(work)
    kept = [work.blocks[i] for i in work.kept()]
    if not any(_is_text(b) for b in kept):
        raise ImportFailure(f"{name}: no article text found below the title")
    bylines = [c.byline for c in work.credits if c.byline and c.reason.startswith("byline")]
    bylines += [c.byline for c in work.credits if c.byline]
    return ImportedArticle(
        title=title,
        date=_date(work, meta, date, name),
        byline=meta.byline or next(iter(bylines), ""),
        source=_source(work, meta, dateline_agency),
        summary=_summary(kept),
        body="\n\n".join(b.markdown for b in kept),
        dropped=work.dropped(),
        images_left_out=work.images,
    )
