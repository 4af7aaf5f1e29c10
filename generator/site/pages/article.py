"""The article page: meta line, body with entity links, and the "in this article" boxes."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from generator.body.render import Block
from generator.content.model import Article, Entity, Source
from generator.site.markup import html_text, md_link, md_text
from generator.site.pages.common import (
    Page,
    blocks_markdown,
    finished_lengths,
    format_date,
    front_matter,
    joined,
    time_tag,
)
from generator.site.pages.search_hints import search_hints, searchable

# Our own sanitized output, so a regular expression is enough to read its first paragraph.
_FIRST_PARAGRAPH = re.compile(r"^\s*(?:<div[^>]*>\s*)?<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
# A topic as an article shows it: its id (a slug, safe in a URL) and its name.
TopicLabel = tuple[str, str]
BOX_TITLES = {"actors": "Actors in this article", "locations": "Locations in this article"}


def article_src(article: Article) -> str:
    """Source path of an article's page below the docs folder."""
    return f"articles/{article.slug}.md"


def entity_src(entity: Entity) -> str:
    """Source path of a glossary entry's page below the docs folder."""
    return f"{entity.section}/{entity.id}.md"


def _source_link(source: Source) -> str:
    name = html_text(source.name or source.url)
    return f'<a href="{html_text(source.url)}">{name}</a>' if source.url else name


def _meta_line(article: Article) -> str:
    parts = [time_tag(article.date)]
    if article.byline:
        parts.append(f'<span class="ea-byline">{html_text(article.byline)}</span>')
    if article.source:
        parts.append(f'<span class="ea-source">Source: {_source_link(article.source)}</span>')
    return f'<p class="ea-meta">{" · ".join(parts)}</p>'


def _credit(article: Article) -> str:
    """Byline and source as words to search by (the meta line is not indexed as text)."""
    return " · ".join(
        part for part in (article.byline, article.source and article.source.name) if part
    )


def _summary(article: Article, blocks: tuple[Block, ...]) -> str:
    """The summary as a lede, unless the body already opens with the same paragraph."""
    if not article.summary:
        return ""
    opening = blocks[0].content if blocks and blocks[0].kind == "html" else ""
    first = _FIRST_PARAGRAPH.search(opening)
    if first and " ".join(html.unescape(_TAG.sub("", first.group(1))).split()) == article.summary:
        return ""
    return f'<p class="ea-summary">{html_text(article.summary)}</p>'


def _box(section: str, entities: list[Entity], src: str) -> str:
    if not entities:
        return ""
    rows = [f"    - {md_link(e.name, src, entity_src(e))}: {md_text(e.summary)}" for e in entities]
    return f'!!! abstract "{BOX_TITLES[section]}"\n\n' + "\n".join(rows)


def _tags(topics: tuple[TopicLabel, ...]) -> str:
    """The article's topics, each linking to its page (``topics/<id>/``)."""
    if not topics:
        return ""
    items = "".join(
        f'<li><a href="../../topics/{tid}/">{html_text(name)}</a></li>' for tid, name in topics
    )
    return f'<ul class="ea-tags" aria-label="Topics">{items}</ul>'


def _sources(article: Article) -> str:
    if not article.sources:
        return ""
    items = "".join(f"<li>{_source_link(s)}</li>" for s in article.sources)
    return f'## Sources\n\n<ul class="ea-sources">{items}</ul>'


def _box_section(article: Article, entity: Entity) -> str:
    """Which box an entity goes in: its own section, unless front-matter says otherwise."""
    if entity.id in article.actors:
        return "actors"
    if entity.id in article.locations:
        return "locations"
    return "actors" if entity.section == "actors" else "locations"


@dataclass(frozen=True)
class ReadingOn:
    """Where a reader can go from an article: related articles and neighbours in time."""

    related: tuple[Article, ...] = ()
    previous: Article | None = None
    next: Article | None = None


def _reading_on(reading: ReadingOn, src: str) -> str:
    parts = []
    if reading.related:
        rows = [
            f"- {md_link(a.title, src, article_src(a))} · {time_tag(a.date)}"
            for a in reading.related
        ]
        parts.append("## Related articles\n\n" + "\n".join(rows))
    steps = []
    if reading.previous:
        link = md_link(reading.previous.title, src, article_src(reading.previous))
        steps.append(f"- Previous: {link} · {time_tag(reading.previous.date)}")
    if reading.next:
        link = md_link(reading.next.title, src, article_src(reading.next))
        steps.append(f"- Next: {link} · {time_tag(reading.next.date)}")
    if steps:
        parts.append("## In the archive\n\n" + "\n".join(steps))
    return "\n\n".join(parts)


def article_page(
    article: Article,
    blocks: tuple[Block, ...],
    entities: list[Entity],
    reading: ReadingOn = ReadingOn(),
    topics: tuple[TopicLabel, ...] = (),
) -> Page:
    """The page of one article; ``entities`` in order of first mention; ``topics`` as
    its tags name them."""
    src = article_src(article)
    boxes = {section: [] for section in BOX_TITLES}
    for entity in entities:
        boxes[_box_section(article, entity)].append(entity)
    text = [
        f"# {md_text(article.title)}",
        _meta_line(article),
        _summary(article, blocks),
        blocks_markdown(blocks),
        _tags(topics),
        _sources(article),
    ]
    label = format_date(article.date)
    names = [name for _, name in topics]
    hints = search_hints(label, entities, _credit(article), article=True, topics=names)
    parts = [
        searchable(joined(text), hints),
        *(_box(section, sorted_entities, src) for section, sorted_entities in boxes.items()),
        _reading_on(reading, src),
    ]
    body = joined(parts)
    meta = front_matter(article.title, article.summary)
    return Page(src, meta + body + "\n", finished_lengths(blocks))
