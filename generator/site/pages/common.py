"""What every generated page shares: the page record, its front-matter, dates, blocks."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from generator.body.render import Block
from generator.site.markup import html_text, md_text
from generator.site.wording import MONTHS, plural  # noqa: F401 - re-exported for the pages


@dataclass(frozen=True)
class Page:
    """A generated Markdown file: its path below the docs folder and its text.

    ``finished``: the length of each block of finished HTML (rendered, sanitized prose) in
    ``text``, in order, so that a renderer can hand those blocks on without reading them
    as Markdown again (generator/output/populate.py). Not part of what the page is.
    """

    path: str
    text: str
    finished: tuple[int, ...] = field(default=(), compare=False)


def front_matter(title: str, description: str = "", **extra: object) -> str:
    """Page meta for MkDocs and the theme.

    MkDocs' templates do not autoescape and Material prints ``title`` and ``description``
    raw into ``<title>``, ``<meta>`` and the search index, so both are HTML-escaped here.
    """
    meta: dict[str, object] = {"title": html_text(title)}
    if description:
        meta["description"] = html_text(description)
    meta.update(extra)
    return (
        "---\n"
        + "".join(f"{key}: {front_matter_value(value)}\n" for key, value in meta.items())
        + "---\n\n"
    )


def front_matter_value(value: object) -> str:
    """A value as YAML flow syntax: JSON is YAML, and much faster to write than PyYAML."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    # YAML 1.1 reads these two as line breaks; JSON leaves them raw.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def format_date(date: dt.date) -> str:
    """A date as readers write it, independent of the machine's locale."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def time_tag(date: dt.date) -> str:
    """A ``<time>`` element for a date."""
    return f'<time datetime="{date.isoformat()}">{format_date(date)}</time>'


def month_label(date: dt.date) -> str:
    """``August 2024``."""
    return f"{MONTHS[date.month - 1]} {date.year}"


def finished_lengths(blocks: tuple[Block, ...]) -> tuple[int, ...]:
    """The lengths of the finished-HTML blocks that ``blocks_markdown`` writes, in order."""
    return tuple(len(block.content.strip()) for block in blocks if block.kind == "html")


def joined(parts: list[str]) -> str:
    """A page's parts as Markdown blocks, blank lines between, empty parts left out."""
    return "\n\n".join(part for part in parts if part)


def blocks_markdown(blocks: tuple[Block, ...]) -> str:
    """Rendered body blocks as page Markdown: headings as ``##``, prose as sanitized HTML."""
    parts = []
    for block in blocks:
        if block.kind == "heading":
            parts.append("#" * block.level + " " + md_text(block.content).strip())
        else:
            parts.append(block.content.strip())
    return "\n\n".join(parts)
