"""Emitters: every page and file of the site, made from the rendered archive."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from generator.crossref import ArticleMentions, CrossReference, cross_reference, newest_first
from generator.memo import RunMemo
from generator.model import Archive, Entity
from generator.pages.article import ReadingOn, article_page
from generator.pages.common import Page
from generator.pages.entity import KIND_LABELS, entity_page, feed_path
from generator.pages.explore import explore_page
from generator.pages.feeds import atom_feed
from generator.pages.indexes import (
    actors_index,
    articles_index,
    home_page,
    locations_index,
    month_pages,
)
from generator.related import neighbours, related_articles
from generator.render import Rendered

SITE_NAME = "Explainer Archive"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
PREVIEWS_PATH = "assets/previews.json"
# Under ``serve``, pages and feeds made from unchanged inputs are not made again. Both are
# pure functions of their arguments (glossary pages are not: they read the whole cross
# reference, so they are always made).
_ARTICLE_PAGES = RunMemo()
_FEEDS = RunMemo()


@dataclass(frozen=True)
class Rendering:
    """The archive with every body rendered and every mention found."""

    archive: Archive
    entities: dict[str, Entity]
    bodies: dict[str, Rendered]
    descriptions: dict[str, Rendered]
    mentions: list[ArticleMentions]


def _article_pages(r: Rendering) -> list[Page]:
    related = related_articles(r.mentions)
    around = neighbours(list(r.archive.articles))
    pages = []
    for item in r.mentions:
        slug = item.article.slug
        reading = ReadingOn(related[slug], around[slug].previous, around[slug].next)
        entities = [r.entities[m.entity_id] for m in item.mentions]
        inputs = (item.article, r.bodies[slug].blocks, entities, reading)
        pages.append(_ARTICLE_PAGES.get(slug, inputs, article_page))
    return pages


def _feeds(r: Rendering, xref: CrossReference, site_url: str) -> list[Page]:
    articles = sorted(r.archive.articles, key=newest_first)
    updated = articles[0].date if articles else dt.date(1970, 1, 1)
    inputs = ("feed.xml", SITE_NAME, "", articles, site_url, updated)
    feeds = [_FEEDS.get("feed.xml", inputs, atom_feed)]
    for entity in r.archive.entities:
        listed = [article for article, _ in xref.by_entity.get(entity.id, ())]
        title = f"{entity.name} — {SITE_NAME}"
        inputs = (feed_path(entity), title, entity.url, listed, site_url, updated)
        feeds.append(_FEEDS.get(inputs[0], inputs, atom_feed))
    return feeds


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


def emit_site(r: Rendering, site_url: str) -> list[Page]:
    """Every generated file: pages, indexes, feeds and the preview data."""
    xref = cross_reference(r.mentions, r.entities)
    articles, entities = list(r.archive.articles), list(r.archive.entities)
    pages = _article_pages(r)
    pages += [entity_page(e, r.descriptions[e.id].blocks, xref, r.entities) for e in entities]
    pages += [
        home_page(articles, entities, SITE_NAME),
        articles_index(articles),
        *month_pages(articles),
        actors_index(entities, xref),
        locations_index(entities, xref),
        explore_page(entities, xref),
        _previews(r, xref),
        *_feeds(r, xref, site_url),
    ]
    return pages
