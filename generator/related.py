"""Reading on: related articles by shared entities, and neighbours in time."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from generator.crossref import ArticleMentions
from generator.model import Article

RELATED_LIMIT = 5
# An entity named in more articles than this suggests no related ones: a fixed bound keeps
# the work linear (a bound growing with the archive made it quadratic at 10,000 articles).
COMMON_LIMIT = 200


@dataclass(frozen=True)
class Neighbours:
    """The articles just before and after one article in the archive's timeline."""

    previous: Article | None
    next: Article | None


def _chronological(article: Article) -> tuple:
    return (article.date, article.title.casefold(), article.slug)


def neighbours(articles: list[Article]) -> dict[str, Neighbours]:
    """Previous and next article in time for every article, by slug."""
    ordered = sorted(articles, key=_chronological)
    return {
        article.slug: Neighbours(
            ordered[i - 1] if i > 0 else None,
            ordered[i + 1] if i + 1 < len(ordered) else None,
        )
        for i, article in enumerate(ordered)
    }


def related_articles(items: list[ArticleMentions]) -> dict[str, tuple[Article, ...]]:
    """For each article, the articles sharing the most *rare* entities with it.

    An entity named in half the archive says little about how two articles relate, so
    each shared entity weighs its inverse document frequency. Candidates come from the
    entities' own article lists, so the cost follows the mentions, not articles squared.
    """
    total = len(items)
    by_entity: dict[str, list[ArticleMentions]] = defaultdict(list)
    for item in items:
        for entity_id in {m.entity_id for m in item.mentions}:
            by_entity[entity_id].append(item)
    weight = {e: math.log((1 + total) / len(found)) for e, found in by_entity.items()}
    common = COMMON_LIMIT
    related: dict[str, tuple[Article, ...]] = {}
    for item in items:
        scores: dict[str, float] = defaultdict(float)
        articles: dict[str, Article] = {}
        # Sorted, so that the float sums, and so the ranking, are the same on every run.
        for entity_id in sorted({m.entity_id for m in item.mentions}):
            # Entities in a large share of the archive add little and would make this
            # quadratic (the busiest one can be in half of all articles): skipped.
            if len(by_entity[entity_id]) > common:
                continue
            for other in by_entity[entity_id]:
                if other.article.slug != item.article.slug:
                    scores[other.article.slug] += weight[entity_id]
                    articles[other.article.slug] = other.article
        ranked = sorted(
            scores, key=lambda s: (-round(scores[s], 9), -articles[s].date.toordinal(), s)
        )
        related[item.article.slug] = tuple(articles[s] for s in ranked[:RELATED_LIMIT])
    return related
