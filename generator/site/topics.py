"""Topics: an article's tags, gathered into one record per topic id (the tag's slug)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from unidecode import unidecode

from generator.content.model import Article
from generator.content.slugs import topic_id
from generator.content.topic_checks import tag_spellings, topic_name
from generator.site.crossref import newest_first


@dataclass(frozen=True)
class Topic:
    """A topic: its id (the URL name), the name shown, and its articles newest first."""

    id: str
    name: str
    articles: tuple[Article, ...]

    @property
    def url(self) -> str:
        """Site-relative URL of the topic's page (directory URLs)."""
        return f"topics/{self.id}/"


def topic_sort_key(topic: Topic) -> tuple[str, str]:
    """A–Z by name, ignoring accents and case; the id settles ties."""
    return (unidecode(topic.name).casefold(), topic.id)


def collect_topics(articles: Iterable[Article]) -> tuple[Topic, ...]:
    """Every topic the articles' tags name, A–Z; an article is listed once per topic,
    however many of its tags spell that topic."""
    topics = []
    for tid, spellings in tag_spellings(articles).items():
        listed = {a.slug: a for users in spellings.values() for a in users}
        ordered = tuple(sorted(listed.values(), key=newest_first))
        topics.append(Topic(tid, topic_name(spellings), ordered))
    return tuple(sorted(topics, key=topic_sort_key))


def article_topics(article: Article, topics: dict[str, Topic]) -> tuple[Topic, ...]:
    """The topics of one article, in the order its tags give, each once."""
    ids = dict.fromkeys(topic_id(tag) for tag in article.tags)
    return tuple(topics[tid] for tid in ids if tid in topics)


def most_used(topics: Iterable[Topic], limit: int) -> list[Topic]:
    """The ``limit`` topics with the most articles, then A–Z."""
    return sorted(topics, key=lambda t: (-len(t.articles), *topic_sort_key(t)))[:limit]
