"""Emitters: every page and file of the site, made from the rendered archive."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from generator.body.render import Rendered
from generator.content.memo import RunMemo
from generator.content.model import Archive, Entity
from generator.site.crossref import (
    ArticleMentions,
    CrossIndex,
    CrossReference,
    cross_reference,
    newest_first,
)
from generator.site.lastmod import page_dates, with_dates
from generator.site.pages.article import ReadingOn, article_page
from generator.site.pages.common import Page
from generator.site.pages.entity import KIND_LABELS, entity_page, feed_path
from generator.site.pages.explore import explore_page
from generator.site.pages.feeds import FEED_LIMIT, atom_feed
from generator.site.pages.home import home_page
from generator.site.pages.indexes import actors_index, articles_index, locations_index, month_pages
from generator.site.pages.topics import topic_feed_path, topic_page, topics_index
from generator.site.related import neighbours, related_articles
from generator.site.topics import Topic, article_topics, collect_topics

SITE_NAME = "Explainer Archive"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
PREVIEWS_PATH = "assets/previews.json"


@dataclass
class EmitMemos:
    """Under ``serve``, pages and feeds made from unchanged inputs are not made again.

    Each is a pure function of its arguments; a glossary page is made from its own slice of
    the cross reference (see :func:`_entity_pages`). So is the ranking of related articles.
    """

    article_pages: RunMemo = field(default_factory=RunMemo)
    entity_pages: RunMemo = field(default_factory=RunMemo)
    feeds: RunMemo = field(default_factory=RunMemo)
    ranked: RunMemo = field(default_factory=RunMemo)
    cross: CrossIndex = field(default_factory=CrossIndex)
    dated: RunMemo = field(default_factory=RunMemo)
    topic_pages: RunMemo = field(default_factory=RunMemo)


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is published and what it is called."""

    url: str
    name: str


@dataclass(frozen=True)
class Rendering:
    """The archive with every body rendered and every mention found."""

    archive: Archive
    entities: dict[str, Entity]
    bodies: dict[str, Rendered]
    descriptions: dict[str, Rendered]
    mentions: list[ArticleMentions]


def _article_pages(r: Rendering, topics: tuple[Topic, ...], memos: EmitMemos) -> list[Page]:
    related = related_articles(r.mentions, memos.ranked)
    around = neighbours(list(r.archive.articles))
    by_id = {topic.id: topic for topic in topics}
    pages = []
    for item in r.mentions:
        slug = item.article.slug
        reading = ReadingOn(related[slug], around[slug].previous, around[slug].next)
        entities = [r.entities[m.entity_id] for m in item.mentions]
        # Only each topic's id and name: the page does not change with the topic's articles.
        labels = tuple((t.id, t.name) for t in article_topics(item.article, by_id))
        inputs = (item.article, r.bodies[slug].blocks, entities, reading, labels)
        pages.append(memos.article_pages.get(slug, inputs, article_page))
    return pages


def _one_entity_page(
    entity: Entity,
    description: tuple,
    rows: tuple,
    partners: tuple,
    neighbours: tuple[Entity, ...],
) -> Page:
    """A glossary page from exactly what it shows: its rows, partners and their entries."""
    xref = CrossReference(
        {entity.id: rows} if rows else {}, {entity.id: partners} if partners else {}
    )
    return entity_page(entity, description, xref, {e.id: e for e in neighbours})


def _entity_pages(r: Rendering, xref: CrossReference, memos: EmitMemos) -> list[Page]:
    """Every glossary page; under ``serve`` only those whose slice of the archive changed."""
    pages = []
    for entity in r.archive.entities:
        partners = xref.together.get(entity.id, ())
        # The page names its country and every partner: their entries are inputs too.
        named = [other for other, _ in partners]
        if entity.country in r.entities:
            named.append(entity.country)
        inputs = (
            entity,
            r.descriptions[entity.id].blocks,
            xref.by_entity.get(entity.id, ()),
            partners,
            tuple(r.entities[other] for other in named),
        )
        pages.append(memos.entity_pages.get(entity.id, inputs, _one_entity_page))
    return pages


def _feeds(
    r: Rendering,
    xref: CrossReference,
    topics: tuple[Topic, ...],
    site: SiteAddress,
    feeds: RunMemo,
) -> list[Page]:
    articles = sorted(r.archive.articles, key=newest_first)
    updated = articles[0].date if articles else dt.date(1970, 1, 1)
    # A feed shows its newest FEED_LIMIT articles and dates itself by the first of them:
    # those are all it is made from (and all a memo need compare).
    inputs = ("feed.xml", site.name, "", articles[:FEED_LIMIT], site.url, updated, site.name)
    made = [feeds.get("feed.xml", inputs, atom_feed)]
    for entity in r.archive.entities:
        rows = xref.by_entity.get(entity.id, ())[:FEED_LIMIT]
        listed = [article for article, _ in rows]
        title = f"{entity.name} — {site.name}"
        inputs = (feed_path(entity), title, entity.url, listed, site.url, updated, site.name)
        made.append(feeds.get(inputs[0], inputs, atom_feed))
    for topic in topics:
        title = f"{topic.name} — {site.name}"
        path = topic_feed_path(topic.id)
        newest = topic.articles[:FEED_LIMIT]
        inputs = (path, title, topic.url, newest, site.url, updated, site.name)
        made.append(feeds.get(path, inputs, atom_feed))
    return made


def _previews(r: Rendering, xref: CrossReference) -> Page:
    """What a hover preview shows for each entity, keyed by its URL below the site root."""
    data = {
        e.url: {
            "name": e.name,
            "kind": KIND_LABELS[e.kind],
            "summary": e.summary,
            "articles": xref.count(e.id),
        }
        for e in sorted(r.archive.entities, key=lambda e: e.url)
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Page(PREVIEWS_PATH, text + "\n")


def emit_site(
    r: Rendering, site_url: str, *, site_name: str = SITE_NAME, memos: EmitMemos | None = None
) -> list[Page]:
    """Every generated file: pages, indexes, topics, feeds and the preview data.

    ``site_name`` heads the home page and the feeds (``site_name`` in ``mkdocs.yml``);
    ``memos``: what a long-lived process kept from the previous run.
    """
    memos = memos if memos is not None else EmitMemos()
    site = SiteAddress(site_url, site_name)
    xref = cross_reference(r.mentions, r.entities, memos.cross)
    articles, entities = list(r.archive.articles), list(r.archive.entities)
    topics = collect_topics(articles)
    pages = _article_pages(r, topics, memos)
    pages += _entity_pages(r, xref, memos)
    pages += [
        home_page(articles, entities, xref, topics, site.name),
        articles_index(articles),
        topics_index(topics),
        *(memos.topic_pages.get(topic.id, (topic,), topic_page) for topic in topics),
        *month_pages(articles),
        actors_index(entities, xref),
        locations_index(entities, xref),
        explore_page(entities, xref),
        _previews(r, xref),
        *_feeds(r, xref, topics, site, memos.feeds),
    ]
    newest = max((a.date for a in articles), default=None)
    dates = page_dates(articles, entities, xref, topics)
    return with_dates(pages, dates, newest, memos.dated)
