"""When each page last changed, for the sitemap's ``lastmod``: a date from the content.

A page changes when an article it shows does, so its date is the newest such article's:
an article's own date, a glossary page's newest mentioning article, a month page's and a
topic page's newest article, and for every other page (home, indexes, Explore) the newest
article of all.
File times and the build's clock are never used, so two builds of the same content give
the same sitemap. Edits to a glossary entry's own text do not move its date: the content
records no date for them.

The date reaches the theme as the page's ``lastmod`` front-matter (``theme/sitemap.xml``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from generator.content.memo import RunMemo
from generator.content.model import Article, Entity
from generator.site.crossref import CrossReference
from generator.site.pages.article import article_src, entity_src
from generator.site.pages.common import Page, front_matter_value
from generator.site.pages.indexes import month_src
from generator.site.pages.topics import topic_src
from generator.site.topics import Topic

FRONT_MATTER_START = "---\n"


def page_dates(
    articles: Iterable[Article],
    entities: Iterable[Entity],
    xref: CrossReference,
    topics: Iterable[Topic] = (),
) -> dict[str, dt.date]:
    """The date of every page that has one of its own, by source path."""
    dates: dict[str, dt.date] = {}
    for article in articles:
        dates[article_src(article)] = article.date
        month = month_src(article.date)
        dates[month] = max(dates.get(month, article.date), article.date)
    for entity in entities:
        rows = xref.by_entity.get(entity.id, ())
        if rows:
            dates[entity_src(entity)] = max(article.date for article, _ in rows)
    for topic in topics:
        # Newest first: the first article is the newest.
        dates[topic_src(topic.id)] = topic.articles[0].date
    return dates


def dated(page: Page, date: dt.date) -> Page:
    """``page`` with ``lastmod: date`` first in its front-matter; other files unchanged."""
    if not page.path.endswith(".md") or not page.text.startswith(FRONT_MATTER_START):
        return page
    line = f"lastmod: {front_matter_value(date.isoformat())}\n"
    rest = page.text[len(FRONT_MATTER_START) :]
    return Page(page.path, FRONT_MATTER_START + line + rest, page.finished)


def with_dates(
    pages: list[Page],
    dates: dict[str, dt.date],
    newest: dt.date | None,
    memo: RunMemo | None = None,
) -> list[Page]:
    """Every Markdown page dated: its own date, else ``newest`` (none in an empty archive).

    ``memo``: under ``serve``, a page that is the very one dated before, with the same
    date, is not copied again.
    """
    made = []
    for page in pages:
        date = dates.get(page.path, newest)
        if not date:
            made.append(page)
        elif memo is None:
            made.append(dated(page, date))
        else:
            made.append(memo.get(page.path, (page, date), dated))
    return made
