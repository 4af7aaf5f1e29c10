"""Atom feeds: one of all articles, and one per actor and location ("follow this actor")."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from urllib.parse import urljoin

from generator.content.model import Article
from generator.site.pages.common import Page

ATOM = "http://www.w3.org/2005/Atom"
FEED_LIMIT = 50
ET.register_namespace("", ATOM)


def _timestamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text:
        element.text = text
    return element


def _entry(feed: ET.Element, article: Article, site_url: str, author: str) -> None:
    entry = _add(feed, "entry")
    url = urljoin(site_url, article.url)
    _add(entry, "title", article.title)
    _add(entry, "link", rel="alternate", type="text/html", href=url)
    _add(entry, "id", url)
    _add(entry, "published", _timestamp(article.date))
    _add(entry, "updated", _timestamp(article.date))
    _add(_add(entry, "author"), "name", article.byline or author)
    if article.summary:
        _add(entry, "summary", article.summary)


def atom_feed(
    path: str,
    title: str,
    page_url: str,
    articles: Sequence[Article],
    site_url: str,
    updated: dt.date,
    author: str,
) -> Page:
    """An Atom 1.0 feed at ``path`` of the newest ``articles`` (already newest first).

    ``author``: the feed's author, and each entry's when the article has no byline (the
    site's name, ``site_name`` in ``mkdocs.yml``).
    """
    feed = ET.Element(f"{{{ATOM}}}feed")
    self_url = urljoin(site_url, path)
    _add(feed, "title", title)
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _add(feed, "link", rel="alternate", type="text/html", href=urljoin(site_url, page_url))
    _add(feed, "id", self_url)
    newest = max((a.date for a in articles), default=updated)
    _add(feed, "updated", _timestamp(newest))
    _add(_add(feed, "author"), "name", author)
    for article in articles[:FEED_LIMIT]:
        _entry(feed, article, site_url, author)
    ET.indent(feed)
    xml = ET.tostring(feed, encoding="unicode", xml_declaration=False)
    return Page(path, '<?xml version="1.0" encoding="utf-8"?>\n' + xml + "\n")
